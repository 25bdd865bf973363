namespace Headroom.Reports.Html;

/// <summary>One headline figure: <c>image 6.1 GB</c>; a tone of <c>bad</c> or <c>good</c> colours it.</summary>
public sealed record KeyFigure(string Label, string Value, string? Detail = null, string? Tone = null);

/// <summary>A row of headline figures (size, reclaimable, efficiency, budget share...).</summary>
public sealed class KeyFigures : IHtmlComponent
{
    public KeyFigures(IReadOnlyList<KeyFigure> figures)
    {
        Figures = figures;
    }

    public IReadOnlyList<KeyFigure> Figures { get; }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Raw("<dl class=\"hr-figures\">");
        foreach (KeyFigure figure in Figures)
        {
            context.Raw("<div");
            context.Attribute("class", "hr-figure" + (figure.Tone is null ? string.Empty : " hr-" + figure.Tone));
            context.Raw(">");
            context.Element("dt", null, figure.Label);
            context.Element("dd", "hr-figure-value", figure.Value);
            if (figure.Detail is not null)
            {
                context.Element("dd", "hr-figure-detail", figure.Detail);
            }

            context.Raw("</div>");
        }

        context.Raw("</dl>");
    }
}
