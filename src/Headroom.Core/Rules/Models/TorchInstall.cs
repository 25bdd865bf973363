using Headroom.Dockerfiles.Build;
using Headroom.Python;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Models;

/// <summary>Where an install's primary index points.</summary>
public enum TorchIndexKind
{
    /// <summary>PyPI (no index option, or pypi.org).</summary>
    PyPi,

    /// <summary>download.pytorch.org/whl/cpu.</summary>
    PyTorchCpu,

    /// <summary>Another download.pytorch.org variant (cu121, rocm6.2, ...): a deliberate choice.</summary>
    PyTorchOther,

    /// <summary>Another index (a mirror or a private index), or a value that cannot be read.</summary>
    Unknown,
}

/// <summary>A pip (or uv pip) install in a Dockerfile RUN, as far as torch is concerned.</summary>
public sealed class TorchInstall
{
    internal TorchInstall(RunInvocation<PipInvocation> run, RequirementsSet? requirements, TorchDemand? demand, TorchIndexKind primary, TorchIndexSource? cpuExtra, int order)
    {
        Run = run;
        Requirements = requirements;
        Demand = demand;
        Primary = primary;
        CpuExtra = cpuExtra;
        Order = order;
    }

    public RunInvocation<PipInvocation> Run { get; }

    public BuildStage Stage => Run.Instruction.Stage!;

    /// <summary>The requirement files the install reads (with their includes), or null when it reads none.</summary>
    public RequirementsSet? Requirements { get; }

    /// <summary>Why the install gets torch, or null when it does not.</summary>
    public TorchDemand? Demand { get; }

    public TorchIndexKind Primary { get; }

    /// <summary>The PyTorch CPU index given as an extra index or find-links, or null.</summary>
    public TorchIndexSource? CpuExtra { get; }

    /// <summary>The position of the install in its stage chain (for before/after).</summary>
    internal int Order { get; }

    /// <summary>True when the install puts a torch from download.pytorch.org into the image.</summary>
    public bool InstallsPyTorchIndexTorch => Demand is not null && Primary is TorchIndexKind.PyTorchCpu or TorchIndexKind.PyTorchOther;
}

/// <summary>
/// Where an index option stands: on the command line (<paramref name="Option"/>), in a requirements file
/// (<paramref name="FileOption"/>), or in an environment variable (<paramref name="Variable"/>).
/// </summary>
public sealed record TorchIndexSource(string Url, ShellOption? Option, RequirementsOption? FileOption, string? FilePath, string? Variable = null)
{
    /// <summary>True for <c>-f/--find-links</c> (<c>PIP_FIND_LINKS</c>, <c>UV_FIND_LINKS</c>), false for an extra index.</summary>
    public bool IsFindLinks =>
        Option?.Name == "--find-links" || FileOption?.Name == "--find-links" || Variable is "PIP_FIND_LINKS" or "UV_FIND_LINKS";

    /// <summary>How the source is written: <c>--extra-index-url</c>, <c>requirements.txt: --find-links</c>, <c>PIP_EXTRA_INDEX_URL</c>.</summary>
    public string Describe() =>
        Option is not null ? Option.Written
        : FileOption is not null ? $"{FilePath}: {FileOption.Name}"
        : Variable ?? "an extra index";
}
