using System.Diagnostics;
using System.Text;
using Headroom.Apt;
using Headroom.Knowledge;

namespace Headroom.Tests.Integration;

/// <summary>
/// The apt closure against Debian's real mirror (bookworm, amd64), and against apt itself
/// (<c>apt-get install -s</c> with the same base-image status) where apt-get exists. Skipped with the
/// reason when the mirror does not answer; CI reaches it (it apt-installs packages).
/// </summary>
public sealed class AptMirrorIntegrationTests
{
    private static readonly Uri Release = new("http://deb.debian.org/debian/dists/bookworm/InRelease");
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AptPackageIndex? loaded;

    private static async Task<AptPackageIndex> BookwormAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (loaded is not null)
            {
                return loaded;
            }

            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) })
            {
                try
                {
                    using HttpResponseMessage response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Release), TestContext.Current.CancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        IntegrationEnvironment.Unavailable($"the Debian mirror answers {(int)response.StatusCode} for {Release}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    IntegrationEnvironment.Unavailable($"the Debian mirror is unreachable ({Release}: {e.Message})");
                }
            }

            using var fetcher = new HttpAptFetcher();
            loaded = await AptIndexLoader.LoadAsync(AptDistribution.Find("debian", "bookworm")!, "amd64", fetcher, cancellationToken: TestContext.Current.CancellationToken);
            return loaded;
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task Python3_on_bookworm_slim_with_and_without_recommends()
    {
        AptPackageIndex index = await BookwormAsync();
        IReadOnlyList<AptPackage> baseImage = BaseImagePackages.Find("debian:bookworm-slim")!;
        var calculator = new AptClosureCalculator(index, baseImage);
        AptClosure lean = calculator.Compute(["python3"], installRecommends: false);
        AptClosure full = calculator.Compute(["python3"], installRecommends: true);

        Assert.Empty(lean.Unresolved);
        Assert.Empty(full.Unresolved);
        string[] core = ["python3", "python3-minimal", "python3.11", "python3.11-minimal", "libpython3.11-stdlib", "libpython3.11-minimal"];
        Assert.Subset(lean.Packages.Select(p => p.Package.Name).ToHashSet(), core.ToHashSet());
        Assert.Subset(full.Packages.Select(p => p.Package.Name).ToHashSet(), lean.Packages.Select(p => p.Package.Name).ToHashSet());
        Assert.True(full.Packages.Count > lean.Packages.Count);
        Assert.True(full.InstalledBytes > lean.InstalledBytes && lean.InstalledBytes > 0);
        Assert.True(lean.DownloadBytes > 0 && lean.DownloadBytes < lean.InstalledBytes);
        Assert.DoesNotContain(lean.Packages, p => p.Package.Name is "libc6" or "dpkg" or "tzdata");

        // The closure is closed: every Pre-Depends/Depends group of every package is met inside it or by the base.
        var available = lean.Packages.Select(p => p.Package).Concat(baseImage).ToList();
        foreach (AptPackage package in lean.Packages.Select(p => p.Package))
        {
            foreach (IReadOnlyList<AptRelation> group in package.PreDepends.Concat(package.Depends))
            {
                Assert.True(
                    group.Any(r => available.Any(p => (p.Name == r.Name && r.IsSatisfiedBy(p.Version)) || p.Provides.Any(v => v.Name == r.Name && (r.Version is null || (v.Version is not null && r.IsSatisfiedBy(v.Version)))))),
                    $"{package.Name}: {string.Join(" | ", group)} is not satisfied");
            }
        }
    }

    [Fact]
    public async Task Matches_apt_get_simulate_on_the_same_base()
    {
        string aptGet = IntegrationEnvironment.RequireTool("apt-get");
        AptPackageIndex index = await BookwormAsync();
        IReadOnlyList<AptPackage> baseImage = BaseImagePackages.Find("debian:bookworm-slim")!;
        string root = Path.Combine(Path.GetTempPath(), "headroom-apt-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            foreach (string dir in new[] { "lists/partial", "cache/archives/partial", "etc/sources.list.d", "etc/preferences.d" })
            {
                Directory.CreateDirectory(Path.Combine(root, dir));
            }

            await File.WriteAllTextAsync(Path.Combine(root, "etc/sources.list"), """
                deb http://deb.debian.org/debian bookworm main
                deb http://deb.debian.org/debian bookworm-updates main
                deb http://deb.debian.org/debian-security bookworm-security main

                """, TestContext.Current.CancellationToken);
            var status = new StringBuilder();
            foreach (AptPackage p in baseImage)
            {
                status.Append("Package: ").Append(p.Name).Append("\nStatus: install ok installed\nPriority: optional\nArchitecture: ").Append(p.Architecture)
                    .Append("\nVersion: ").Append(p.Version).Append('\n');
                if (p.Provides.Count > 0)
                {
                    status.Append("Provides: ").Append(string.Join(", ", p.Provides)).Append('\n');
                }

                status.Append("Description: base\n\n");
            }

            await File.WriteAllTextAsync(Path.Combine(root, "status"), status.ToString(), TestContext.Current.CancellationToken);
            string[] options =
            [
                "-o", $"Dir::State::Lists={root}/lists", "-o", $"Dir::State::status={root}/status", "-o", $"Dir::Cache={root}/cache",
                "-o", $"Dir::Etc::SourceList={root}/etc/sources.list", "-o", $"Dir::Etc::SourceParts={root}/etc/sources.list.d",
                "-o", $"Dir::Etc::Preferences={root}/etc/preferences", "-o", $"Dir::Etc::PreferencesParts={root}/etc/preferences.d", "-o", "APT::Architecture=amd64", "-o", "APT::Architectures::=amd64",
            ];
            (int updateCode, string updateOutput) = await RunAsync(aptGet, [.. options, "-qq", "update"]);
            Assert.True(updateCode == 0, $"apt-get update failed: {updateOutput}");
            foreach (bool recommends in new[] { false, true })
            {
                (int code, string output) = await RunAsync(aptGet, [.. options, "-s", "install", recommends ? "--install-recommends" : "--no-install-recommends", "python3"]);
                Assert.True(code == 0, output);
                // "Inst libtinfo6 [6.4-4] (6.4-4 ...)" reinstalls an installed package at the same version: apt does that
                // here only because the synthetic status lacks Multi-Arch; with a real dpkg status (debootstrap minbase
                // bookworm, 2026-11-30) apt lists exactly the packages below.
                var fromApt = output.Split('\n').Where(l => l.StartsWith("Inst ", StringComparison.Ordinal) && !l.Split(' ')[2].StartsWith('['))
                    .Select(l => l.Split(' ')[1] + " " + l.Split(' ')[2].TrimStart('(')).Order(StringComparer.Ordinal).ToList();
                var ours = new AptClosureCalculator(index, baseImage).Compute(["python3"], recommends).Packages
                    .Select(p => $"{p.Package.Name} {p.Package.Version}").Order(StringComparer.Ordinal).ToList();
                Assert.Equal(fromApt, ours);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["LC_ALL"] = "C";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
