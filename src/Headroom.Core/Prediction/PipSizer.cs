using System.Globalization;
using Headroom.Dockerfiles.Build;
using Headroom.Knowledge;
using Headroom.Knowledge.HeavyWheels;
using Headroom.Knowledge.Torch;
using Headroom.Python;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes one pip (or uv pip) install from the embedded knowledge: torch and its CUDA stack from
/// <see cref="TorchBuilds"/> (which build, by the index the command uses), every other package by the
/// stated assumption of <see cref="InstalledSizeRatios.UnknownPackage"/>. Packages the stage chain already
/// holds at a satisfying version are skipped, as pip does.
/// </summary>
internal static class PipSizer
{
    internal const string CudaGroup = "CUDA stack";

    public static List<PredictedComponent> Size(CheckContext context, TorchInstall install, StageBuild state, ICollection<string> notes)
    {
        PipInvocation pip = install.Run.Invocation;
        int line = install.Run.AnchorLine;
        int stage = state.Stage.Index;
        string location = Location(pip, install.Run.Instruction, state.Python);
        LockInstall? fromLock = LockInstalls.FromPip(context, install, location, notes);
        List<PredictedComponent> problems = fromLock is null ? [.. PipIndexSizer.FileProblems(install, state, location, $"{install.Run.Document.Path}:{line}", notes)] : [];
        List<PredictedComponent> components = fromLock is not null
            ? LockSizer.Size(context, install.Run.Document, fromLock, state, line, notes)
            : PipIndexSizer.Size(context, install, state, location, notes) ?? FromKnowledge(install, state, location, notes);
        components.AddRange(problems);
        bool keeps = PackageCaches.KeepsCache(pip, install.Run.Script, install.Run.Instruction);
        string cache = PackageCaches.DirectoryOf(pip, install.Run.Instruction) ?? PackageCaches.DefaultDisplay(pip);
        AddCache(components, keeps ? (pip.IsUv ? "uv cache" : "pip cache") : null, cache, "no --no-cache-dir, PIP_NO_CACHE_DIR or cache mount", line, stage);
        return components;
    }

    /// <summary>
    /// The downloaded wheels: a cache component named <paramref name="cacheName"/> when they stay in the layer, else
    /// transient bytes on the first component (the files exist on the builder's disk while the installer unpacks them).
    /// </summary>
    internal static void AddCache(List<PredictedComponent> components, string? cacheName, string cacheDirectory, string why, int line, int stage)
    {
        long wheels = components.Sum(c => c.DownloadBytes);
        if (wheels > 0 && cacheName is not null)
        {
            components.Add(new PredictedComponent("pip", cacheName, string.Empty, wheels, line, components.All(c => c.Exact))
            {
                LowBytes = wheels,
                HighBytes = wheels,
                How = $"the downloaded wheels stay in {cacheDirectory} in this layer ({why})",
                Location = cacheDirectory,
                Stage = stage,
            });
        }
        else if (wheels > 0)
        {
            components[0] = components[0] with { TransientBytes = wheels };
        }
    }

    /// <summary>The install sized from the embedded knowledge: torch by <see cref="TorchBuilds"/>, anything else assumed.</summary>
    private static List<PredictedComponent> FromKnowledge(TorchInstall install, StageBuild state, string location, ICollection<string> notes)
    {
        PipInvocation pip = install.Run.Invocation;
        int line = install.Run.AnchorLine;
        int stage = state.Stage.Index;
        var components = new List<PredictedComponent>();
        if (install.Demand is not null && NeedsTorch(install, state))
        {
            components.AddRange(Torch(install, state, line, location, notes));
        }

        foreach ((string name, string display, SpecifierSet specifier, IReadOnlyList<string> extras) in Roots(install))
        {
            if (name == "torch" || (state.PipInstalled.TryGetValue(name, out string? have) && (specifier.IsEmpty || (have.Length > 0 && specifier.Contains(have))) && !pip.Upgrade))
            {
                continue;
            }

            string version = specifier.Pin?.VersionText ?? string.Empty;
            IReadOnlyList<HeavyWheel> heavy = HeavyWheels.For(name, extras);
            if (heavy.Count > 0)
            {
                components.AddRange(heavy.Select(h => Heavy(h, display, version, line, location, stage)));
                state.PipInstalled[name] = version;
                continue;
            }

            (long installed, long download, long low, long high) = InstalledSizeRatios.UnknownPackage;
            components.Add(new PredictedComponent("pip", display, version, installed, line, false)
            {
                LowBytes = low,
                HighBytes = high,
                DownloadBytes = download,
                How = $"not in the embedded knowledge: assumed {ByteSize.Format(installed)} installed (its dependencies are not resolved)",
                Location = location,
                Stage = stage,
            });
            state.PipInstalled[name] = version;
        }

        foreach (PredictedComponent c in components)
        {
            if (c.Name == "torch")
            {
                state.PipInstalled["torch"] = c.Version;
            }
        }

        return components;
    }

    /// <summary>Where pip puts the packages: --target, --prefix, --user, a virtualenv's pip, else the interpreter's site-packages.</summary>
    internal static string Location(PipInvocation pip, BuildInstruction instruction, string? python)
    {
        if (pip.Target?.Value is { } target)
        {
            return ContainerPaths.Join(ContainerPaths.WorkingDirectory(instruction), target);
        }

        if (pip.FindOption("--prefix")?.Value is { } prefix)
        {
            return ContainerPaths.Join(ContainerPaths.WorkingDirectory(instruction), prefix);
        }

        if (pip.User)
        {
            return (PackageCaches.HomeOf(pip, instruction) ?? "/root") + "/.local";
        }

        string? tool = pip.ToolWord.Value;
        if (tool is not null && tool.StartsWith('/') && tool.Contains("/bin/", StringComparison.Ordinal))
        {
            return tool[..tool.LastIndexOf("/bin/", StringComparison.Ordinal)];
        }

        string? path = pip.Environment.Find("PATH")?.Value;
        string? first = path?.Split(':').FirstOrDefault();
        if (first is not null && first.EndsWith("/bin", StringComparison.Ordinal) && first is not ("/usr/local/bin" or "/usr/bin" or "/bin" or "/usr/local/sbin" or "/usr/sbin" or "/sbin"))
        {
            return first[..^"/bin".Length];
        }

        return python is null ? "/usr/local/lib" : $"/usr/local/lib/python{python}/site-packages";
    }

    private static bool NeedsTorch(TorchInstall install, StageBuild state)
    {
        if (!state.PipInstalled.TryGetValue("torch", out string? have))
        {
            return true;
        }

        SpecifierSet wanted = install.Demand!.Specifier;
        if (wanted.IsEmpty)
        {
            return install.Run.Invocation.Upgrade;
        }

        // pip keeps an installed torch that satisfies the specifier, whichever index it came from
        // ("==2.3.1" matches "2.3.1+cpu", PEP 440; a CUDA torch installed first stays too).
        return have.Length == 0 || !wanted.Contains(have);
    }

    private static IEnumerable<(string Name, string Display, SpecifierSet Specifier, IReadOnlyList<string> Extras)> Roots(TorchInstall install)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PackageOperand operand in install.Run.Invocation.Packages)
        {
            if (operand.Kind == PackageOperandKind.Name && operand.NormalizedName is { } name && seen.Add(name))
            {
                string text = operand.Word.Value ?? operand.Name!;
                bool parsed = Requirement.TryParse(text, out Requirement? r, out _);
                yield return (name, operand.Name!, parsed ? r!.Specifier : SpecifierSet.Empty, parsed ? r!.Extras : []);
            }
        }

        foreach (RequirementLine line in install.Requirements?.Requirements ?? [])
        {
            if (line.Requirement is { } req && seen.Add(req.NormalizedName))
            {
                yield return (req.NormalizedName, req.Name, req.Specifier, req.Extras);
            }
        }
    }

    /// <summary>A heavy package from the embedded table: its known download times the installed ratio of its kind.</summary>
    private static PredictedComponent Heavy(HeavyWheel wheel, string display, string version, int line, string location, int stage)
    {
        (double Point, double Low, double High) ratio = wheel.Cuda ? InstalledSizeRatios.Cuda : InstalledSizeRatios.Generic;
        string name = wheel.Extra is null ? display : $"{display}[{wheel.Extra}]";
        string point = ratio.Point.ToString(CultureInfo.InvariantCulture);
        return Estimated(name, version.Length > 0 ? version : wheel.Version, wheel.DownloadBytes, ratio, line, location, stage, wheel.Cuda ? CudaGroup : null,
            $"{ByteSize.Format(wheel.DownloadBytes)} download at {wheel.Name} {wheel.Version} × {point} installed (embedded knowledge: {wheel.Source})");
    }

    private static List<PredictedComponent> Torch(TorchInstall install, StageBuild state, int line, string location, ICollection<string> notes)
    {
        TorchDemand demand = install.Demand!;
        Platform platform = install.Stage.Platform;
        int? pythonMinor = state.Python is { } py && py.Split('.') is [_, var minor, ..] && int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out int m) ? m : null;
        TorchBuild? build = demand.PinnedVersion is { } pinned
            ? TorchBuilds.Find(pinned)
            : TorchBuilds.All.LastOrDefault(b => b.CudaDownloadBytes is not null && (pythonMinor is null || b.SupportsPython(pythonMinor.Value)));
        string version = demand.PinnedVersion is { } v ? TorchBuilds.PublicVersion(v) : build?.Releases[^1] ?? string.Empty;
        if (build is not null && pythonMinor is { } pm && !build.SupportsPython(pm))
        {
            notes.Add($"torch {version} has no wheel for Python 3.{pm}: pip would fail at line {line} (sized as if it installed)");
        }

        string via = demand.Via.Equals("torch", StringComparison.OrdinalIgnoreCase) ? string.Empty : $", required by {demand.Via}";
        bool cuda = ServesCuda(install, build);
        int stage = state.Stage.Index;
        if (!cuda)
        {
            long wheel = build?.CpuWheelBytes ?? TorchBuilds.TypicalCpuWheelBytes;
            string source = build?.CpuWheelBytes is null ? "a typical +cpu wheel (~190 MB)" : $"the {build.Minor} +cpu wheel";
            string cpuRatio = InstalledSizeRatios.TorchCpu.Point.ToString(CultureInfo.InvariantCulture);
            return
            [
                Estimated("torch", version.Length == 0 ? string.Empty : version + "+cpu", wheel, InstalledSizeRatios.TorchCpu, line, location, stage, null,
                    $"CPU build from {TorchIndexes.CpuIndexUrl}{via}: {source}, {ByteSize.Format(wheel)} download × {cpuRatio} installed (embedded knowledge)"),
            ];
        }

        long torchWheel;
        long stack;
        string how;
        if (build?.CudaWheelBytes is { } w && build.CudaStackBytes is { } s)
        {
            torchWheel = w;
            stack = s;
            how = $"figures of the torch {build.Minor} line, ml-wheels.md §1a";
        }
        else
        {
            TorchBuild newest = TorchBuilds.All.Last(b => b.CudaDownloadBytes is not null);
            torchWheel = build?.CudaWheelBytes ?? newest.CudaWheelBytes!.Value;
            stack = TorchBuilds.MinimumCudaDownloadBytes - torchWheel > 0 ? TorchBuilds.MinimumCudaDownloadBytes - torchWheel : newest.CudaStackBytes!.Value;
            how = "no figures for this torch line: the smallest known CUDA stack stands in";
        }

        string cudaVersion = build?.PyPiCuda ?? "12";
        string indexNote = install.Primary == TorchIndexKind.PyTorchOther ? " (a download.pytorch.org CUDA index: its wheels are often bigger than PyPI's)" : string.Empty;
        string ratio = InstalledSizeRatios.Cuda.Point.ToString(CultureInfo.InvariantCulture);
        return
        [
            Estimated("torch", version, torchWheel, InstalledSizeRatios.Cuda, line, location, stage, CudaGroup,
                $"the CUDA {cudaVersion} build that PyPI serves for {platform}{via}{indexNote}: {ByteSize.Format(torchWheel)} download × {ratio} installed ({how})"),
            Estimated($"nvidia-*-cu{cudaVersion.Split('.')[0]} and triton", cudaVersion, stack, InstalledSizeRatios.Cuda, line, location, stage, CudaGroup,
                $"the CUDA {cudaVersion} libraries torch {version} pins: {ByteSize.Format(stack)} of wheels × {ratio} installed ({how})"),
        ];
    }

    /// <summary>A package sized as its download times an installed/download ratio (low, point, high).</summary>
    private static PredictedComponent Estimated(string name, string version, long download, (double Point, double Low, double High) ratio, int line, string location, int stage, string? group, string how) =>
        new("pip", name, version, InstalledSizeRatios.Installed(download, ratio), line, false)
        {
            LowBytes = (long)(download * ratio.Low),
            HighBytes = (long)(download * ratio.High),
            DownloadBytes = download,
            How = how,
            Group = group,
            Location = location,
            Stage = stage,
        };

    private static bool ServesCuda(TorchInstall install, TorchBuild? build)
    {
        switch (install.Primary)
        {
            case TorchIndexKind.PyTorchCpu:
                return false;
            case TorchIndexKind.PyTorchOther:
                return true;
        }

        if (install.CpuExtra is { } extra)
        {
            // pip pools every index and +cpu sorts above the plain release (PEP 440), so the CPU build wins;
            // -f/--find-links with the PEP 503 page does not work and PyPI's CUDA build is taken (ml-wheels.md §3).
            bool findLinks = extra.Option?.Name == "--find-links" || extra.FileOption?.Name == "--find-links";
            return findLinks;
        }

        Platform platform = install.Stage.Platform;
        return TorchBuilds.PyPiServesCuda(platform.Os, platform.Architecture, build);
    }
}
