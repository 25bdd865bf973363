using System.Text.Json;
using Headroom.Diff;
using Headroom.Diff.Output;
using Headroom.Tests.Reports;

namespace Headroom.Tests.Diff;

/// <summary>The diff's HTML page on constructed reports: the figures, the before/after treemaps and the tables.</summary>
public sealed class DiffHtmlTests
{
    private static string Html(DiffReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        DiffHtmlWriter.Write(writer, report, "headroom test");
        return writer.ToString();
    }

    [Fact]
    public void Two_predictions_give_a_before_and_an_after_treemap_that_keep_their_image_sizes()
    {
        DiffReport report = PredictionDiff.Compare(DiffModelTests.CudaPrediction(), DiffModelTests.CpuPrediction(), new DiffOptions { BeforeName = "HEAD~1:backend/Dockerfile", AfterName = "backend/Dockerfile" });

        string html = Html(report);

        JsonElement data = HtmlPage.Data(html);
        JsonElement[] trees = [.. data.EnumerateObject().Where(p => p.Name.StartsWith("tm-", StringComparison.Ordinal)).Select(p => p.Value.GetProperty("root"))];
        Assert.Equal(2, trees.Length);
        Assert.Equal("HEAD~1:backend/Dockerfile", trees[0].GetProperty("n").GetString());
        Assert.Equal("backend/Dockerfile", trees[1].GetProperty("n").GetString());
        Assert.Equal(report.Before.Bytes, Sum(trees[0]));
        Assert.Equal(report.After.Bytes, Sum(trees[1]));
        Assert.Contains("hr-columns", html, StringComparison.Ordinal);
        Assert.Contains(HtmlEscaped(DiffFigures.Headline(report, saved: true)), html, StringComparison.Ordinal);
        Assert.Contains("peak build disk", html, StringComparison.Ordinal);
        PackageChange removed = report.Packages.First(p => p.Change == "removed");
        Assert.Contains(HtmlEscaped(DiffFigures.Label(removed)), html, StringComparison.Ordinal);
        Assert.Empty(HtmlPage.ExternalReferences(html));
    }

    [Fact]
    public void Two_images_list_their_layers()
    {
        DiffReport report = ImageDiff.Compare(DiffModelTests.Before(), DiffModelTests.After(), new DiffOptions { BeforeName = "docker-archive:before.tar", AfterName = "docker-archive:after.tar" });

        string html = Html(report);

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains(">Layers<", html, StringComparison.Ordinal);
        Assert.All(report.Layers.Where(l => l.CreatedBy is not null), l => Assert.Contains(HtmlEscaped(DiffFigures.Command(l.CreatedBy, 120)), html, StringComparison.Ordinal));
    }

    private static long Sum(JsonElement node) =>
        node.TryGetProperty("k", out JsonElement kids) && kids.GetArrayLength() > 0 ? kids.EnumerateArray().Sum(Sum) : node.GetProperty("b").GetInt64();

    private static string HtmlEscaped(string text) => Headroom.Reports.Html.HtmlText.Escape(text);
}
