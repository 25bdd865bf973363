namespace Headroom.Yaml;

/// <summary>How a scalar was written; fixes use it to write a replacement in the same style.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,

    /// <summary>A literal block scalar, "|": line breaks kept.</summary>
    Literal,

    /// <summary>A folded block scalar, "&gt;": single line breaks become spaces.</summary>
    Folded,
}
