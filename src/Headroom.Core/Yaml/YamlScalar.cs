using Headroom.Text;

namespace Headroom.Yaml;

/// <summary>A scalar: its value after YAML unquoting and folding, and how it was written.</summary>
public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(string value, YamlScalarStyle style, TextSpan span, LinePosition start, string? anchor, string? tag)
        : base(span, start, anchor, tag)
    {
        Value = value;
        Style = style;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Scalar;

    public string Value { get; }

    public YamlScalarStyle Style { get; }

    public bool IsBlock => Style is YamlScalarStyle.Literal or YamlScalarStyle.Folded;

    /// <summary>A plain empty value, "~" or "null" (YAML's null), with no explicit tag.</summary>
    public bool IsNull => Style == YamlScalarStyle.Plain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string ToString() => Value;
}
