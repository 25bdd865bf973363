using System.Text.Json;

namespace Headroom.Reports.Html;

/// <summary>
/// A zoomable squarified treemap of a <see cref="SizeNode"/> tree, drawn by the page's script: click a
/// box or press Enter on it to zoom in, Escape or Backspace (or the path above it) to go back up;
/// categories are coloured and can be highlighted. The tree goes into the data blob as
/// <c>{"n": name, "b": bytes, "c": category, "k": [children]}</c>; keep it to a few thousand nodes
/// (<see cref="SizeTreeBuilder"/> does).
/// </summary>
public sealed class Treemap : IHtmlComponent
{
    public Treemap(string label, SizeNode root)
    {
        Label = label;
        Root = root;
    }

    public string Label { get; }

    public SizeNode Root { get; }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string key = context.AddData("tm", json =>
        {
            json.WriteStartObject();
            json.WriteString("label", Label);
            json.WritePropertyName("root");
            WriteNode(json, Root);
            json.WriteEndObject();
        });
        context.Raw("<figure class=\"hr-treemap\"");
        context.Attribute("data-key", key);
        context.Raw("><figcaption>");
        context.Text(Label);
        context.Raw(" <span class=\"hr-hint\">(click or Enter to zoom in, Escape to go back)</span></figcaption>");
        context.Raw("<nav class=\"hr-tm-path\" aria-label=\"Treemap path\"></nav><div class=\"hr-tm-area\" role=\"group\"></div>");
        context.Raw("<div class=\"hr-tm-legend\"></div><p class=\"hr-tm-status\" aria-live=\"polite\"></p>");
        context.Raw("<noscript><p>The treemap needs JavaScript; the tables below hold the same figures.</p></noscript></figure>");
    }

    internal static void WriteNode(Utf8JsonWriter json, SizeNode node)
    {
        json.WriteStartObject();
        json.WriteString("n", node.Name);
        json.WriteNumber("b", node.Bytes);
        if (node.Category is not null)
        {
            json.WriteString("c", node.Category);
        }

        if (node.Children.Count > 0)
        {
            json.WriteStartArray("k");
            foreach (SizeNode child in node.Children)
            {
                WriteNode(json, child);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
