namespace Headroom.Python;

/// <summary>A <c>[tool.poetry.dependencies]</c> entry: <c>name = "^1.2"</c> or <c>name = { version = "...", source = "..." }</c>.</summary>
public sealed record PoetryDependency(string Name, string? Constraint, string? Source, bool Optional);
