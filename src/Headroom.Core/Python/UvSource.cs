namespace Headroom.Python;

/// <summary>One entry of <c>[tool.uv.sources]</c> for a package (a package may have several, split by marker).</summary>
public sealed record UvSource(string Package, string? Index, string? Url, string? Path, string? Git, Marker? Marker, string? Extra);
