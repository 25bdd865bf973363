using Headroom.Reports;
using Headroom.Reports.Html;
using Headroom.Text;

namespace Headroom.Prediction.Output;

/// <summary>
/// The HTML report of <c>headroom predict</c> (and the predictions part of <c>check</c>'s): for each
/// Dockerfile, the headline figures, the peak build disk and the image against the budget, a treemap
/// of the predicted components by kind (base, pip, apt, copy...; the CUDA stack in its own colour),
/// the components table and the notes.
/// </summary>
public static class PredictionHtmlWriter
{
    /// <summary>The category the CUDA stack's components get in the treemap (the image report's <c>cuda</c>).</summary>
    public const string CudaCategory = "cuda";

    public static void Write(TextWriter output, IReadOnlyList<ImagePrediction> predictions, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(predictions);
        var page = new HtmlReport("Predicted image size")
        {
            Subtitle = predictions.Count == 1 ? $"{predictions[0].Dockerfile} · {predictions[0].Platform}" : $"{predictions.Count} Dockerfiles",
            Generator = generator,
        };
        if (predictions.Count == 0)
        {
            page.Section("Predictions").Add(new TextBlock("No Dockerfile found."));
        }

        AddSections(page, predictions);
        page.Write(output);
    }

    /// <summary>Adds one section per prediction to <paramref name="page"/>.</summary>
    public static void AddSections(HtmlReport page, IEnumerable<ImagePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(predictions);
        foreach (ImagePrediction p in predictions)
        {
            HtmlSection section = page.Section($"{p.Dockerfile} (target {p.Target})");
            section.Add(Figures(p)).Add(Disk(p));
            if (PredictionTextWriter.Cause(p) is { } cause)
            {
                section.Add(new TextBlock(cause));
            }

            section.Add(new Treemap("Predicted image by component", Tree(p)));
            section.Add(new DataTable(
                "Components (largest first; ~ estimated)",
                [new("bytes", true), new("kind"), new("line", true), new("name"), new("version"), new("how")],
                [.. p.Components.Select(c => new DataRow([PredictionTextWriter.Figure(c.Bytes, c.Exact), c.Kind, c.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name, c.Version, c.How ?? string.Empty], CategoryOf(c)))]));
            if (p.BuildOnly.Count > 0)
            {
                section.Add(new DataTable(
                    "In the build, not in the image",
                    [new("bytes", true), new("kind"), new("line", true), new("name"), new("stage", true)],
                    [.. p.BuildOnly.Select(c => new DataRow([PredictionTextWriter.Figure(c.Bytes, c.Exact), c.Kind, c.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name, c.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture)]))]));
            }

            if (p.Notes.Count > 0)
            {
                section.Add(new TextBlock([.. p.Notes]));
            }
        }
    }

    /// <summary>Image, range, peak build disk, downloads and the budget share.</summary>
    public static KeyFigures Figures(ImagePrediction p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var figures = new List<KeyFigure>
        {
            new("image", PredictionTextWriter.Figure(p.ImageBytes, p.Exact), p.Exact ? null : $"{ByteSize.Format(p.ImageBytesLow)} to {ByteSize.Format(p.ImageBytesHigh)}"),
            new("peak build disk", PredictionTextWriter.Figure(p.PeakBuildBytes, p.Exact), "this build alone"),
            new("downloads", PredictionTextWriter.Figure(p.DownloadBytes, p.Exact)),
        };
        if (p.Budget is { } budget)
        {
            figures.Add(new("budget used", HtmlText.Percent(budget.UsedFraction), $"of {budget.Name} ({ByteSize.Format(budget.Bytes)})", budget.UsedFraction > 1 ? "bad" : "good"));
        }

        figures.Add(new("python", p.Python ?? "none known", p.Offline ? $"{p.Platform}, embedded knowledge" : p.Platform));
        return new KeyFigures(figures);
    }

    /// <summary>The image and the peak build disk as bars, against the budget when there is one.</summary>
    public static BarChart Disk(ImagePrediction p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new BarChart(
            "Disk against the budget",
            [new BarChartItem("image", p.ImageBytes), new BarChartItem("peak build disk", p.PeakBuildBytes), new BarChartItem("downloads", p.DownloadBytes)])
        {
            Limit = p.Budget is { } b ? new BarChartItem($"budget {b.Name}", b.Bytes) : null,
        };
    }

    /// <summary>The image's components grouped by kind (names with their version).</summary>
    public static SizeNode Tree(ImagePrediction p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return SizeNode.Branch(
            p.Dockerfile,
            p.Components
                .GroupBy(c => c.Kind, StringComparer.Ordinal)
                .Select(g => SizeNode.Branch(g.Key, g.Select(c => SizeNode.Leaf(c.Version.Length == 0 || c.Kind == "copy" ? c.Name : $"{c.Name} {c.Version}", c.Bytes, CategoryOf(c))))));
    }

    private static string CategoryOf(PredictedComponent c) => c.Group == PipSizer.CudaGroup ? CudaCategory : c.Kind;
}
