using Headroom.Text;

namespace Headroom.Python;

/// <summary>A PEP 508 string of <c>[project] dependencies</c> or <c>optional-dependencies</c>.</summary>
/// <param name="Text">The TOML string (its span covers the quotes).</param>
/// <param name="Requirement">The parsed requirement (spans relative to the string's value), or null when it does not parse.</param>
/// <param name="Extra">The optional-dependencies group, or null for the main dependencies.</param>
public sealed record PyProjectDependency(TomlString Text, Requirement? Requirement, string? Extra)
{
    /// <summary>
    /// Maps a span of the string's value (such as <c>Requirement.Pin.VersionSpan</c>) to the file, for a
    /// single-line string literal without escapes (the usual case).
    /// </summary>
    public TextSpan MapToFile(TextSpan span) => new(Text.Span.Start + 1 + span.Start, span.Length);
}
