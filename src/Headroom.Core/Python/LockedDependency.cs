namespace Headroom.Python;

/// <summary>
/// One dependency edge of a lock file: uv's <c>dependencies</c>/<c>optional-dependencies</c>/<c>dev-dependencies</c>
/// entries (<c>{ name, marker, extra, version, source }</c>), or poetry's <c>[package.dependencies]</c> and
/// <c>[package.extras]</c>.
/// </summary>
/// <param name="Name">The package name as written.</param>
/// <param name="Marker">The edge's marker, or null when it always applies.</param>
/// <param name="Extras">The extras of the dependency that the edge turns on.</param>
/// <param name="Version">The exact version uv writes when several versions of the package are locked, else null.</param>
/// <param name="Source">The source uv writes when several sources of the package are locked, else null.</param>
/// <param name="Optional">poetry's <c>optional = true</c>: followed only through an extra that lists it.</param>
public sealed record LockedDependency(string Name, Marker? Marker, IReadOnlyList<string> Extras, string? Version, string? Source, bool Optional = false)
{
    public string NormalizedName => PackageName.Normalize(Name);
}
