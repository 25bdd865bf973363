using System.Text.Json;
using Headroom.Diff;
using Headroom.Diff.Output;

namespace Headroom.Tests.Diff;

/// <summary>
/// The writers on constructed reports (the figures do not depend on the predictor's knowledge). The markdown goldens in
/// Diff/Data/ were reviewed by hand: table figures against the reports of <see cref="DiffModelTests"/>, the list
/// against its packages. When a writer changes on purpose, review the new text before replacing a golden.
/// </summary>
public sealed class DiffOutputTests
{
    private static string Markdown(DiffReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        DiffMarkdownWriter.Write(writer, report);
        return writer.ToString();
    }

    private static string Golden(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Diff", "Data", name)).ReplaceLineEndings("\n");

    [Fact]
    public void Markdown_of_two_images_matches_the_reviewed_golden()
    {
        string actual = Markdown(ImageDiff.Compare(DiffModelTests.Before(), DiffModelTests.After(), new DiffOptions { BeforeName = "docker-archive:before.tar", AfterName = "docker-archive:after.tar" }));

        Assert.True(Golden("image-diff.md") == actual, "the image diff's markdown changed; review it and update Diff/Data/image-diff.md:\n" + actual);
    }

    [Fact]
    public void Markdown_of_two_predictions_matches_the_reviewed_golden()
    {
        string actual = Markdown(PredictionDiff.Compare(DiffModelTests.CudaPrediction(), DiffModelTests.CpuPrediction(), new DiffOptions { BeforeName = "HEAD~1:backend/Dockerfile", AfterName = "backend/Dockerfile" }));

        Assert.True(Golden("prediction-diff.md") == actual, "the prediction diff's markdown changed; review it and update Diff/Data/prediction-diff.md:\n" + actual);
    }

    [Fact]
    public void Json_has_the_documented_fields_in_order_with_sizes_in_bytes()
    {
        var writer = new StringWriter { NewLine = "\n" };
        DiffJsonWriter.Write(writer, ImageDiff.Compare(DiffModelTests.Before(), DiffModelTests.After()));

        using JsonDocument doc = JsonDocument.Parse(writer.ToString());
        JsonElement root = doc.RootElement;
        Assert.Equal(
            ["schemaVersion", "mode", "before", "after", "size", "budget", "peakBuild", "downloads", "categories", "layers", "packages", "unchangedPackages", "movers", "notes"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["source", "kind", "platform", "bytes", "bytesLow", "bytesHigh", "exact"],
            root.GetProperty("before").EnumerateObject().Select(p => p.Name));
        Assert.Equal(6_160_000_000, root.GetProperty("size").GetProperty("beforeBytes").GetInt64());
        Assert.Equal(4_820_000_000, root.GetProperty("size").GetProperty("savedBytes").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("peakBuild").ValueKind);
        JsonElement removed = root.GetProperty("layers")[2];
        Assert.Equal(
            ["change", "beforeIndex", "afterIndex", "digest", "createdBy", "beforeBytes", "afterBytes", "deltaBytes"],
            removed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("afterIndex").ValueKind);
        JsonElement added = root.GetProperty("packages")[1];
        Assert.Equal(
            ["ecosystem", "name", "change", "beforeVersion", "afterVersion", "beforeBytes", "afterBytes", "deltaBytes", "exact"],
            added.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("fastapi", "added", JsonValueKind.Null, 3_000_000L), (added.GetProperty("name").GetString(), added.GetProperty("change").GetString(), added.GetProperty("beforeVersion").ValueKind, added.GetProperty("deltaBytes").GetInt64()));
    }

    [Fact]
    public void Text_says_the_headline_the_team_writes_by_hand()
    {
        var writer = new StringWriter { NewLine = "\n" };
        DiffTextWriter.Write(writer, PredictionDiff.Compare(DiffModelTests.CudaPrediction(), DiffModelTests.CpuPrediction(), new DiffOptions { Budget = "14GB" }));
        string text = writer.ToString();

        Assert.Contains("\nbefore ~7.72 GB, after ~1.47 GB, 81% smaller (~6.26 GB saved); 55% of the runner's disk before, 10% after (14GB, 14 GB)\n", text, StringComparison.Ordinal);
        Assert.Contains("\npeak build disk ~8 GB before, ~1.75 GB after (-6.25 GB); downloads ~3 GB before, ~350 MB after (-2.65 GB)\n", text, StringComparison.Ordinal);
        Assert.Contains("\nremoved components (3)\n      ~3.13 GB  pip   nvidia-*-cu12 and triton 12.1\n", text, StringComparison.Ordinal);
        Assert.Contains("pip   torch 2.3.1 → 2.3.1+cpu\n", text, StringComparison.Ordinal);
        Assert.Contains("\nunchanged components: 2\n", text, StringComparison.Ordinal);
        Assert.Contains("\nnotes\n  - offline: sizes from the embedded knowledge only\n", text, StringComparison.Ordinal);
    }
}
