using System.Globalization;
using Headroom.Reports;
using Headroom.Reports.Html;
using Headroom.Text;

namespace Headroom.Diff.Output;

/// <summary>
/// The HTML report of <c>headroom diff</c>: the headline figures, the sizes before and after against the
/// budget, a before/after pair of treemaps (each side's changed packages by ecosystem, coloured removed,
/// added or changed, and the rest of the image as one block), and the tables of packages, categories and
/// layers. One self-contained page, built from the blocks of <see cref="HtmlReport"/>.
/// </summary>
public static class DiffHtmlWriter
{
    /// <summary>The name of the treemap block that holds everything the diff did not see change.</summary>
    public const string RestName = "(the rest of the image)";

    public static void Write(TextWriter output, DiffReport report, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var page = new HtmlReport("Impact of the change")
        {
            Subtitle = $"{report.Before.Source} → {report.After.Source}",
            Generator = generator,
        };

        HtmlSection summary = page.Section("Before and after");
        summary.Add(Figures(report)).Add(new TextBlock(DiffFigures.Headline(report, saved: true)));
        summary.Add(Bars(report));
        summary.Add(new Columns(
        [
            ($"before ({DiffFigures.Measured(report.Before)})", new Treemap("Before: what changed, by ecosystem", Tree(report, before: true))),
            ($"after ({DiffFigures.Measured(report.After)})", new Treemap("After: what changed, by ecosystem", Tree(report, before: false))),
        ]));

        HtmlSection packages = page.Section("Packages removed, added and changed");
        packages.Add(new DataTable(
            $"{report.Packages.Count} changed, {report.UnchangedPackages} unchanged (~ estimated)",
            [new("change"), new("ecosystem"), new("package"), new("before", true), new("after", true), new("delta", true)],
            [.. report.Packages.Select(p => new DataRow(
                [p.Change, p.Ecosystem, DiffFigures.Label(p), DiffFigures.Size(p.BytesBefore, p.Exact), DiffFigures.Size(p.BytesAfter, p.Exact), DiffFigures.Delta(p.Delta)],
                p.Change))]));

        if (report.Categories.Count > 0)
        {
            page.Section("Categories").Add(new DataTable(
                null,
                [new("category"), new("before", true), new("after", true), new("delta", true)],
                [.. report.Categories.Select(c => new DataRow([c.Name, ByteSize.Format(c.Before), ByteSize.Format(c.After), DiffFigures.Delta(c.Delta)], c.Name))]));
        }

        if (report.Layers.Count > 0)
        {
            page.Section("Layers").Add(new DataTable(
                null,
                [new("change"), new("before", true), new("after", true), new("bytes before", true), new("bytes after", true), new("created by")],
                [.. report.Layers.Select(l => new DataRow(
                    [l.Change, Index(l.BeforeIndex), Index(l.AfterIndex), ByteSize.Format(l.BytesBefore), ByteSize.Format(l.BytesAfter), DiffFigures.Command(l.CreatedBy, 120)],
                    l.Change == "unchanged" ? null : l.Change))]));
        }

        if (report.Notes.Count > 0)
        {
            page.Section("Notes").Add(new TextBlock([.. report.Notes]));
        }

        page.Write(output);
    }

    /// <summary>Size before and after, saved bytes and percent, the budget share on each side, and peak disk for predictions.</summary>
    public static KeyFigures Figures(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        SizeChange size = report.Size;
        bool exact = report.Before.Exact && report.After.Exact;
        var figures = new List<KeyFigure>
        {
            new("before", DiffFigures.Size(report.Before.Bytes, report.Before.Exact), DiffFigures.Measured(report.Before)),
            new("after", DiffFigures.Size(report.After.Bytes, report.After.Exact), DiffFigures.Measured(report.After)),
            new(size.Delta <= 0 ? "saved" : "added", DiffFigures.Size(Math.Abs(size.Delta), exact), DiffFigures.Verdict(size), size.Delta <= 0 ? "good" : "bad"),
            new("runner's disk", $"{DiffFigures.Percent(report.Budget.Before)} → {DiffFigures.Percent(report.Budget.After)}", $"{report.Budget.Name} ({ByteSize.Format(report.Budget.Bytes)})", report.Budget.After > 1 ? "bad" : null),
        };
        if (report.PeakBuild is { } peak)
        {
            figures.Add(new("peak build disk", $"{DiffFigures.Size(peak.Before, false)} → {DiffFigures.Size(peak.After, false)}", "predicted"));
        }

        return new KeyFigures(figures);
    }

    /// <summary>The image (and, for predictions, the peak build disk and downloads) before and after, against the budget.</summary>
    public static BarChart Bars(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var items = new List<BarChartItem>
        {
            new("image before", report.Before.Bytes, "removed"),
            new("image after", report.After.Bytes, "added"),
        };
        if (report.PeakBuild is { } peak)
        {
            items.Add(new("peak build disk before", peak.Before, "removed"));
            items.Add(new("peak build disk after", peak.After, "added"));
        }

        if (report.Downloads is { } downloads)
        {
            items.Add(new("downloads before", downloads.Before, "removed"));
            items.Add(new("downloads after", downloads.After, "added"));
        }

        return new BarChart("Sizes before and after", items) { Limit = new BarChartItem($"budget {report.Budget.Name}", report.Budget.Bytes) };
    }

    /// <summary>
    /// One side's image as a tree: the changed packages of that side by ecosystem (category <c>removed</c>,
    /// <c>added</c> or <c>changed</c>), and what the diff did not see change as one block, so both trees keep
    /// the proportions of their image.
    /// </summary>
    public static SizeNode Tree(DiffReport report, bool before)
    {
        ArgumentNullException.ThrowIfNull(report);
        DiffSide side = before ? report.Before : report.After;
        var changed = report.Packages
            .Select(p => (Change: p, Bytes: before ? p.BytesBefore : p.BytesAfter))
            .Where(x => x.Bytes > 0)
            .ToList();
        var children = changed
            .GroupBy(x => x.Change.Ecosystem, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => SizeNode.Branch(g.Key, g.Select(x => SizeNode.Leaf(DiffFigures.Label(x.Change), x.Bytes, x.Change.Change))))
            .ToList();
        long rest = side.Bytes - changed.Sum(x => x.Bytes);
        if (rest > 0)
        {
            children.Add(SizeNode.Leaf(RestName, rest));
        }

        return SizeNode.Branch(side.Source, children);
    }

    private static string Index(int? index) => index?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
