namespace Headroom.Rules.Output;

/// <summary>
/// Markdown for a job summary (<c>$GITHUB_STEP_SUMMARY</c>) or a pull-request comment: the summary line
/// and one table row per finding, with the rule linked to its page; then the CI-health table (<see cref="CiHealth"/>).
/// </summary>
public static class FindingsMarkdownWriter
{
    public static void Write(TextWriter output, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        output.WriteLine("## Headroom check");
        output.WriteLine();
        output.WriteLine(FindingsTextWriter.Summary(result));
        if (result.Findings.Count > 0)
        {
            output.WriteLine();
            WriteTable(output, result);
        }

        output.WriteLine();
        CiHealth.WriteMarkdown(output, result);
    }

    private static void WriteTable(TextWriter output, CheckResult result)
    {
        output.WriteLine("| severity | rule | where | finding | fix |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (Finding f in result.Findings)
        {
            string where = f.AnchorLine > 0 ? $"`{f.Path}:{f.Start.Line}`" : $"`{f.Path}`";
            string stake = f.BytesAtStake is long bytes ? $" ({(f.BytesExact ? string.Empty : "~")}{Text.ByteSize.Format(bytes)})" : string.Empty;
            string fix = f.Fix is { } x ? Cell(x.Description) : string.Empty;
            output.WriteLine($"| {FindingsJsonWriter.SeverityName(f.Severity)} | [{f.Rule.Id}]({f.Rule.HelpUri}) {f.Rule.Slug} | {where} | {Cell(f.Message)}{stake} | {fix} |");
        }
    }

    /// <summary>A table cell: pipes escaped, one line.</summary>
    public static string Cell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
    }
}
