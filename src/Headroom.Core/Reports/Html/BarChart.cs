using System.Globalization;
using Headroom.Text;

namespace Headroom.Reports.Html;

/// <summary>One bar: a label, a size, an optional category (colour and highlight) and a detail line.</summary>
public sealed record BarChartItem(string Label, long Value, string? Category = null, string? Detail = null);

/// <summary>
/// A horizontal bar chart of sizes, drawn as plain HTML (no script needed), optionally with a limit
/// (a budget) marked on every bar: bars past it are flagged. Rows with a category highlight it across
/// the page when clicked.
/// </summary>
public sealed class BarChart : IHtmlComponent
{
    public BarChart(string label, IReadOnlyList<BarChartItem> items)
    {
        Label = label;
        Items = items;
    }

    public string Label { get; }

    public IReadOnlyList<BarChartItem> Items { get; }

    /// <summary>A limit shown as a line across the bars (its label names it: <c>budget github-ubuntu-latest</c>).</summary>
    public BarChartItem? Limit { get; init; }

    public void Render(HtmlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long max = Math.Max(1, Math.Max(Items.Count == 0 ? 0 : Items.Max(i => i.Value), Limit?.Value ?? 0));
        context.Raw("<figure class=\"hr-bars\"><figcaption>");
        context.Text(Label);
        if (Limit is not null)
        {
            context.Raw(" <span class=\"hr-limit-key\">");
            context.Text($"| {Limit.Label}: {ByteSize.Format(Limit.Value)}");
            context.Raw("</span>");
        }

        context.Raw("</figcaption><ol class=\"hr-bar-list\">");
        foreach (BarChartItem item in Items)
        {
            bool over = Limit is not null && item.Value > Limit.Value;
            context.Raw("<li");
            context.Attribute("class", "hr-bar-row" + (item.Category is null ? string.Empty : " hr-cat " + HtmlText.CategoryClass(item.Category)) + (over ? " hr-over" : string.Empty));
            if (item.Category is not null)
            {
                context.Attribute("data-cat", item.Category);
                context.Attribute("tabindex", "0");
                context.Attribute("role", "button");
                context.Attribute("title", $"highlight {item.Category}");
            }

            context.Raw("><span class=\"hr-bar-label\">");
            context.Text(item.Label);
            context.Raw("</span><span class=\"hr-bar-track\"><span class=\"hr-bar-fill\"");
            context.Attribute("style", "width:" + Width(item.Value, max));
            context.Raw("></span>");
            if (Limit is not null)
            {
                context.Raw("<span class=\"hr-bar-limit\"");
                context.Attribute("style", "left:" + Width(Limit.Value, max));
                context.Raw("></span>");
            }

            context.Raw("</span><span class=\"hr-bar-value\">");
            context.Text(ByteSize.Format(item.Value) + (over ? " (over)" : string.Empty));
            context.Raw("</span>");
            if (item.Detail is not null)
            {
                context.Element("span", "hr-bar-detail", item.Detail);
            }

            context.Raw("</li>");
        }

        context.Raw("</ol></figure>");
    }

    private static string Width(long value, long max) =>
        (Math.Clamp((double)value / max, 0, 1) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
