using Headroom.Text;

namespace Headroom.Yaml;

public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(IReadOnlyList<YamlNode> items, bool isFlow, TextSpan span, LinePosition start, string? anchor, string? tag)
        : base(span, start, anchor, tag)
    {
        Items = items;
        IsFlow = isFlow;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    public IReadOnlyList<YamlNode> Items { get; }

    /// <summary>Written as "[a, b]" rather than "- a" lines.</summary>
    public bool IsFlow { get; }
}
