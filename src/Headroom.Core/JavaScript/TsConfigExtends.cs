namespace Headroom.JavaScript;

/// <summary>One <c>extends</c> of a config: what was written, and the file it resolved to (null: unresolved, e.g. a package not installed).</summary>
public sealed record TsConfigExtends(TsConfig From, string Specifier, string? ResolvedPath);
