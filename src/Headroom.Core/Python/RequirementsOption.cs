using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// A pip option on a requirements-file line (<c>--index-url URL</c>, <c>--pre</c>), or a per-requirement
/// one (<c>--hash=sha256:...</c>), by its long name.
/// </summary>
/// <param name="Name">The long name, such as <c>--index-url</c>, whichever spelling the file used.</param>
/// <param name="Value">The value (env vars expanded), or null for a flag.</param>
/// <param name="Span">The option as written, in the file.</param>
/// <param name="ValueSpan">The value as written, in the file (empty for a flag).</param>
/// <param name="Start">1-based line and column of <paramref name="Span"/>.</param>
public sealed record RequirementsOption(string Name, string? Value, TextSpan Span, TextSpan ValueSpan, LinePosition Start);
