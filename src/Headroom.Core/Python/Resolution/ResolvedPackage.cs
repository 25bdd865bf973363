using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>A package the installer would install: the version and file chosen, its extras, and why it is there.</summary>
/// <param name="Name">The normalized project name.</param>
/// <param name="Version">The chosen version (<c>2.5.1+cpu</c>).</param>
/// <param name="File">The file pip would download for the target (the best wheel by tag priority).</param>
/// <param name="Extras">The extras installed (normalized, sorted).</param>
/// <param name="Metadata">The version's core metadata (null only from a delegated resolver that did not read it).</param>
/// <param name="RequiredBy">Every requirement that brings it in, root requirements first, then by parent name.</param>
/// <param name="Chain">The shortest chain from a root requirement to this package, root first.</param>
public sealed record ResolvedPackage(
    string Name,
    PythonVersion Version,
    DistributionFile File,
    IReadOnlyList<string> Extras,
    CoreMetadata? Metadata,
    IReadOnlyList<RequirementOrigin> RequiredBy,
    IReadOnlyList<RequirementOrigin> Chain)
{
    /// <summary>True when a root requirement names the package.</summary>
    public bool IsRoot => RequiredBy.Any(r => r.IsRoot);

    /// <summary>The chain in words: <c>requirements.txt:2 asks sentence-transformers → sentence-transformers 3.3.1 requires torch&gt;=1.11</c>.</summary>
    public string Why => string.Join(" → ", Chain);

    public override string ToString() =>
        $"{Name}{(Extras.Count == 0 ? string.Empty : $"[{string.Join(',', Extras)}]")}=={Version} ({File.Filename})";
}
