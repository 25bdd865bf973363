namespace Headroom.Reports.Html;

/// <summary>A paragraph, or a bulleted list when given several lines (notes, explanations).</summary>
public sealed class TextBlock : IHtmlComponent
{
    public TextBlock(params IReadOnlyList<string> lines)
    {
        Lines = lines;
    }

    public IReadOnlyList<string> Lines { get; }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Lines.Count == 1)
        {
            context.Element("p", "hr-text", Lines[0]);
            return;
        }

        context.Raw("<ul class=\"hr-text\">");
        foreach (string line in Lines)
        {
            context.Element("li", null, line);
        }

        context.Raw("</ul>");
    }
}
