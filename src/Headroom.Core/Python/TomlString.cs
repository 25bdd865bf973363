using Headroom.Text;

namespace Headroom.Python;

/// <summary>A TOML string value with the span of its literal (quotes included) in the file.</summary>
public sealed record TomlString(string Value, TextSpan Span)
{
    public override string ToString() => Value;
}
