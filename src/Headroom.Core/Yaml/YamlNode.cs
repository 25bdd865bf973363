using Headroom.Text;

namespace Headroom.Yaml;

/// <summary>
/// A node of a YAML document with its place in the source. Aliases are resolved to the anchored
/// node itself (the same instance), so a node's span is where it was written, not where it is used.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(TextSpan span, LinePosition start, string? anchor, string? tag)
    {
        Span = span;
        Start = start;
        Anchor = anchor;
        Tag = tag;
    }

    public abstract YamlNodeKind Kind { get; }

    /// <summary>From the node's first character (after any anchor or tag) to its end in the source.</summary>
    public TextSpan Span { get; }

    /// <summary>1-based line and column of <see cref="Span"/>'s start.</summary>
    public LinePosition Start { get; }

    /// <summary>The anchor name without '&amp;', or null.</summary>
    public string? Anchor { get; }

    /// <summary>An explicit tag such as "!!str", or null.</summary>
    public string? Tag { get; }

    /// <summary>The scalar's value, or null when this is not a scalar.</summary>
    public string? AsString() => (this as YamlScalar)?.Value;
}
