using System.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>
/// One value of a matrix dimension. <see cref="Text"/> is the scalar's text (null for a mapping or
/// sequence value); <see cref="IsExpression"/> marks a value only known at run time ("${{ ... }}").
/// </summary>
public sealed class MatrixValue
{
    internal MatrixValue(YamlNode node)
    {
        Node = node;
        Text = node is YamlScalar s ? s.Value : null;
        IsExpression = WorkflowExpression.Contains(Text);
        Canonical = CanonicalOf(node);
    }

    public YamlNode Node { get; }

    public string? Text { get; }

    public bool IsExpression { get; }

    /// <summary>A stable text form used to compare values for include/exclude (mappings by sorted keys).</summary>
    internal string Canonical { get; }

    public override string ToString() => Text ?? Canonical;

    internal bool SameAs(MatrixValue other) => !IsExpression && !other.IsExpression && Canonical == other.Canonical;

    private static string CanonicalOf(YamlNode node)
    {
        var sb = new StringBuilder();
        var pending = new Stack<object>();
        pending.Push(node);
        int budget = 10_000;
        while (pending.Count > 0 && budget-- > 0)
        {
            switch (pending.Pop())
            {
                case string s:
                    sb.Append(s);
                    break;
                case YamlScalar scalar:
                    sb.Append('"').Append(scalar.Value.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    break;
                case YamlSequence seq:
                    pending.Push("]");
                    for (int i = seq.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(seq.Items[i]);
                        pending.Push(i == 0 ? string.Empty : ",");
                    }

                    pending.Push("[");
                    break;
                case YamlMapping map:
                    pending.Push("}");
                    var entries = map.Entries.OrderByDescending(e => e.KeyText, StringComparer.Ordinal).ToList();
                    for (int i = 0; i < entries.Count; i++)
                    {
                        pending.Push(entries[i].Value);
                        pending.Push((i == entries.Count - 1 ? string.Empty : ",") + "\"" + entries[i].KeyText + "\":");
                    }

                    pending.Push("{");
                    break;
            }
        }

        return sb.ToString();
    }
}
