using System.Globalization;
using Headroom.Apt;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Knowledge;
using Headroom.Rules.Dockerfile;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes one <c>apt-get install</c>: the closure over the base image's packages (online from the real
/// indexes, offline from <see cref="AptInstallSizes"/>), the <c>.deb</c> archives as a transient download
/// (the official images' docker-clean hook deletes them after each install), and the package lists
/// when <c>apt-get update</c> ran in the same RUN and they are not removed there.
/// </summary>
internal static class AptSizer
{
    public static IEnumerable<PredictedComponent> Size(AptInvocation apt, RunScript script, BuildInstruction instruction, StageBuild state, AptSizing? online, ICollection<string> notes)
    {
        int line = instruction.Line;
        int stage = state.Stage.Index;
        if (apt.Action == AptAction.Update)
        {
            AptImageSetup? setup = state.AptSetup;
            if (RunMounts.DiscardingMountOver(instruction, AptListsKeptRule.ListsDirectory) is null && !AptListsKeptRule.RemovedAfter(script, apt)
                && state.Distro is { } d && ListBytes(d.Distro, d.Release, setup) is { } lists)
            {
                string which = setup is null
                    ? "Packages indexes"
                    : $"Packages indexes of {(setup.Suites.Count == 0 ? "every suite" : string.Join(", ", setup.Suites))}{(setup.DownloadsTranslations ? " and Translation-en (the image does not set Acquire::Languages \"none\")" : string.Empty)}";
                yield return new PredictedComponent("apt", "apt lists", string.Empty, lists, line, false)
                {
                    LowBytes = lists * 9 / 10,
                    HighBytes = lists * 11 / 10,
                    DownloadBytes = lists / 6,
                    How = $"{AptListSizes.Date}'s {d.Distro} {d.Release} {which}, kept in {AptListsKeptRule.ListsDirectory} (not removed in the same RUN)",
                    Location = AptListsKeptRule.ListsDirectory,
                    Stage = stage,
                };
            }

            if (setup is { KeepsPackageCache: true } && state.Distro is { } dc && !PackageCacheCleanedAfter(script, apt)
                && AptListSizes.Find(dc.Distro, dc.Release, setup.Suites) is { } packagesBytes)
            {
                long cache = 2 * (long)(packagesBytes * AptListSizes.PackageCachePerListByte);
                yield return new PredictedComponent("apt", "apt package cache", string.Empty, cache, line, false)
                {
                    LowBytes = cache * 9 / 10,
                    HighBytes = cache * 11 / 10,
                    How = "pkgcache.bin and srcpkgcache.bin in /var/cache/apt: the base image has no docker-clean setting (Dir::Cache::pkgcache \"\"), "
                        + $"so apt-get update writes them ({AptListSizes.PackageCachePerListByte.ToString("0.00", CultureInfo.InvariantCulture)} × the Packages lists each, measured on bookworm) and this RUN does not remove them",
                    Location = "/var/cache/apt",
                    Stage = stage,
                };
            }

            yield break;
        }

        if (apt.Action != AptAction.Install)
        {
            yield break;
        }

        string[] packages = [.. apt.Packages.Where(p => p.Kind == PackageOperandKind.Name && p.Name is not null && !p.IsDynamic).Select(p => p.Word.Value ?? p.Name!)];
        if (packages.Length == 0)
        {
            yield break;
        }

        bool recommends = !apt.NoInstallRecommends;
        string name = string.Join(' ', packages);
        string withRecommends = recommends ? "with Recommends" : "without Recommends";
        if (state.Distro is not { } distro)
        {
            notes.Add($"line {line}: the base image's distribution is not known, so apt-get install {name} is not sized");
            yield return new PredictedComponent("apt", name, string.Empty, 0, line, false) { How = "unknown distribution: not counted", Stage = stage };
            yield break;
        }

        string architecture = state.Stage.Platform.Architecture;
        AptClosure? closure = online?.Closure(distro.Distro, distro.Release, architecture, distro.PackagesKey, packages, recommends, state.AptInstalled, state.BasePackages);
        foreach (string package in packages)
        {
            state.AptInstalled.Add(package);
        }

        if (closure is not null)
        {
            if (closure.Unresolved.Count > 0)
            {
                notes.Add($"line {line}: apt cannot resolve {string.Join(", ", closure.Unresolved.Select(u => u.Relation))}");
            }

            foreach (AptClosureEntry entry in closure.Packages)
            {
                state.AptInstalled.Add(entry.Package.Name);
                if (state.Python is null && Images.Remote.BaseImageSizer.PythonOfPackage(entry.Package.Name) is { } python)
                {
                    state.Python = python;
                }
            }

            long bytes = closure.InstalledBytes;
            yield return new PredictedComponent("apt", name, string.Empty, bytes, line, false)
            {
                LowBytes = bytes * 95 / 100,
                HighBytes = bytes * 105 / 100,
                DownloadBytes = closure.DownloadBytes,
                TransientBytes = closure.DownloadBytes,
                How = $"{closure.Packages.Count} packages {withRecommends} from the {distro.Distro} {distro.Release} indexes (Installed-Size), minus the base image's",
                Location = "/usr",
                Stage = stage,
            };

            (long stdlib, long modules) = (closure.Packages.Where(e => IsPythonStdlib(e.Package.Name)).Sum(e => e.Package.InstalledBytes),
                closure.Packages.Where(e => IsPythonModule(e.Package.Name)).Sum(e => e.Package.InstalledBytes));
            if (stdlib + modules > 0)
            {
                long compiled = (long)((stdlib * StdlibBytecode) + (modules * ModuleBytecode));
                yield return new PredictedComponent("apt", "python bytecode", string.Empty, compiled, line, false)
                {
                    LowBytes = compiled * 8 / 10,
                    HighBytes = compiled * 12 / 10,
                    How = "the __pycache__ files that the python packages' postinst (py3compile) writes, which Installed-Size leaves out: "
                        + $"{StdlibBytecode.ToString(CultureInfo.InvariantCulture)} × the standard library's {ByteSize.Format(stdlib)}, {ModuleBytecode.ToString(CultureInfo.InvariantCulture)} × the other python3-* packages' {ByteSize.Format(modules)} (measured on bookworm)",
                    Location = "/usr/lib/python3",
                    Stage = stage,
                };
            }

            if (state.AptSetup is { KeepsArchives: true } && !LayerWrites.AptCleanedAfter(script, apt) && closure.DownloadBytes > 0)
            {
                yield return new PredictedComponent("apt", "apt archives", string.Empty, closure.DownloadBytes, line, false)
                {
                    How = "the downloaded .deb files stay in /var/cache/apt/archives: the base image has no docker-clean hook and this RUN runs no apt-get clean",
                    Location = "/var/cache/apt/archives",
                    Stage = stage,
                };
            }

            yield break;
        }

        long installed = 0, download = 0, largest = 0, high = 0;
        int count = 0;
        var unknown = new List<string>();
        string release = $"{distro.Distro}/{distro.Release}";
        foreach (string package in packages)
        {
            string bare = package.Split('=', ':', '/')[0];
            if (state.Python is null && (Images.Remote.BaseImageSizer.PythonOfPackage(bare) ?? (bare.StartsWith("python3", StringComparison.Ordinal) ? DefaultPython(release) : null)) is { } python)
            {
                state.Python = python;
            }

            if (AptInstallSizes.Find(release, bare, recommends) is { } row)
            {
                installed += row.InstalledBytes;
                download += row.DownloadBytes;
                largest = Math.Max(largest, row.InstalledBytes);
                high += row.InstalledBytes;
                count += row.PackageCount;
            }
            else
            {
                (long assumed, long dl, _, long hi) = InstalledSizeRatios.UnknownPackage;
                installed += assumed;
                download += dl;
                high += hi;
                unknown.Add(bare);
            }
        }

        string how = count > 0
            ? $"embedded closures ({release}, {withRecommends}, {AptInstallSizes.Date}), summed per package (shared dependencies counted once per package)"
            : "not in the embedded table";
        if (unknown.Count > 0)
        {
            how += $"; {string.Join(", ", unknown)} not in the table: assumed {ByteSize.Format(InstalledSizeRatios.UnknownPackage.Installed)} each";
        }

        yield return new PredictedComponent("apt", name, string.Empty, installed, line, false)
        {
            LowBytes = Math.Max(largest, installed * 7 / 10),
            HighBytes = high,
            DownloadBytes = download,
            TransientBytes = download,
            How = how,
            Location = "/usr",
            Stage = stage,
        };
    }

    /// <summary>
    /// The Python that a release's <c>python3</c> package brings (Debian 11/12/13: 3.9/3.11/3.13; Ubuntu 22.04/24.04:
    /// 3.10/3.12; packages.debian.org and packages.ubuntu.com, read 2026-11-30), for the offline path (online, the
    /// closure names the <c>python3.N</c> package).
    /// </summary>
    internal static string? DefaultPython(string release) => release switch
    {
        "debian/11" => "3.9",
        "debian/12" => "3.11",
        "debian/13" => "3.13",
        "ubuntu/22.04" => "3.10",
        "ubuntu/24.04" => "3.12",
        _ => null,
    };

    /// <summary>
    /// The <c>__pycache__</c> bytes per byte of Installed-Size that Debian's byte-compiling at install adds: the standard
    /// library (<c>libpython3.N-stdlib</c> + <c>libpython3.N-minimal</c>) 23,026,725 bytes of .pyc for 13,566 KiB in
    /// bench/predict's multi-stage final stage (bookworm <c>python3</c>, 2026-11-30), so 1.66; the other <c>python3-*</c>
    /// packages (pip, setuptools, ...) 1,181,928 more bytes for about 11.3 MB in its python-debian case, so 0.10.
    /// </summary>
    internal const double StdlibBytecode = 1.66;

    /// <inheritdoc cref="StdlibBytecode"/>
    internal const double ModuleBytecode = 0.10;

    internal static bool IsPythonStdlib(string package) =>
        package.StartsWith("libpython3.", StringComparison.Ordinal) && (package.EndsWith("-stdlib", StringComparison.Ordinal) || package.EndsWith("-minimal", StringComparison.Ordinal));

    internal static bool IsPythonModule(string package) =>
        package.StartsWith("python3-", StringComparison.Ordinal) && !package.EndsWith("-whl", StringComparison.Ordinal);

    /// <summary>The lists <c>apt-get update</c> leaves: the release's (official images), or the suites and translations an image read from the registry names.</summary>
    private static long? ListBytes(string distro, string release, AptImageSetup? setup)
    {
        if (setup is null)
        {
            return AptListSizes.Find(distro, release);
        }

        long? packages = AptListSizes.Find(distro, release, setup.Suites);
        return packages is null ? null : packages + (setup.DownloadsTranslations ? AptListSizes.Translation(distro, release) ?? 0 : 0);
    }

    /// <summary><c>apt-get clean</c>, or an <c>rm</c> of <c>/var/cache/apt</c>'s contents, after <paramref name="update"/> in the same RUN.</summary>
    private static bool PackageCacheCleanedAfter(RunScript script, AptInvocation update) =>
        script.Script.InvocationsOf<AptInvocation>().Any(a => a.Action is AptAction.Clean or AptAction.DistClean && a.Span.Start > update.Span.End)
        || script.Script.InvocationsOf<RemoveInvocation>().Any(rm => rm.Span.Start > update.Span.End && rm.RemovesContentsOf("/var/cache/apt"));
}
