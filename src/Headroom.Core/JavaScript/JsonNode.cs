using Headroom.Text;

namespace Headroom.JavaScript;

public enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value with its span in the source (JsonDocument has no positions, so this is built from Utf8JsonReader).</summary>
public sealed class JsonNode
{
    internal JsonNode(JsonNodeKind kind, string? text, TextSpan span, LinePosition start)
    {
        Kind = kind;
        Text = text;
        Span = span;
        Start = start;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>The string's value, or a number's text; null for other kinds.</summary>
    public string? Text { get; }

    public TextSpan Span { get; internal set; }

    public LinePosition Start { get; }

    public List<JsonProperty> Properties { get; } = [];

    public List<JsonNode> Items { get; } = [];

    public JsonNode? this[string name] => Properties.FirstOrDefault(p => p.Name == name)?.Value;

    public string? GetString(string name) => this[name] is { Kind: JsonNodeKind.String } n ? n.Text : null;

    /// <summary>The strings of an array property (non-strings skipped); null when the property is missing or not an array.</summary>
    public IReadOnlyList<string>? GetStrings(string name) =>
        this[name] is { Kind: JsonNodeKind.Array } a ? a.Items.Where(i => i.Kind == JsonNodeKind.String).Select(i => i.Text!).ToList() : null;
}

/// <summary>One "name": value member of an object; <see cref="NameStart"/> is where the name's quote is.</summary>
public sealed record JsonProperty(string Name, TextSpan NameSpan, LinePosition NameStart, JsonNode Value);
