using System.Globalization;
using Headroom.Reports;
using Headroom.Reports.Html;
using Headroom.Text;

namespace Headroom.Images;

/// <summary>
/// The HTML report of <c>headroom image</c>: headline figures, a treemap of bytes by layer and folder
/// (<see cref="ImageReport.Tree"/>, when the analysis built it) and by package, the layers as a bar chart
/// and a table, the categories, the largest files, duplicates and the gates.
/// </summary>
public static class ImageHtmlWriter
{
    public static void Write(TextWriter output, ImageReport report, int top, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        Build(report, top, generator).Write(output);
    }

    /// <summary>The page, to write or to compose further.</summary>
    public static HtmlReport Build(ImageReport report, int top, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new HtmlReport($"Image {report.Source}")
        {
            Subtitle = $"{report.Platform} · {ImageReportWriter.Short(report.ImageId)} · {report.Layers.Count} layers · {report.Totals.FileCount.ToString("N0", CultureInfo.InvariantCulture)} files",
            Generator = generator,
        };
        page.Section("Summary").Add(Figures(report));
        page.Section("Where the bytes are").Add(new Treemap("Bytes by layer and folder", report.Tree ?? LayerTree(report)));
        if (report.Packages.Count > 0)
        {
            page.Section("Packages")
                .Add(new Treemap("Bytes by package", PackageTree(report)))
                .Add(new DataTable(
                    $"Largest packages ({report.Packages.Count} found)",
                    [new("package"), new("version"), new("ecosystem"), new("bytes", true), new("files", true), new("layer", true)],
                    [.. report.Packages.Take(Math.Max(top, 25)).Select(p => new DataRow([p.Name, p.Version, p.Ecosystem, ByteSize.Format(p.Bytes), Number(p.FileCount), Number(p.Layer)]))]));
        }

        page.Section("Layers").Add(Layers(report)).Add(LayerTable(report));
        if (report.Categories.Count > 0)
        {
            page.Section("Categories")
                .Add(new TextBlock("Bytes of the final filesystem by category (each byte in at most one); click a bar to highlight it in the treemaps."))
                .Add(new BarChart("Categories", [.. report.Categories.Select(c => new BarChartItem(c.Name, c.Bytes, c.Name, $"{Number(c.FileCount)} files"))]));
        }

        if (report.LargestFiles.Count > 0)
        {
            page.Section("Largest files").Add(new DataTable(
                null,
                [new("path"), new("bytes", true), new("layer", true)],
                [.. report.LargestFiles.Select(f => new DataRow([f.Path, ByteSize.Format(f.Bytes), Number(f.Layer)]))]));
        }

        if (report.Duplicates is { Count: > 0 } duplicates)
        {
            page.Section("Duplicate content").Add(new DataTable(
                null,
                [new("wasted", true), new("copies", true), new("size", true), new("files")],
                [.. duplicates.Select(d => new DataRow([ByteSize.Format(d.WastedBytes), Number(d.Files.Count), ByteSize.Format(d.Bytes), string.Join(", ", d.Files.Select(f => $"{f.Path} (layer {f.Layer})"))]))]));
        }

        if (report.Gates.Count > 0)
        {
            page.Section("Gates").Add(new DataTable(
                null,
                [new("gate"), new("value", true), new("threshold", true), new("result")],
                [.. report.Gates.Select(g => new DataRow([g.Name, ImageReportWriter.Value(g.Value, g.Unit), ImageReportWriter.Value(g.Threshold, g.Unit), g.Passed ? "pass" : "FAIL"]))]));
        }

        return page;
    }

    /// <summary>The headline figures.</summary>
    public static KeyFigures Figures(ImageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ImageTotals t = report.Totals;
        var figures = new List<KeyFigure>
        {
            new("size", ByteSize.Format(t.Bytes), $"{ByteSize.Format(t.CompressedBytes)} compressed"),
            new("visible", ByteSize.Format(t.FinalBytes), $"{Number(t.FileCount)} files"),
            new("reclaimable", ByteSize.Format(t.ReclaimableBytes), "shipped in layers, hidden by later ones", t.Bytes > 0 && t.ReclaimableBytes * 10 >= t.Bytes ? "bad" : null),
            new("efficiency", HtmlText.Percent(t.Efficiency), "visible / shipped", t.Efficiency < 0.9 ? "bad" : "good"),
        };
        if (report.Categories.FirstOrDefault(c => c.Name == Categories.Cuda) is { } cuda)
        {
            figures.Add(new("CUDA", ByteSize.Format(cuda.Bytes), $"{Number(cuda.FileCount)} files", "bad"));
        }

        if (report.Gates.Count > 0)
        {
            int failed = report.Gates.Count(g => !g.Passed);
            figures.Add(new("gates", failed == 0 ? "all passed" : $"{failed} failed", $"{report.Gates.Count} checked", failed == 0 ? "good" : "bad"));
        }

        return new KeyFigures(figures);
    }

    /// <summary>The layers as bars (bytes; the detail line has the stored size and file changes).</summary>
    public static BarChart Layers(ImageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new BarChart("Bytes per layer", [.. report.Layers.Select(l => new BarChartItem(
            ImageSizeTree.LayerName(l.Index, l.CreatedBy),
            l.Bytes,
            null,
            $"stored {ByteSize.Format(l.CompressedBytes)} · +{Number(l.Files.Added)} ~{Number(l.Files.Modified)} -{Number(l.Files.Removed)} files"))]);
    }

    /// <summary>A tree of the layers alone, for a report analysed without <see cref="ImageAnalysisOptions.SizeTree"/>.</summary>
    public static SizeNode LayerTree(ImageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return SizeNode.Branch(report.Source, report.Layers.Select(l => SizeNode.Leaf(ImageSizeTree.LayerName(l.Index, l.CreatedBy), l.Bytes)));
    }

    /// <summary>Packages by ecosystem, plus the visible bytes no package claims.</summary>
    public static SizeNode PackageTree(ImageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.Packages
            .GroupBy(p => p.Ecosystem, StringComparer.Ordinal)
            .Select(g => SizeNode.Branch(g.Key, g.Select(p => SizeNode.Leaf(p.Version.Length == 0 ? p.Name : $"{p.Name} {p.Version}", p.Bytes, PackageCategory(p)))))
            .ToList();
        long unclaimed = report.Totals.FinalBytes - report.Packages.Sum(p => p.Bytes);
        if (unclaimed > 0)
        {
            groups.Add(SizeNode.Leaf("(in no package)", unclaimed));
        }

        return SizeNode.Branch(report.Source, groups);
    }

    private static DataTable LayerTable(ImageReport report) => new(
        null,
        [new("#", true), new("bytes", true), new("stored", true), new("+files", true), new("~files", true), new("-files", true), new("command")],
        [.. report.Layers.Select(l => new DataRow([Number(l.Index), ByteSize.Format(l.Bytes), ByteSize.Format(l.CompressedBytes), Number(l.Files.Added), Number(l.Files.Modified), Number(l.Files.Removed), ImageReportWriter.OneLine(l.CreatedBy, 300)]))]);

    private static string? PackageCategory(PackageUsage p) =>
        (p.Ecosystem == "pip" && p.Name.StartsWith("nvidia-", StringComparison.OrdinalIgnoreCase))
        || (p.Ecosystem == "dpkg" && Categories.IsCudaDebianPackage(p.Name))
            ? Categories.Cuda
            : null;

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
