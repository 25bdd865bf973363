using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Rules.Output;

/// <summary>
/// The human output of <c>check</c>: findings grouped by file, each with its place, severity, rule,
/// message, the size at stake, the source line with a caret under the span, and whether
/// <c>headroom fix</c> fixes it; then one summary line.
/// </summary>
public static class FindingsTextWriter
{
    /// <param name="output">Where to write.</param>
    /// <param name="result">The check's result.</param>
    /// <param name="readSource">The text of a checked file, for the excerpts.</param>
    /// <param name="ciHealth">After the summary, one line per CI breakage class found (<see cref="CiHealth.WriteText"/>).</param>
    public static void Write(TextWriter output, CheckResult result, Func<string, SourceText?> readSource, bool ciHealth = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(readSource);
        foreach (IGrouping<string, Finding> file in result.Findings.GroupBy(f => f.Path))
        {
            output.WriteLine(file.Key);
            SourceText? source = readSource(file.Key);
            foreach (Finding finding in file)
            {
                WriteFinding(output, finding, source);
            }

            output.WriteLine();
        }

        output.WriteLine(Summary(result));
        if (ciHealth)
        {
            CiHealth.WriteText(output, result);
        }
    }

    /// <summary>"3 findings (1 error, 2 warnings) in 12 files; 2 fixable with 'headroom fix'."</summary>
    public static string Summary(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Findings.Count == 0)
        {
            return $"No findings in {Plural(result.FilesChecked, "file")}.";
        }

        var parts = new List<string>();
        AddCount(parts, result.Count(DiagnosticSeverity.Error), "error");
        AddCount(parts, result.Count(DiagnosticSeverity.Warning), "warning");
        AddCount(parts, result.Count(DiagnosticSeverity.Info), "info");
        string fixable = result.FixableCount > 0 ? $"; {result.FixableCount} fixable with 'headroom fix'" : string.Empty;
        return $"{Plural(result.Findings.Count, "finding")} ({string.Join(", ", parts)}) in {Plural(result.FilesChecked, "file")}{fixable}.";
    }

    private static void WriteFinding(TextWriter output, Finding finding, SourceText? source)
    {
        string severity = finding.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        string stake = finding.BytesAtStake is long bytes ? $" [{(finding.BytesExact ? string.Empty : "~")}{ByteSize.Format(bytes)}]" : string.Empty;
        output.WriteLine($"  {finding.Start.Line}:{finding.Start.Column}  {severity}  {finding.Rule.Id} {finding.Rule.Slug}{stake}");
        output.WriteLine($"    {finding.Message}");
        if (source is not null && finding.AnchorLine > 0 && finding.Start.Line <= source.LineCount)
        {
            WriteExcerpt(output, finding, source);
        }

        foreach (RelatedLocation related in finding.Related)
        {
            output.WriteLine($"    see {related.Path}:{related.Line}: {related.Message}");
        }

        if (finding.Fix is { } fix)
        {
            output.WriteLine($"    fix: {fix.Description}");
        }
    }

    private static void WriteExcerpt(TextWriter output, Finding finding, SourceText source)
    {
        int line = finding.Start.Line;
        string text = source.ToString(source.GetLineSpan(line)).TrimEnd('\r', '\n').Replace('\t', ' ');
        int startColumn = Math.Clamp(finding.Start.Column, 1, text.Length + 1);
        int endColumn = finding.End.Line == line ? finding.End.Column : text.Length + 1;
        int width = Math.Max(1, Math.Min(endColumn, text.Length + 1) - startColumn);
        string gutter = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"    {gutter} | {text}");
        output.WriteLine($"    {new string(' ', gutter.Length)} | {new string(' ', startColumn - 1)}{new string('^', width)}");
    }

    private static void AddCount(List<string> parts, int count, string noun)
    {
        if (count > 0)
        {
            parts.Add(noun == "info" ? $"{count} info" : Plural(count, noun));
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
