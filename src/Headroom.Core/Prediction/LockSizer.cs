using System.Globalization;
using Headroom.Diagnostics;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Knowledge;
using Headroom.Knowledge.HeavyWheels;
using Headroom.Knowledge.Torch;
using Headroom.Python;
using Headroom.Python.Index;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes an install from a lock file (<see cref="LockInstalls"/>) instead of resolving it: the lock's packages for the
/// stage's Python, platform and C library (<see cref="LockSelection"/>), for each the wheel an installer picks by tag
/// (<see cref="WheelSelector"/>), its download the size the lock records (exact), its installed size online from the
/// wheel's zip directory at the recorded URL (range requests through the package indexes' HTTP client and cache; for
/// poetry.lock, which records no URL or size, the file as its index lists it), exact; offline or when that fails the
/// recorded download × a ratio of <see cref="InstalledSizeRatios"/>, estimated and said why. A package with no
/// recorded size and no wheel: the embedded knowledge (torch builds, heavy wheels) or the stated assumption.
/// </summary>
internal static class LockSizer
{
    /// <summary>The longest one install's wheel inspections may take before the estimates stand in.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A <c>uv sync</c> or <c>poetry install</c>: the packages, and the tool's cache when it stays in the layer.</summary>
    public static List<PredictedComponent> SizeProject(CheckContext context, DockerfileDocument document, ProjectInstallInvocation tool, RunScript script, BuildInstruction instruction, StageBuild state, ICollection<string> notes)
    {
        if (tool.Kind != ProjectCommandKind.Install || LockInstalls.FromProject(context, document, tool, script, instruction, state, notes) is not { } install)
        {
            return [];
        }

        List<PredictedComponent> components = Size(context, document, install, state, instruction.Line, notes);
        if (tool.IsPoetry)
        {
            // poetry keeps the downloaded wheel files (its cache's artifacts) and unpacks them into the environment.
            PipSizer.AddCache(components, install.CacheName, install.CacheDirectory ?? string.Empty, "no --no-cache, cache mount or rm of it in this RUN", instruction.Line, state.Stage.Index);
            return components;
        }

        // uv unpacks each wheel into its cache and links the files into the environment (hard links on Linux, uv docs
        // "Caching" and the link-mode setting): a kept cache adds bytes only when it copies (link mode copy).
        if (install.CacheName is not null && install.CopiesFromCache && components.Count > 0)
        {
            components.Add(new PredictedComponent("pip", install.CacheName, string.Empty, components.Sum(c => c.Bytes), instruction.Line, components.All(c => c.Exact))
            {
                LowBytes = components.Sum(c => c.LowBytes),
                HighBytes = components.Sum(c => c.HighBytes),
                How = $"the unpacked wheels stay in {install.CacheDirectory} in this layer and UV_LINK_MODE=copy copies them into the environment: the installed size again (no --no-cache, UV_NO_CACHE, cache mount or uv cache clean in this RUN)",
                Location = install.CacheDirectory,
                Stage = state.Stage.Index,
            });
        }
        else if (install.CacheName is not null && components.Count > 0)
        {
            notes.Add($"{install.Where}: uv's cache ({install.CacheDirectory}) stays in the layer, but the environment's files are hard links to it (uv's default link mode on Linux): no bytes on top of the installed ones");
        }
        else
        {
            // Without a cache in the layer uv unpacks into a temporary or mounted cache: the files exist there during the RUN.
            PipSizer.AddCache(components, null, install.CacheDirectory ?? string.Empty, string.Empty, instruction.Line, state.Stage.Index);
        }

        return components;
    }

    /// <summary>The packages <paramref name="install"/> takes from its lock, one component each.</summary>
    public static List<PredictedComponent> Size(CheckContext context, DockerfileDocument document, LockInstall install, StageBuild state, int line, ICollection<string> notes)
    {
        PythonTarget target = TargetOf(document, state, line, install, notes);
        var selectionNotes = new List<string>();
        IReadOnlyList<(LockedPackage Package, string? RequiredBy)> selected = LockSelection.Select(install.Lock, MarkerEnvironment.ForTarget(target.Environment), install.Request, selectionNotes);
        foreach (string note in selectionNotes)
        {
            notes.Add($"{install.Where}: {install.LockPath}: {note}");
        }

        (LockedPackage Package, string? RequiredBy)[] toInstall = [.. selected.Where(s =>
            !install.Skipped.Contains(s.Package.NormalizedName)
            && !(install.SharesEnvironment && state.PipInstalled.TryGetValue(s.Package.NormalizedName, out string? have) && have == s.Package.Version))];
        bool torchCuda = toInstall.Any(s => PipIndexSizer.IsCudaLibrary(s.Package.NormalizedName) && (s.RequiredBy is null || PackageName.Normalize(s.RequiredBy) == "torch"));
        PackageIndexes? indexes = Online(context);
        var sizing = new Sizing(install, target, CompatibleTags.For(target.Environment), torchCuda, line, state.Stage.Index, indexes)
        {
            OfflineReason = indexes is not null ? null
                : context.Options.Offline ? "offline"
                : context.Options.PackageIndexes?.Failure is { } failure ? failure
                : "no package index access",
        };

        PredictedComponent[] components;
        if (sizing.Indexes is null)
        {
            components = [.. toInstall.Select(s => SizeAsync(sizing, s.Package, s.RequiredBy, CancellationToken.None).GetAwaiter().GetResult())];
        }
        else
        {
            using var deadline = new CancellationTokenSource(Deadline);
            try
            {
                components = Task.WhenAll(toInstall.Select(s => SizeAsync(sizing, s.Package, s.RequiredBy, deadline.Token))).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                sizing = sizing with { Indexes = null, OfflineReason = $"the wheels' zip directories were not read within {Deadline.TotalSeconds:0} s" };
                components = [.. toInstall.Select(s => SizeAsync(sizing, s.Package, s.RequiredBy, CancellationToken.None).GetAwaiter().GetResult())];
            }
        }

        int estimated = components.Count(c => !c.Exact);
        notes.Add($"{install.Where}: {install.Command} installs {components.Length} packages of {install.LockPath} for {target.Describe()}"
            + (estimated == 0 ? ", every installed size read from its wheel's zip directory" : $"; {estimated} installed sizes estimated from the recorded downloads ({sizing.OfflineReason ?? "see each package"})"));
        foreach ((LockedPackage package, _) in toInstall)
        {
            state.PipInstalled[package.NormalizedName] = package.Version ?? string.Empty;
        }

        return [.. components];
    }

    private static PackageIndexes? Online(CheckContext context) =>
        !context.Options.Offline && context.Options.PackageIndexes is { Failed: false } indexes ? indexes : null;

    /// <summary>The stage's Python target: the base image's, else the one the prediction learnt; unknown: CPython 3.12 on the stage's architecture, said in a note.</summary>
    private static PythonTarget TargetOf(DockerfileDocument document, StageBuild state, int line, LockInstall install, ICollection<string> notes)
    {
        Platform platform = state.Stage.Platform;
        if ((PythonInstalls.TargetOf(document, state.Stage) ?? PipIndexSizer.FromStage(state, platform, document.Path, line)) is { } known)
        {
            return known;
        }

        string architecture = platform.Architecture switch { "amd64" => "x86_64", "arm64" => "aarch64", var a => a };
        notes.Add($"{install.Where}: the stage's Python is not known (base image not in the table): {install.LockPath}'s markers and wheels are chosen for CPython 3.12 on linux/{platform.Architecture}");
        return new PythonTarget(TargetEnvironment.Manylinux(12, architecture), "assumed CPython 3.12", new RelatedLocation(document.Path, line, 1, "the install"));
    }

    private static async Task<PredictedComponent> SizeAsync(Sizing sizing, LockedPackage package, string? requiredBy, CancellationToken cancellationToken)
    {
        string name = package.NormalizedName;
        string lockName = sizing.Install.LockPath[(sizing.Install.LockPath.LastIndexOf('/') + 1)..];
        string? group = PipIndexSizer.IsCudaLibrary(name) || (name == "torch" && sizing.TorchCuda) ? PipSizer.CudaGroup : null;
        string via = requiredBy is null ? string.Empty : $", required by {requiredBy}";
        var component = new PredictedComponent("pip", package.Name, package.Version ?? string.Empty, 0, sizing.Line, false)
        {
            Group = group,
            Location = sizing.Install.Location,
            Stage = sizing.Stage,
        };

        WheelFilename? best = WheelSelector.ChooseBest(package.Wheels.Select(w => w.Wheel).OfType<WheelFilename>(), sizing.Tags);
        LockedFile? file = best is null ? null : package.Wheels.First(w => w.Wheel?.Filename == best.Filename);
        if (file is null)
        {
            string why = package.Sdist is { } sdist
                ? $"{lockName} records no wheel of it for {sizing.Target.Describe()}: the sdist {sdist.Filename}{(sdist.Size is long s ? $" ({ByteSize.Format(s)})" : string.Empty)} is built at install"
                : package.Wheels.Count > 0 ? $"{lockName} records no wheel of it for {sizing.Target.Describe()} and no sdist: the install fails"
                : $"{lockName} records no file of it (source {package.Source ?? "unknown"})";
            return Knowledge(component with { DownloadBytes = package.Sdist?.Size ?? 0 }, name, package.Version, group, why, keepDownload: package.Sdist?.Size is not null);
        }

        string origin = $"{file.Filename} in {lockName}{via}";
        long? download = file.Size;
        string? reason = sizing.OfflineReason;
        if (sizing.Indexes is { } indexes)
        {
            (DistributionFile? remote, IPackageRepository? repository, string? failure) = await LocateAsync(indexes, package, file, cancellationToken).ConfigureAwait(false);
            reason = failure;
            if (remote is not null && repository is not null)
            {
                download ??= await repository.GetDownloadSizeAsync(remote, cancellationToken).ConfigureAwait(false);
                if (await repository.GetInstalledSizeAsync(remote, cancellationToken).ConfigureAwait(false) is long exact)
                {
                    string downloaded = download is long d ? $"{ByteSize.Format(d)} download ({(file.Size is null ? "from its index" : "recorded in the lock")}); " : string.Empty;
                    return component with { Bytes = exact, LowBytes = exact, HighBytes = exact, DownloadBytes = download ?? 0, Exact = true, How = $"{origin}: {downloaded}installed size from the wheel's zip directory" };
                }

                reason = repository is PackageIndex index ? (await index.Wheels.InspectAsync(remote, cancellationToken).ConfigureAwait(false)).Reason : null;
            }
        }

        reason ??= "the zip directory was not read";
        if (download is long bytes)
        {
            (double Point, double Low, double High) ratio = PipIndexSizer.RatioFor(name, group);
            return component with
            {
                Bytes = InstalledSizeRatios.Installed(bytes, ratio),
                LowBytes = (long)(bytes * ratio.Low),
                HighBytes = (long)(bytes * ratio.High),
                DownloadBytes = bytes,
                How = string.Create(CultureInfo.InvariantCulture, $"{origin}: {ByteSize.Format(bytes)} download ({(file.Size is null ? "from its index" : "recorded in the lock")}) × {ratio.Point} installed, estimated: {PipIndexSizer.HttpOneLine(reason)}"),
            };
        }

        return Knowledge(component, name, package.Version, group, $"{origin}: {lockName} records no size ({PipIndexSizer.HttpOneLine(reason)})", keepDownload: false);
    }

    /// <summary>
    /// The wheel as an index file: the lock's URL (uv.lock, pylock.toml), or, when the lock records none (poetry.lock),
    /// the file of that name on the package's index (its listing may state the size). A failing index stops the run's
    /// index questions, as for resolved installs.
    /// </summary>
    private static async Task<(DistributionFile? File, IPackageRepository? Repository, string? Failure)> LocateAsync(PackageIndexes indexes, LockedPackage package, LockedFile file, CancellationToken cancellationToken)
    {
        string? index = package.Source is { } source && IndexSource.IsWebUrl(source, out _) && !source.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) ? source : null;
        if (indexes.RepositoryFor(IndexConfiguration.ForPip(index)) is not { } repository)
        {
            return (null, null, indexes.Failure ?? "a package index failed earlier");
        }

        if (file.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https")
        {
            Dictionary<string, string> hashes = file.Hash?.Split(':', 2) is [var algorithm, var digest] ? new() { [algorithm] = digest } : [];
            return (new DistributionFile(file.Filename, uri, index ?? IndexConfiguration.PyPI, package.ParsedVersion, file.Size, hashes, null, false, false), repository, null);
        }

        try
        {
            IReadOnlyList<DistributionFile> listed = await repository.GetFilesAsync(package.NormalizedName, cancellationToken).ConfigureAwait(false);
            DistributionFile? found = listed.FirstOrDefault(f => f.Filename == file.Filename);
            return (found, repository, found is null ? $"{file.Filename} is not listed by {index ?? IndexConfiguration.PyPI}" : null);
        }
        catch (InputException e)
        {
            indexes.Fail(e.Message);
            return (null, null, e.Message);
        }
    }

    /// <summary>No recorded size and no zip directory: torch from the torch knowledge, a heavy wheel from its table, else the stated assumption.</summary>
    private static PredictedComponent Knowledge(PredictedComponent component, string name, string? version, string? group, string why, bool keepDownload)
    {
        (double Point, double Low, double High) ratio = PipIndexSizer.RatioFor(name, group);
        string point = ratio.Point.ToString(CultureInfo.InvariantCulture);
        long? known = null;
        string source = string.Empty;
        if (name == "torch" && version is not null)
        {
            TorchBuild? build = TorchBuilds.Find(version);
            bool cpu = TorchBuilds.LocalLabel(version) == "cpu" || group is null;
            known = cpu ? build?.CpuWheelBytes ?? TorchBuilds.TypicalCpuWheelBytes : build?.CudaWheelBytes ?? TorchBuilds.All.Last(b => b.CudaWheelBytes is not null).CudaWheelBytes;
            source = $"the torch {(cpu ? "CPU" : "CUDA")} wheel of the embedded knowledge";
        }
        else if (HeavyWheels.For(name, []).FirstOrDefault(h => h.Extra is null) is { } heavy)
        {
            known = heavy.DownloadBytes;
            source = $"embedded knowledge: {heavy.Source}";
        }

        if (!keepDownload && known is long bytes)
        {
            return component with
            {
                Bytes = InstalledSizeRatios.Installed(bytes, ratio),
                LowBytes = (long)(bytes * ratio.Low),
                HighBytes = (long)(bytes * ratio.High),
                DownloadBytes = bytes,
                How = $"{why}: {ByteSize.Format(bytes)} download ({source}) × {point} installed",
            };
        }

        (long installed, long download, long low, long high) = InstalledSizeRatios.UnknownPackage;
        return component with
        {
            Bytes = installed,
            LowBytes = low,
            HighBytes = high,
            DownloadBytes = keepDownload ? component.DownloadBytes : download,
            How = $"{why}: assumed {ByteSize.Format(installed)} installed",
        };
    }

    /// <summary>What every package of one install is sized with.</summary>
    private sealed record Sizing(LockInstall Install, PythonTarget Target, IReadOnlyList<WheelTag> Tags, bool TorchCuda, int Line, int Stage, PackageIndexes? Indexes)
    {
        /// <summary>Why the zip directories are not read (offline, a deadline), or null when online.</summary>
        public string? OfflineReason { get; init; }
    }
}
