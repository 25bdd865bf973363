namespace Headroom.Python.Resolution;

/// <summary>The outcome of a successful resolution: the packages to install and what was passed over.</summary>
public sealed class ResolutionResult
{
    internal ResolutionResult(
        TargetEnvironment target,
        IReadOnlyList<ResolvedPackage> packages,
        IReadOnlyDictionary<string, IReadOnlyList<RejectedCandidate>> rejections,
        IReadOnlyList<string> notes,
        ResolutionStatistics statistics)
    {
        Target = target;
        Packages = packages;
        Rejections = rejections;
        Notes = notes;
        Statistics = statistics;
    }

    public TargetEnvironment Target { get; }

    /// <summary>The packages to install, by normalized name.</summary>
    public IReadOnlyList<ResolvedPackage> Packages { get; }

    /// <summary>
    /// Per project (normalized name, sorted), the versions newer than the chosen one that were passed
    /// over and why (newest first): <c>numpy 2.3.0: no wheel for cp313 …</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RejectedCandidate>> Rejections { get; }

    /// <summary>Things the user should know that did not stop the resolution (skipped lines, unknown extras, markers that excluded a root requirement).</summary>
    public IReadOnlyList<string> Notes { get; }

    public ResolutionStatistics Statistics { get; }

    /// <summary>The package of that name (any spelling), or null.</summary>
    public ResolvedPackage? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string normalized = PackageName.Normalize(name);
        return Packages.FirstOrDefault(p => p.Name == normalized);
    }
}
