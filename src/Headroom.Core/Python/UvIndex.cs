namespace Headroom.Python;

/// <summary>One <c>[[tool.uv.index]]</c>: with <c>explicit = true</c> it serves only packages pinned to it in <c>[tool.uv.sources]</c>.</summary>
public sealed record UvIndex(string? Name, string Url, bool IsDefault, bool IsExplicit);
