namespace Headroom.Python;

/// <summary>One package version of a lock file, with its recorded files and, where the format has them, its dependency edges.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Version">The version as written (null for a source without one).</param>
/// <param name="Source">The index URL (uv <c>registry</c>, pylock <c>index</c>, poetry <c>source.url</c>), or a URL/path/git source.</param>
/// <param name="Marker">pylock's per-package marker, poetry's <c>markers</c> when one string, or null.</param>
/// <param name="Wheels">The wheels recorded.</param>
/// <param name="Sdist">The source distribution recorded, or null.</param>
public sealed record LockedPackage(string Name, string? Version, string? Source, Marker? Marker, IReadOnlyList<LockedFile> Wheels, LockedFile? Sdist)
{
    public string NormalizedName => PackageName.Normalize(Name);

    public PythonVersion? ParsedVersion => PythonVersion.TryParse(Version, out PythonVersion? v) ? v : null;

    /// <summary>The 1-based line of the package's <c>name</c> in the lock file (0 when unknown).</summary>
    public int Line { get; init; }

    /// <summary>
    /// A local project rather than a package from an index: uv's <c>editable</c>/<c>virtual</c>/<c>directory</c>
    /// sources (the project being synced and workspace members), pylock's <c>directory</c>.
    /// </summary>
    public bool IsLocalProject { get; init; }

    /// <summary>The dependencies (uv <c>dependencies</c>, poetry <c>[package.dependencies]</c>).</summary>
    public IReadOnlyList<LockedDependency> Dependencies { get; init; } = [];

    /// <summary>The dependencies each extra adds (uv <c>optional-dependencies</c>, poetry <c>[package.extras]</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LockedDependency>> OptionalDependencies { get; init; } = new Dictionary<string, IReadOnlyList<LockedDependency>>();

    /// <summary>The dependency groups of a project (uv <c>dev-dependencies</c>: PEP 735 groups and <c>dev</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LockedDependency>> DependencyGroups { get; init; } = new Dictionary<string, IReadOnlyList<LockedDependency>>();

    /// <summary>uv's <c>resolution-markers</c> of a forked package (which environments this version is for).</summary>
    public IReadOnlyList<Marker> ResolutionMarkers { get; init; } = [];

    /// <summary>poetry's <c>groups</c> (lock 2.1) or old <c>category</c>; null when the lock does not say.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>poetry's <c>markers</c> written per group (<c>{ main = "...", dev = "..." }</c>); empty otherwise.</summary>
    public IReadOnlyDictionary<string, Marker> GroupMarkers { get; init; } = new Dictionary<string, Marker>();
}
