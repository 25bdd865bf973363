namespace Headroom.Reports.Html;

/// <summary>
/// Components side by side under their own headings (stacked on a narrow screen): a before/after view
/// is <c>new Columns([("before", new Treemap(...)), ("after", new Treemap(...))])</c>.
/// </summary>
public sealed class Columns : IHtmlComponent
{
    public Columns(IReadOnlyList<(string Heading, IHtmlComponent Body)> items)
    {
        Items = items;
    }

    public IReadOnlyList<(string Heading, IHtmlComponent Body)> Items { get; }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Raw("<div class=\"hr-columns\">");
        foreach ((string heading, IHtmlComponent body) in Items)
        {
            context.Raw("<div class=\"hr-column\">");
            context.Element("h3", null, heading);
            body.Render(context);
            context.Raw("</div>");
        }

        context.Raw("</div>");
    }
}
