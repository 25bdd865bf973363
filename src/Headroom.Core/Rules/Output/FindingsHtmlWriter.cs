using Headroom.Diagnostics;
using Headroom.Prediction;
using Headroom.Prediction.Output;
using Headroom.Reports.Html;
using Headroom.Text;

namespace Headroom.Rules.Output;

/// <summary>
/// The HTML report of <c>headroom check</c>: the counts, the findings grouped by file with the lines
/// around each (the finding's lines marked), then each Dockerfile's prediction.
/// </summary>
public static class FindingsHtmlWriter
{
    public static void Write(TextWriter output, CheckResult result, Func<string, SourceText?> readSource, IReadOnlyList<ImagePrediction> predictions, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Build(result, readSource, predictions, generator).Write(output);
    }

    /// <summary>The page, to write or to compose further.</summary>
    public static HtmlReport Build(CheckResult result, Func<string, SourceText?> readSource, IReadOnlyList<ImagePrediction> predictions, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(readSource);
        ArgumentNullException.ThrowIfNull(predictions);
        var page = new HtmlReport("Headroom check") { Subtitle = FindingsTextWriter.Summary(result), Generator = generator };
        int errors = result.Count(DiagnosticSeverity.Error);
        page.Section("Summary").Add(new KeyFigures(
        [
            new("errors", Number(errors), null, errors > 0 ? "bad" : "good"),
            new("warnings", Number(result.Count(DiagnosticSeverity.Warning))),
            new("info", Number(result.Count(DiagnosticSeverity.Info))),
            new("fixable", Number(result.FixableCount), "headroom fix applies them"),
            new("files checked", Number(result.FilesChecked), result.SuppressedCount > 0 ? $"{result.SuppressedCount} findings suppressed" : null),
        ]));
        page.Section("Findings").Add(new FindingsList(Files(result, readSource)));
        PredictionHtmlWriter.AddSections(page, predictions);
        return page;
    }

    /// <summary>The findings grouped by file (in the result's order), each with its excerpt when the file can be read.</summary>
    public static IReadOnlyList<FindingsFile> Files(CheckResult result, Func<string, SourceText?> readSource)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(readSource);
        var sources = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
        return [.. result.Findings
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .Select(g => new FindingsFile(g.Key, [.. g.Select(f =>
            {
                if (!sources.TryGetValue(f.Path, out SourceText? source))
                {
                    sources[f.Path] = source = readSource(f.Path);
                }

                SourceExcerpt? excerpt = source is not null && f.AnchorLine > 0 && source.LineCount > 0 ? SourceExcerpt.Of(source, f.Start.Line, f.End.Line) : null;
                string? size = f.BytesAtStake is long bytes ? (f.BytesExact ? string.Empty : "~") + ByteSize.Format(bytes) : null;
                return new FindingEntry(FindingsJsonWriter.SeverityName(f.Severity), f.Rule.Id, f.Rule.Slug, f.Message, f.Start.Line, f.Start.Column, excerpt, size, f.Fix is not null);
            })]))];
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
