using System.Text;
using System.Text.Json;
using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.JavaScript;

/// <summary>
/// Reads JSON (comments and trailing commas allowed, as tsconfig does) into positioned
/// <see cref="JsonNode"/>s with System.Text.Json's Utf8JsonReader. Bad JSON gives a diagnostic.
/// </summary>
public static class JsonReader
{
    public const string SyntaxCode = "json-syntax";

    public static (JsonNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string text = source.Text;
        int skip = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        byte[] bytes = Encoding.UTF8.GetBytes(text, skip, text.Length - skip);
        var map = new OffsetMap(text, skip);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var stack = new Stack<JsonNode>();
        string? pendingName = null;
        TextSpan nameSpan = default;
        JsonNode? root = null;
        try
        {
            while (reader.Read())
            {
                int start = map.ToChar((int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        nameSpan = TextSpan.FromBounds(start, map.ToChar((int)reader.BytesConsumed));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        JsonNode done = stack.Pop();
                        done.Span = TextSpan.FromBounds(done.Span.Start, map.ToChar((int)reader.BytesConsumed));
                        continue;
                }

                JsonNode node = reader.TokenType switch
                {
                    JsonTokenType.StartObject => new JsonNode(JsonNodeKind.Object, null, new TextSpan(start, 0), source.GetPosition(start)),
                    JsonTokenType.StartArray => new JsonNode(JsonNodeKind.Array, null, new TextSpan(start, 0), source.GetPosition(start)),
                    JsonTokenType.String => new JsonNode(JsonNodeKind.String, reader.GetString(), TextSpan.FromBounds(start, map.ToChar((int)reader.BytesConsumed)), source.GetPosition(start)),
                    JsonTokenType.Number => new JsonNode(JsonNodeKind.Number, Encoding.UTF8.GetString(reader.ValueSpan), TextSpan.FromBounds(start, map.ToChar((int)reader.BytesConsumed)), source.GetPosition(start)),
                    JsonTokenType.True => new JsonNode(JsonNodeKind.True, null, new TextSpan(start, 4), source.GetPosition(start)),
                    JsonTokenType.False => new JsonNode(JsonNodeKind.False, null, new TextSpan(start, 5), source.GetPosition(start)),
                    _ => new JsonNode(JsonNodeKind.Null, null, new TextSpan(start, 4), source.GetPosition(start)),
                };
                if (stack.Count == 0)
                {
                    root = node;
                }
                else if (stack.Peek().Kind == JsonNodeKind.Object)
                {
                    stack.Peek().Properties.Add(new JsonProperty(pendingName ?? string.Empty, nameSpan, source.GetPosition(nameSpan.Start), node));
                }
                else
                {
                    stack.Peek().Items.Add(node);
                }

                if (node.Kind is JsonNodeKind.Object or JsonNodeKind.Array)
                {
                    stack.Push(node);
                }
            }
        }
        catch (JsonException ex)
        {
            int line = (int)Math.Min(ex.LineNumber ?? 0, source.LineCount - 1) + 1;
            int offset = Math.Min(source.GetLineStart(line) + (int)(ex.BytePositionInLine ?? 0), source.GetLineSpan(line).End);
            string message = ex.Message.Split(" LineNumber:", 2)[0].Trim();
            return (null, [Diagnostic.Create(DiagnosticSeverity.Error, SyntaxCode, message, source, new TextSpan(offset, 0))]);
        }

        return (root, []);
    }

    /// <summary>Converts increasing UTF-8 byte offsets to UTF-16 offsets in one forward pass.</summary>
    private sealed class OffsetMap
    {
        private readonly string _text;
        private readonly int _skip;
        private int _byte;
        private int _char;

        public OffsetMap(string text, int skip)
        {
            _text = text;
            _skip = skip;
            _char = skip;
        }

        public int ToChar(int byteOffset)
        {
            if (byteOffset < _byte)
            {
                _byte = 0;
                _char = _skip;
            }

            while (_byte < byteOffset && _char < _text.Length)
            {
                char c = _text[_char];
                if (char.IsHighSurrogate(c) && _char + 1 < _text.Length)
                {
                    _byte += 4;
                    _char += 2;
                    continue;
                }

                _byte += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                _char++;
            }

            return _char;
        }
    }
}
