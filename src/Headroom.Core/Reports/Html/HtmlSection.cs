namespace Headroom.Reports.Html;

/// <summary>A titled part of an <see cref="HtmlReport"/> (a <c>&lt;section&gt;</c> listed in the page's contents) holding components in order.</summary>
public sealed class HtmlSection : IHtmlComponent
{
    private readonly List<IHtmlComponent> _items = [];

    public HtmlSection(string heading)
    {
        Heading = heading;
    }

    public string Heading { get; }

    /// <summary>The element id (set when rendered: <c>s-1</c>...).</summary>
    public string? Id { get; private set; }

    public IReadOnlyList<IHtmlComponent> Items => _items;

    /// <summary>Adds a component; returns this section for chaining.</summary>
    public HtmlSection Add(IHtmlComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _items.Add(component);
        return this;
    }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Id ??= context.NextId("s");
        context.Raw("<section class=\"hr-section\"");
        context.Attribute("id", Id);
        context.Raw(">\n<h2>");
        context.Text(Heading);
        context.Raw("</h2>\n");
        foreach (IHtmlComponent item in _items)
        {
            item.Render(context);
            context.Raw("\n");
        }

        context.Raw("</section>\n");
    }
}
