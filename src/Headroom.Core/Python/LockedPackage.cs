namespace Headroom.Python;

/// <summary>One package version of a lock file, with its recorded files.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Version">The version as written (null for a source without one).</param>
/// <param name="Source">The index URL (uv <c>registry</c>, pylock <c>index</c>, poetry <c>source.url</c>), or a URL/path/git source.</param>
/// <param name="Marker">pylock's per-package marker, or null.</param>
/// <param name="Wheels">The wheels recorded.</param>
/// <param name="Sdist">The source distribution recorded, or null.</param>
public sealed record LockedPackage(string Name, string? Version, string? Source, Marker? Marker, IReadOnlyList<LockedFile> Wheels, LockedFile? Sdist)
{
    public string NormalizedName => PackageName.Normalize(Name);

    public PythonVersion? ParsedVersion => PythonVersion.TryParse(Version, out PythonVersion? v) ? v : null;
}
