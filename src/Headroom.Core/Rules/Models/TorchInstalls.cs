using Headroom.Dockerfiles.Build;
using Headroom.Knowledge.Torch;
using Headroom.Python;
using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Models;

/// <summary>
/// Every pip/uv pip install in every Dockerfile, with what it means for torch: whether it brings torch
/// (directly, through <c>-r</c>/<c>-c</c> files mapped back through the stage's COPY instructions, or through a
/// package known to require torch) and from which index. Shared by DF001, DF002 and DF003.
/// </summary>
public static class TorchInstalls
{
    private const string Torch = "torch";

    /// <summary>The installs of the project, computed once per check.</summary>
    public static IReadOnlyList<TorchInstall> All(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Project.GetOrAdd("<torch-installs>", _ => Analyze(context));
    }

    /// <summary>
    /// True when an earlier install of the same stage chain put a download.pytorch.org torch into the image
    /// that satisfies this install's torch constraint, so pip keeps it (<c>==2.3.1</c> matches <c>2.3.1+cpu</c>, PEP 440).
    /// </summary>
    public static bool IsSatisfiedEarlier(IReadOnlyList<TorchInstall> installs, TorchInstall install) =>
        installs.Any(earlier => Shares(earlier, install) && earlier.Order < install.Order && earlier.InstallsPyTorchIndexTorch && Satisfies(earlier, install));

    /// <summary>
    /// True when the install gets torch from PyPI, which serves the CUDA build for its platform, and no earlier
    /// install already put an accepted download.pytorch.org torch there: what DF001, DF002 and DF003 start from
    /// (DF002 takes the installs with a CPU extra index, DF003 those with a later CPU install, DF001 the rest).
    /// </summary>
    public static bool GetsCudaTorchFromPyPi(IReadOnlyList<TorchInstall> installs, TorchInstall install)
    {
        ArgumentNullException.ThrowIfNull(installs);
        ArgumentNullException.ThrowIfNull(install);
        return install.Demand is not null
            && install.Primary == TorchIndexKind.PyPi
            && PyPiServesCuda(install)
            && !IsSatisfiedEarlier(installs, install);
    }

    /// <summary>A later install of the same stage that installs CPU torch (the DF003 case), or null.</summary>
    public static TorchInstall? CpuInstallAfter(IReadOnlyList<TorchInstall> installs, TorchInstall install) =>
        installs.FirstOrDefault(later => Shares(install, later) && later.Order > install.Order && later.InstallsPyTorchIndexTorch);

    /// <summary>True when the image's platform gets CUDA torch from PyPI for this demand.</summary>
    public static bool PyPiServesCuda(TorchInstall install)
    {
        ArgumentNullException.ThrowIfNull(install);
        Platform platform = install.Stage.Platform;
        return TorchBuilds.PyPiServesCuda(platform.Os, platform.Architecture, Build(install.Demand));
    }

    /// <summary>The release line of the pinned torch, or null when unpinned or unknown.</summary>
    public static TorchBuild? Build(TorchDemand? demand) =>
        demand?.PinnedVersion is { } version ? TorchBuilds.Find(version) : null;

    private static bool Shares(TorchInstall a, TorchInstall b) =>
        ReferenceEquals(a.Run.Document, b.Run.Document)
        && (ReferenceEquals(a.Stage, b.Stage) || InChain(b.Stage, a.Stage));

    private static bool InChain(BuildStage stage, BuildStage ancestor)
    {
        var seen = new HashSet<BuildStage>();
        for (BuildStage? s = stage.BaseStage; s is not null && seen.Add(s); s = s.BaseStage)
        {
            if (ReferenceEquals(s, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Satisfies(TorchInstall earlier, TorchInstall later)
    {
        SpecifierSet wanted = later.Demand!.Specifier;
        if (wanted.IsEmpty)
        {
            return !later.Run.Invocation.Upgrade;
        }

        return earlier.Demand!.PinnedVersion is { } installed && wanted.Contains(installed);
    }

    private static List<TorchInstall> Analyze(CheckContext context)
    {
        var installs = new List<TorchInstall>();
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            BuildInstruction? previous = null;
            int sequence = 0;
            foreach (RunInvocation<PipInvocation> run in RunInvocations.Of<PipInvocation>(document))
            {
                if (run.Invocation.Kind is not (PipCommandKind.Install or PipCommandKind.Sync) || run.Instruction.Stage is null)
                {
                    continue;
                }

                sequence = ReferenceEquals(previous, run.Instruction) ? sequence + 1 : 0;
                previous = run.Instruction;
                int position = (ContainerPaths.Before(run.Instruction).Count() * 1000) + sequence;
                installs.Add(Analyze(context, document, run, position));
            }
        }

        return installs;
    }

    private static TorchInstall Analyze(CheckContext context, DockerfileDocument document, RunInvocation<PipInvocation> run, int order)
    {
        PipInvocation pip = run.Invocation;
        RequirementsSet? requirements = LoadRequirements(context, document, run);
        TorchDemand? demand = FindDemand(pip, requirements);
        (TorchIndexKind primary, TorchIndexSource? cpuExtra) = Indexes(pip, requirements);
        return new TorchInstall(run, requirements, demand, primary, cpuExtra, order);
    }

    private static RequirementsSet? LoadRequirements(CheckContext context, DockerfileDocument document, RunInvocation<PipInvocation> run)
    {
        PipInvocation pip = run.Invocation;
        IEnumerable<(string? File, bool Constraint)> files = pip.RequirementFiles.Select(o => (o.Value, false))
            .Concat(pip.Kind == PipCommandKind.Sync ? pip.Operands.Select(w => (w.Value, false)) : [])
            .Concat(pip.ConstraintFiles.Select(o => (o.Value, true)));
        var mapped = new List<(string Path, bool Constraint)>();
        foreach ((string? file, bool constraint) in files)
        {
            if (file is null || ContainerPaths.ToRepositoryPath(context, document, run.Instruction, file) is not { } path)
            {
                continue;
            }

            mapped.Add((path, constraint));
        }

        // One synthetic root that includes each file, so the loader follows nested -r/-c as pip does.
        return PythonInstalls.LoadFiles(context, mapped);
    }

    private static TorchDemand? FindDemand(PipInvocation pip, RequirementsSet? requirements)
    {
        IReadOnlyList<RequirementLine> lines = requirements?.Requirements ?? [];
        IReadOnlyList<RequirementLine> constraints = requirements?.Constraints ?? [];
        RequirementLine? constraint = constraints.LastOrDefault(c => c.Requirement?.NormalizedName == Torch);

        foreach (PackageOperand operand in pip.Packages)
        {
            if (operand.Kind != PackageOperandKind.Name || operand.NormalizedName is not { } name)
            {
                continue;
            }

            string text = operand.Word.Value ?? operand.Name!;
            Requirement? parsed = Requirement.TryParse(text, out Requirement? r, out _) ? r : null;
            if (name == Torch)
            {
                return new TorchDemand(operand.Name!, parsed?.Specifier ?? SpecifierSet.Empty, null, null, []);
            }

            if (TorchDependents.RequiresTorch(name, parsed?.Extras ?? []))
            {
                RequirementLine? torchLine = lines.FirstOrDefault(l => l.Requirement?.NormalizedName == Torch) ?? constraint;
                return new TorchDemand(operand.Name!, torchLine?.Requirement?.Specifier ?? SpecifierSet.Empty, null, torchLine, Companions(lines, torchLine));
            }
        }

        RequirementLine? direct = lines.FirstOrDefault(l => l.Requirement?.NormalizedName == Torch);
        if (direct is not null)
        {
            SpecifierSet specifier = direct.Requirement!.Specifier.IsEmpty && constraint is not null ? constraint.Requirement!.Specifier : direct.Requirement.Specifier;
            return new TorchDemand(direct.Requirement.Name, specifier, direct, direct.Requirement.Specifier.IsEmpty ? constraint ?? direct : direct, Companions(lines, direct));
        }

        RequirementLine? dependent = lines.FirstOrDefault(l => l.Requirement is { } req && TorchDependents.RequiresTorch(req.NormalizedName, req.Extras));
        if (dependent is not null)
        {
            return new TorchDemand(dependent.Requirement!.Name, constraint?.Requirement?.Specifier ?? SpecifierSet.Empty, dependent, constraint, Companions(lines, constraint));
        }

        return null;
    }

    private static RequirementLine[] Companions(IReadOnlyList<RequirementLine> lines, RequirementLine? torchLine) =>
        torchLine is null
            ? []
            : [.. lines.Where(l => l.Path == torchLine.Path && l.Requirement is { Pin: not null } req && req.NormalizedName is "torchvision" or "torchaudio")];

    private static (TorchIndexKind Primary, TorchIndexSource? CpuExtra) Indexes(PipInvocation pip, RequirementsSet? requirements)
    {
        bool uv = pip.IsUv;
        string? backend = pip.FindOption("--torch-backend")?.Value ?? (uv ? EnvironmentValue(pip, "UV_TORCH_BACKEND") : null);
        if (backend is not null)
        {
            return (backend == "cpu" ? TorchIndexKind.PyTorchCpu : TorchIndexKind.PyTorchOther, null);
        }

        // The command line wins over a requirements file, which wins over the environment.
        string? primary = null;
        bool primaryKnown = true;
        if (pip.IndexUrls.LastOrDefault() is { } option)
        {
            primary = Resolve(pip, option);
            primaryKnown = primary is not null;
        }
        else if (requirements?.IndexUrl is { } fileIndex)
        {
            primary = fileIndex;
        }
        else
        {
            primary = EnvironmentValue(pip, uv ? "UV_DEFAULT_INDEX" : "PIP_INDEX_URL") ?? (uv ? EnvironmentValue(pip, "UV_INDEX_URL") : null);
        }

        TorchIndexKind kind = !primaryKnown ? TorchIndexKind.Unknown
            : primary is null || TorchIndexes.IsPyPi(primary) ? TorchIndexKind.PyPi
            : TorchIndexes.IsCpuIndex(primary) ? TorchIndexKind.PyTorchCpu
            : TorchIndexes.IsPyTorchIndex(primary) ? TorchIndexKind.PyTorchOther
            : TorchIndexKind.Unknown;
        if (pip.NoIndex || requirements?.NoIndex == true)
        {
            kind = TorchIndexKind.Unknown;
        }

        TorchIndexSource? extra = pip.ExtraIndexUrls.Concat(pip.FindLinks)
            .Select(o => Resolve(pip, o) is { } url ? new TorchIndexSource(WithoutIndexName(url), o, null, null) : null)
            .Concat(FileExtras(requirements))
            .Concat(EnvironmentExtras(pip))
            .FirstOrDefault(s => s is not null && TorchIndexes.IsCpuIndex(s.Url));
        return (kind, extra);
    }

    private static IEnumerable<TorchIndexSource?> FileExtras(RequirementsSet? requirements)
    {
        if (requirements is null)
        {
            yield break;
        }

        foreach (RequirementsFile file in requirements.Files)
        {
            foreach (RequirementsOption option in file.Options.Where(o => o.Name is "--extra-index-url" or "--find-links" && o.Value is not null))
            {
                yield return new TorchIndexSource(option.Value!, null, option, file.Path);
            }
        }
    }

    private static IEnumerable<TorchIndexSource?> EnvironmentExtras(PipInvocation pip)
    {
        string[] names = pip.IsUv ? ["UV_INDEX", "UV_EXTRA_INDEX_URL", "UV_FIND_LINKS"] : ["PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS"];
        foreach (string name in names)
        {
            if (EnvironmentValue(pip, name) is { } value)
            {
                foreach (string url in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return new TorchIndexSource(WithoutIndexName(url), null, null, null, name);
                }
            }
        }
    }

    /// <summary>uv's <c>--index</c>/<c>UV_INDEX</c> take <c>name=url</c>: the URL.</summary>
    private static string WithoutIndexName(string value)
    {
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        return equals > 0 && (scheme < 0 || equals < scheme) ? value[(equals + 1)..] : value;
    }

    /// <summary>An option's value, with a lone <c>$VAR</c>/<c>${VAR}</c> looked up in the RUN's environment (ARG and ENV included).</summary>
    internal static string? Resolve(PipInvocation pip, ShellOption option)
    {
        if (option.Value is { } value)
        {
            return value;
        }

        if (!option.HasValue)
        {
            return null;
        }

        // A separate value word expands on its own; an attached one (--index-url=$X, -i$X) expands with the
        // option's name, which is literal, and loses it after.
        if (option.ValueWord is { } word)
        {
            return NonEmpty(WordExpansion.Expand(word, pip.Environment));
        }

        string? whole = WordExpansion.Expand(option.Word, pip.Environment);
        if (whole is null || !whole.StartsWith(option.Written, StringComparison.Ordinal))
        {
            return null;
        }

        string attached = whole[option.Written.Length..];
        return NonEmpty(option.Written.StartsWith("--", StringComparison.Ordinal) && attached.StartsWith('=') ? attached[1..] : attached);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? EnvironmentValue(PipInvocation pip, string name) =>
        pip.Environment.Find(name)?.Value is { Length: > 0 } value ? value : null;
}
