namespace Headroom.Python.Resolution;

/// <summary>One line of <c>uv pip compile</c> output: a pinned package with its annotations.</summary>
/// <param name="Name">The normalized project name.</param>
/// <param name="Version">The pinned version; null for a direct reference (<c>name @ url</c>).</param>
/// <param name="Extras">Extras kept on the line (<c>--no-strip-extras</c>), normalized.</param>
/// <param name="Url">The URL of a direct reference, or null.</param>
/// <param name="Via">The <c># via</c> annotations: package names, <c>-r FILE</c> or <c>-c FILE</c>.</param>
/// <param name="IndexUrl">The <c># from URL</c> annotation (<c>--emit-index-annotation</c>), or null.</param>
/// <param name="Line">The 1-based line of the pin in the output.</param>
public sealed record UvPin(string Name, PythonVersion? Version, IReadOnlyList<string> Extras, string? Url, IReadOnlyList<string> Via, string? IndexUrl, int Line);
