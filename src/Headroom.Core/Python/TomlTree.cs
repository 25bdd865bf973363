using Headroom.Diagnostics;
using Headroom.Text;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Headroom.Python;

/// <summary>
/// A TOML document read through Tomlyn's syntax tree (no reflection) into plain values: tables are
/// <c>Dictionary&lt;string, object&gt;</c>, arrays <c>List&lt;object&gt;</c>, strings <see cref="TomlString"/>
/// (with spans), then long, double, bool, and other scalars as their text.
/// </summary>
internal static class TomlTree
{
    public static Dictionary<string, object> Read(SourceText source, List<Diagnostic> diagnostics)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        DocumentSyntax doc = SyntaxParser.Parse(source.Text, source.Path ?? "<input>", false);
        if (doc.HasErrors)
        {
            foreach (DiagnosticMessage m in doc.Diagnostics)
            {
                int at = Math.Clamp(m.Span.Offset, 0, source.Length);
                diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, "toml-invalid", m.Message, source, new TextSpan(at, 0)));
            }

            return root;
        }

        AddKeyValues(root, doc.KeyValues);
        foreach (TableSyntaxBase table in doc.Tables)
        {
            List<string> path = KeyPath(table.Name!);
            Dictionary<string, object> target;
            if (table is TableArraySyntax)
            {
                Dictionary<string, object> parent = Descend(root, path.Take(path.Count - 1));
                if (!parent.TryGetValue(path[^1], out object? existing) || existing is not List<object> list)
                {
                    list = [];
                    parent[path[^1]] = list;
                }

                target = new Dictionary<string, object>(StringComparer.Ordinal);
                list.Add(target);
            }
            else
            {
                target = Descend(root, path);
            }

            AddKeyValues(target, table.Items);
        }

        return root;
    }

    public static Dictionary<string, object>? Table(object? value, params string[] path)
    {
        object? current = value;
        foreach (string key in path)
        {
            if (current is not Dictionary<string, object> d || !d.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current as Dictionary<string, object>;
    }

    public static TomlString? String(Dictionary<string, object>? table, string key) =>
        table is not null && table.TryGetValue(key, out object? v) ? v as TomlString : null;

    public static long? Integer(Dictionary<string, object>? table, string key) =>
        table is not null && table.TryGetValue(key, out object? v) && v is long l ? l : null;

    public static bool? Boolean(Dictionary<string, object>? table, string key) =>
        table is not null && table.TryGetValue(key, out object? v) && v is bool b ? b : null;

    public static List<object> Array(Dictionary<string, object>? table, string key) =>
        table is not null && table.TryGetValue(key, out object? v) && v is List<object> list ? list : [];

    public static IEnumerable<Dictionary<string, object>> Tables(Dictionary<string, object>? table, string key) =>
        Array(table, key).OfType<Dictionary<string, object>>();

    private static void AddKeyValues(Dictionary<string, object> target, IEnumerable<KeyValueSyntax> items)
    {
        foreach (KeyValueSyntax kv in items)
        {
            List<string> path = KeyPath(kv.Key!);
            Dictionary<string, object> parent = Descend(target, path.Take(path.Count - 1));
            parent[path[^1]] = Value(kv.Value!);
        }
    }

    private static Dictionary<string, object> Descend(Dictionary<string, object> from, IEnumerable<string> path)
    {
        Dictionary<string, object> current = from;
        foreach (string key in path)
        {
            if (current.TryGetValue(key, out object? existing))
            {
                current = existing switch
                {
                    Dictionary<string, object> d => d,
                    List<object> { Count: > 0 } l when l[^1] is Dictionary<string, object> last => last,
                    _ => current,
                };
                continue;
            }

            var next = new Dictionary<string, object>(StringComparer.Ordinal);
            current[key] = next;
            current = next;
        }

        return current;
    }

    private static List<string> KeyPath(KeySyntax key)
    {
        var path = new List<string> { KeyText(key.Key!) };
        foreach (DottedKeyItemSyntax dotted in key.DotKeys)
        {
            path.Add(KeyText(dotted.Key!));
        }

        return path;
    }

    private static string KeyText(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key!.Text ?? string.Empty,
        StringValueSyntax s => s.Value ?? string.Empty,
        _ => key.ToString() ?? string.Empty,
    };

    private static object Value(ValueSyntax value) => value switch
    {
        StringValueSyntax s => new TomlString(s.Value ?? string.Empty, new TextSpan(s.Token!.Span.Offset, s.Token.Span.Length)),
        IntegerValueSyntax i => i.Value,
        BooleanValueSyntax b => b.Value,
        FloatValueSyntax f => f.Value,
        ArraySyntax a => a.Items.Select(item => Value(item.Value!)).ToList(),
        InlineTableSyntax t => InlineTable(t),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    private static Dictionary<string, object> InlineTable(InlineTableSyntax table)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        AddKeyValues(result, table.Items.Select(i => i.KeyValue!));
        return result;
    }
}
