using Headroom.Python;
using Headroom.Python.Index;
using Headroom.Text;

namespace Headroom.Rules.Models;

/// <summary>
/// A pip install (in a Dockerfile RUN or a workflow <c>run:</c> step) of requirement files and command-line
/// requirements, with the Pythons it installs for and the indexes it asks. Read by PY001 and PY002.
/// </summary>
/// <param name="Command">Where the install command stands (for messages and related locations).</param>
/// <param name="Targets">The interpreters and platforms it installs for (one for a Dockerfile, one per CI Python).</param>
/// <param name="Requirements">The requirement lines it installs (from files and the command line), pinned or not.</param>
/// <param name="Indexes">The indexes pip asks, from its command line, the files' options and the environment.</param>
/// <param name="IndexesKnown">False when an index option cannot be read (<c>$VAR</c> without a value, <c>--no-index</c>): PY002 stays silent.</param>
public sealed record PythonInstall(
    RelatedLocation Command,
    IReadOnlyList<PythonTarget> Targets,
    IReadOnlyList<InstalledRequirement> Requirements,
    IndexConfiguration Indexes,
    bool IndexesKnown)
{
    /// <summary>The requirements files the install reads (for fixes that add an option), the first one first.</summary>
    public IReadOnlyList<RequirementsFile> Files { get; init; } = [];
}

/// <summary>An interpreter and platform an install is for, and where that comes from.</summary>
/// <param name="Environment">The wheel-selection target.</param>
/// <param name="Origin">Why: <c>python:3.11-slim</c> (a Dockerfile's base image) or <c>job backend</c> (setup-python).</param>
/// <param name="Where">The place that sets the Python (the FROM line, the <c>python-version</c> value).</param>
public sealed record PythonTarget(TargetEnvironment Environment, string Origin, RelatedLocation Where)
{
    /// <summary>"CPython 3.13 on linux/amd64" (with "musl" for Alpine).</summary>
    public string Describe() =>
        $"CPython {Environment.PythonMajor}.{Environment.PythonMinor} on linux/{(Environment.Architecture == "x86_64" ? "amd64" : Environment.Architecture == "aarch64" ? "arm64" : Environment.Architecture)}"
        + (Environment.Libc == LibcKind.Musl ? " (musl)" : string.Empty);
}

/// <summary>One requirement of an install, with the text it stands in.</summary>
/// <param name="Requirement">The PEP 508 requirement.</param>
/// <param name="Source">The file it is written in (a requirements file, or the Dockerfile/workflow for a command-line operand).</param>
/// <param name="Span">Its span in <paramref name="Source"/>.</param>
/// <param name="Line">The requirements line, or null for a command-line operand.</param>
public sealed record InstalledRequirement(Requirement Requirement, SourceText Source, TextSpan Span, RequirementLine? Line);
