using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Headroom.Images;
using Headroom.Tests.Cli;
using Headroom.Tests.Dockerfiles;
using Headroom.Tests.Images;
using Headroom.Tests.Integration;
using Headroom.Tests.Shipping;
using static Headroom.Tests.Images.Fx;

namespace Headroom.Tests.Diff;

public sealed partial class DiffCommandTests
{
    private const string Sp = "usr/local/lib/python3.12/site-packages";

    private static string Example => Path.Combine(ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");

    /// <summary>The example in <paramref name="folder"/>, and with <paramref name="fix"/> its autofixes applied (the example itself never changes).</summary>
    private static void CopyExample(string folder, bool fix)
    {
        DotnetToolTests.CopyTree(Example, folder);
        if (fix)
        {
            CliResult fixedRun = CliRunner.Run("fix", folder, "--offline");
            Assert.Equal(string.Empty, fixedRun.Error);
        }
    }

    [Fact]
    public void The_example_before_and_after_headroom_fix_loses_the_CUDA_stack_and_about_80_percent()
    {
        using var dir = new TempDir();
        string before = Path.Combine(dir.Path, "before");
        string after = Path.Combine(dir.Path, "after");
        CopyExample(before, fix: false);
        CopyExample(after, fix: true);
        string beforeFile = Path.Combine(before, "backend", "Dockerfile");
        string afterFile = Path.Combine(after, "backend", "Dockerfile");

        CliResult json = CliRunner.Run("diff", beforeFile, afterFile, "--offline", "--format", "json");

        Assert.Equal(string.Empty, json.Error);
        Assert.Equal(0, json.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(json.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("prediction", root.GetProperty("mode").GetString());
        Assert.Equal(beforeFile, root.GetProperty("before").GetProperty("source").GetString());
        Assert.Equal("prediction", root.GetProperty("after").GetProperty("kind").GetString());
        double saved = root.GetProperty("size").GetProperty("savedFraction").GetDouble();
        Assert.InRange(saved, 0.7, 0.9);
        JsonElement budget = root.GetProperty("budget");
        Assert.Equal("github-ubuntu-latest", budget.GetProperty("name").GetString());
        Assert.True(budget.GetProperty("afterFraction").GetDouble() < budget.GetProperty("beforeFraction").GetDouble() / 3);
        Assert.True(root.GetProperty("peakBuild").GetProperty("deltaBytes").GetInt64() < -3_000_000_000);
        JsonElement[] packages = [.. root.GetProperty("packages").EnumerateArray()];
        JsonElement cuda = Assert.Single(packages, p => p.GetProperty("name").GetString() == "nvidia-*-cu12 and triton");
        Assert.Equal("removed", cuda.GetProperty("change").GetString());
        Assert.Contains(packages, p => p.GetProperty("name").GetString() == "pip cache" && p.GetProperty("change").GetString() == "removed");
        JsonElement torch = Assert.Single(packages, p => p.GetProperty("name").GetString() == "torch");
        Assert.Equal("2.3.1+cpu", torch.GetProperty("afterVersion").GetString());
        JsonElement cudaCategory = Assert.Single(root.GetProperty("categories").EnumerateArray(), c => c.GetProperty("name").GetString() == "cuda");
        Assert.Equal(0, cudaCategory.GetProperty("afterBytes").GetInt64());
        Assert.Equal("nvidia-*-cu12 and triton", root.GetProperty("movers")[0].GetProperty("name").GetString());

        CliResult text = CliRunner.Run("diff", beforeFile, afterFile, "--offline");
        Match headline = HeadlinePattern().Match(text.Out);
        Assert.True(headline.Success, text.Out);
        Assert.Equal((int)Math.Round(saved * 100), int.Parse(headline.Groups["saved"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\nremoved components (", text.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n +~[\d.]+ GB  pip   nvidia-\*-cu12 and triton 12\.1\n", text.Out);
        Assert.Matches(@"pip   torch 2\.3\.1 → 2\.3\.1\+cpu\n", text.Out);
        Assert.Contains("\npeak build disk ~", text.Out, StringComparison.Ordinal);
        Assert.Contains("\nbiggest movers\n", text.Out, StringComparison.Ordinal);

        CliResult markdown = CliRunner.Run("diff", beforeFile, afterFile, "--offline", "--format", "markdown");
        Assert.StartsWith("## Impact\n", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("- **Removed:** nvidia-\\*-cu12 and triton 12.1 (~", markdown.Out, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\nbefore ~[\d.]+ GB, after ~[\d.]+ GB, (?<saved>\d+)% smaller \(~[\d.]+ GB saved\); (?<b>\d+)% of the runner's disk before, (?<a>\d+)% after \(github-ubuntu-latest, 14 GB\)\n")]
    private static partial Regex HeadlinePattern();

    [Fact]
    public void A_git_revision_side_reads_the_Dockerfile_and_its_folder_at_that_revision()
    {
        using var dir = new TempDir();
        string repo = Path.Combine(dir.Path, "repo");
        CopyExample(repo, fix: false);
        Git(repo, "init", "-q");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "before");
        Assert.Equal(string.Empty, CliRunner.Run("fix", repo, "--offline").Error);
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "after");
        string afterFile = Path.Combine(repo, "backend", "Dockerfile");
        string[] leftBefore = TempCopies();

        CliResult fromGit = CliRunner.Run("diff", "HEAD~1:backend/Dockerfile", afterFile, "--repo", repo, "--offline", "--format", "json");

        Assert.Equal(string.Empty, fromGit.Error);
        Assert.Equal(0, fromGit.ExitCode);
        Assert.Equal(leftBefore, TempCopies());

        // The same figures as the Dockerfile of an untouched copy: requirements.txt and the context came from HEAD~1 too.
        string plain = Path.Combine(dir.Path, "plain");
        CopyExample(plain, fix: false);
        CliResult fromCopy = CliRunner.Run("diff", Path.Combine(plain, "backend", "Dockerfile"), afterFile, "--offline", "--format", "json");
        using JsonDocument git = JsonDocument.Parse(fromGit.Out);
        using JsonDocument copy = JsonDocument.Parse(fromCopy.Out);
        Assert.Equal("HEAD~1:backend/Dockerfile", git.RootElement.GetProperty("before").GetProperty("source").GetString());
        Assert.Equal(copy.RootElement.GetProperty("size").GetRawText(), git.RootElement.GetProperty("size").GetRawText());
        Assert.Equal(copy.RootElement.GetProperty("packages").GetRawText(), git.RootElement.GetProperty("packages").GetRawText());
        Assert.True(git.RootElement.GetProperty("size").GetProperty("savedFraction").GetDouble() > 0.7);

        // A folder at a revision, and both sides at revisions.
        CliResult folders = CliRunner.Run("diff", "HEAD~1:backend", "HEAD:backend", "--repo", repo, "--offline", "--format", "json");
        Assert.Equal(string.Empty, folders.Error);
        using JsonDocument both = JsonDocument.Parse(folders.Out);
        Assert.Equal(copy.RootElement.GetProperty("size").GetRawText(), both.RootElement.GetProperty("size").GetRawText());
    }

    [Fact]
    public void Bad_revisions_and_missing_paths_exit_2_with_one_line_naming_the_side()
    {
        using var dir = new TempDir();
        string repo = Path.Combine(dir.Path, "repo");
        CopyExample(repo, fix: false);
        Git(repo, "init", "-q");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "only");
        string dockerfile = Path.Combine(repo, "backend", "Dockerfile");

        AssertOneLineError(CliRunner.Run("diff", "NOPE~3:backend/Dockerfile", dockerfile, "--repo", repo, "--offline"), "NOPE~3:backend/Dockerfile: no such file, and 'NOPE~3' is not a git revision");
        AssertOneLineError(CliRunner.Run("diff", "HEAD:missing/Dockerfile", dockerfile, "--repo", repo, "--offline"), "HEAD:missing/Dockerfile: 'missing/Dockerfile' does not exist at HEAD");
        AssertOneLineError(CliRunner.Run("diff", "HEAD~1:backend/Dockerfile", dockerfile, "--repo", repo, "--offline"), "HEAD~1:backend/Dockerfile: no such file, and 'HEAD~1' is not a git revision");
        AssertOneLineError(CliRunner.Run("diff", "HEAD:backend/Dockerfile", dockerfile, "--repo", dir.Path, "--offline"), "HEAD:backend/Dockerfile: no such file, and not inside a git repository to read it as REV:path");
    }

    [Fact]
    public void Missing_files_folders_without_a_Dockerfile_and_malformed_archives_exit_2()
    {
        using var dir = new TempDir();
        string dockerfile = dir.File("app/Dockerfile", "FROM python:3.12-slim\n"u8.ToArray());
        string missing = Path.Combine(dir.Path, "nope", "Dockerfile");
        string garbage = dir.File("bad.tar", "this is not a tar archive at all, just some text"u8.ToArray());
        string empty = Path.Combine(dir.Path, "empty");
        Directory.CreateDirectory(empty);

        AssertOneLineError(CliRunner.Run("diff", missing, dockerfile, "--offline"), missing + ": no such file or directory");
        AssertOneLineError(CliRunner.Run("diff", dockerfile, garbage, "--offline"), garbage);
        AssertOneLineError(CliRunner.Run("diff", empty, dockerfile, "--offline"), empty + ": no Dockerfile in this folder");
        AssertOneLineError(CliRunner.Run("diff", dockerfile, dockerfile, "--budget", "lots"), "--budget: 'lots'");
        AssertOneLineError(CliRunner.Run("diff", "-", "-"), "only one side");
    }

    /// <summary>The base layer both images share, written once so that its digest is the same in both (tar entries carry the time they were made).</summary>
    private static readonly byte[] BaseTar = ImageFixture.Tar([F("etc/os-release", 300), F("usr/bin/python3", 5000)], System.Formats.Tar.TarEntryFormat.Pax);

    private static ImageFixture Image(bool cuda)
    {
        var layers = new List<FxLayer>
        {
            new([Raw(BaseTar)], LayerCompression.None, "/bin/sh -c #(nop) ADD rootfs"),
        };
        if (cuda)
        {
            layers.Add(PipLayer("RUN pip install torch", ("torch", "2.3.1", 4000), ("nvidia-cublas-cu12", "12.1.3.1", 9000)));
            layers.Add(new FxLayer([F("root/.cache/pip/http/a/b", 2500)], LayerCompression.None, "RUN pip download"));
        }
        else
        {
            layers.Add(PipLayer("RUN pip install --index-url https://download.pytorch.org/whl/cpu torch", ("torch", "2.3.1+cpu", 3000)));
        }

        layers.Add(PipLayer("RUN pip install fastapi", ("fastapi", "0.111.0", cuda ? 700 : 800)));
        return new ImageFixture([.. layers]);
    }

    /// <summary>A layer with pip packages: each one's files and a dist-info RECORD that lists them.</summary>
    private static FxLayer PipLayer(string createdBy, params (string Name, string Version, int Bytes)[] packages)
    {
        var entries = new List<Fx>();
        foreach ((string name, string version, int bytes) in packages)
        {
            string module = name.Replace('-', '_');
            string record = Record(name, version, bytes);
            entries.Add(F($"{Sp}/{module}/__init__.py", bytes));
            entries.Add(F($"{Sp}/{module}-{version}.dist-info/RECORD", record));
        }

        return new FxLayer(entries, LayerCompression.None, createdBy);
    }

    private static string Record(string name, string version, int bytes)
    {
        string module = name.Replace('-', '_');
        return $"{module}/__init__.py,sha256=x,{bytes}\n{module}-{version}.dist-info/RECORD,,\n";
    }

    [Fact]
    public void Two_image_archives_show_layers_and_packages_removed_added_and_changed()
    {
        using var dir = new TempDir();
        string before = dir.File("before.tar", ImageFixture.TarOf(Image(cuda: true).DockerClassicFiles()));
        string after = dir.File("after.tar", ImageFixture.TarOf(Image(cuda: false).OciFiles()));

        CliResult result = CliRunner.Run("diff", "docker-archive:" + before, after, "--format", "json", "--budget", "1MB");

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("image", root.GetProperty("mode").GetString());
        Assert.Equal("docker-archive:" + before, root.GetProperty("before").GetProperty("source").GetString());
        Assert.True(root.GetProperty("before").GetProperty("exact").GetBoolean());
        long beforeBytes = root.GetProperty("before").GetProperty("bytes").GetInt64();
        long afterBytes = root.GetProperty("after").GetProperty("bytes").GetInt64();
        Assert.Equal(beforeBytes - afterBytes, root.GetProperty("size").GetProperty("savedBytes").GetInt64());
        Assert.Equal(Math.Round((double)beforeBytes / 1_000_000, 4), root.GetProperty("budget").GetProperty("beforeFraction").GetDouble());
        Assert.Equal(
            ["unchanged", "removed", "removed", "changed", "added"],
            root.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("change").GetString()));
        Assert.Equal(
            [("nvidia-cublas-cu12", "removed"), ("torch", "changed"), ("fastapi", "changed")],
            root.GetProperty("packages").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("change").GetString())));
        Assert.Equal(0, root.GetProperty("unchangedPackages").GetInt32());
        JsonElement pipCache = Assert.Single(root.GetProperty("categories").EnumerateArray(), c => c.GetProperty("name").GetString() == "pip-cache");
        Assert.Equal(2500, pipCache.GetProperty("beforeBytes").GetInt64());
        Assert.Equal(0, pipCache.GetProperty("afterBytes").GetInt64());

        CliResult text = CliRunner.Run("diff", before, after);
        Assert.Contains("\nremoved packages (1)\n", text.Out, StringComparison.Ordinal);
        Assert.Contains("measured, linux/amd64", text.Out, StringComparison.Ordinal);
        Assert.Contains("\nlayers (before → after)\n", text.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n  removed +#2 → - +2\.5 kB  RUN pip download\n", text.Out);
    }

    [Fact]
    public void An_image_against_a_Dockerfile_compares_the_packages_both_know()
    {
        using var dir = new TempDir();
        string image = dir.File("built.tar", ImageFixture.TarOf(Image(cuda: true).DockerClassicFiles()));
        string dockerfile = dir.File("app/Dockerfile", "FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n"u8.ToArray());

        CliResult result = CliRunner.Run("diff", image, dockerfile, "--offline", "--format", "json");

        Assert.Equal(string.Empty, result.Error);
        using JsonDocument doc = JsonDocument.Parse(result.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("mixed", root.GetProperty("mode").GetString());
        Assert.Equal("image", root.GetProperty("before").GetProperty("kind").GetString());
        Assert.Equal("prediction", root.GetProperty("after").GetProperty("kind").GetString());
        JsonElement torch = Assert.Single(root.GetProperty("packages").EnumerateArray());
        Assert.Equal(("torch", "2.3.1", 4000L + Record("torch", "2.3.1", 4000).Length), (torch.GetProperty("name").GetString(), torch.GetProperty("beforeVersion").GetString(), torch.GetProperty("beforeBytes").GetInt64()));
        Assert.StartsWith(image + " is measured", root.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("peakBuild").ValueKind);
    }

    private static void AssertOneLineError(CliResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("headroom: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    private static string[] TempCopies() =>
        [.. Directory.EnumerateDirectories(Path.GetTempPath(), "headroom-diff-*").Order(StringComparer.Ordinal)];

    private static void Git(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])["-c", "user.name=Headroom Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            IntegrationEnvironment.Unavailable("git is not installed (the REV:path tests need it)");
            throw;
        }

        using (process)
        {
            Task<string> error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
        }
    }
}
