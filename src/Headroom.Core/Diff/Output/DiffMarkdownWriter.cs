using Headroom.Text;

namespace Headroom.Diff.Output;

/// <summary>
/// The <c>headroom diff --format markdown</c> section, ready to paste into a pull request: a heading, what was
/// compared, a table (size, share of the runner's disk, peak build disk, downloads, categories) and a short list
/// (removed, added, changed, layers).
/// </summary>
public static class DiffMarkdownWriter
{
    /// <summary>How many names each list line shows before "and N more".</summary>
    public const int ListLimit = 5;

    private static readonly string[] LayerChanges = ["removed", "added", "changed", "unchanged"];

    public static void Write(TextWriter output, DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        bool exact = report.Before.Exact && report.After.Exact;
        output.WriteLine("## Impact");
        output.WriteLine();
        output.WriteLine($"{Capitalize(DiffFigures.Verdict(report.Size))}: `{Code(report.Before.Source)}` ({DiffFigures.Measured(report.Before)}) → `{Code(report.After.Source)}` ({DiffFigures.Measured(report.After)}).");
        output.WriteLine();
        output.WriteLine("| | before | after | change |");
        output.WriteLine("|---|---:|---:|---:|");
        SizeChange size = report.Size;
        string percent = size.Delta == 0 ? string.Empty : $" ({DiffFigures.Verdict(size)})";
        output.WriteLine($"| image size | {DiffFigures.Size(size.Before, report.Before.Exact)} | {DiffFigures.Size(size.After, report.After.Exact)} | **{DiffFigures.Delta(size.Delta)}**{percent} |");
        BudgetShare budget = report.Budget;
        output.WriteLine($"| share of the runner's disk ({Md(budget.Name)}, {ByteSize.Format(budget.Bytes)}) | {DiffFigures.Percent(budget.Before)} | {DiffFigures.Percent(budget.After)} | {DiffFigures.Points(budget.Before, budget.After)} |");
        if (report.PeakBuild is { } peak)
        {
            output.WriteLine($"| peak build disk | {DiffFigures.Size(peak.Before, report.Before.Exact)} | {DiffFigures.Size(peak.After, report.After.Exact)} | {DiffFigures.Delta(peak.Delta)} |");
        }

        if (report.Downloads is { } downloads)
        {
            output.WriteLine($"| downloads | {DiffFigures.Size(downloads.Before, report.Before.Exact)} | {DiffFigures.Size(downloads.After, report.After.Exact)} | {DiffFigures.Delta(downloads.Delta)} |");
        }

        foreach (CategoryChange c in report.Categories)
        {
            output.WriteLine($"| {c.Name} | {DiffFigures.Size(c.Before, report.Before.Exact)} | {DiffFigures.Size(c.After, report.After.Exact)} | {DiffFigures.Delta(c.Delta)} |");
        }

        output.WriteLine();
        WriteList(output, "Removed", report.Packages.Where(p => p.Change == "removed"), p => DiffFigures.Size(p.BytesBefore, p.Exact));
        WriteList(output, "Added", report.Packages.Where(p => p.Change == "added"), p => DiffFigures.Size(p.BytesAfter, p.Exact));
        WriteList(output, "Changed", report.Packages.Where(p => p.Change == "changed"), p => $"{DiffFigures.Size(p.BytesBefore, p.Exact)} → {DiffFigures.Size(p.BytesAfter, p.Exact)}");
        if (report.Layers.Count > 0)
        {
            var counts = report.Layers.GroupBy(l => l.Change).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            output.WriteLine($"- **Layers:** {string.Join(", ", LayerChanges.Select(c => $"{counts.GetValueOrDefault(c)} {c}"))}");
        }

        if (report.Packages.Count == 0 && report.Layers.Count == 0)
        {
            output.WriteLine("- No package changed.");
        }

        if (!exact)
        {
            output.WriteLine();
            output.WriteLine("<sub>~ marks a predicted estimate (`headroom predict`); measured sizes come from the built image.</sub>");
        }
    }

    private static void WriteList(TextWriter output, string title, IEnumerable<PackageChange> changes, Func<PackageChange, string> bytes)
    {
        List<PackageChange> list = [.. changes];
        if (list.Count == 0)
        {
            return;
        }

        IEnumerable<string> shown = list.Take(ListLimit).Select(p => $"{Md(DiffFigures.Label(p))} ({bytes(p)})");
        string more = list.Count > ListLimit ? $", and {list.Count - ListLimit} more" : string.Empty;
        output.WriteLine($"- **{title}:** {string.Join(", ", shown)}{more}");
    }

    /// <summary>Text in a table or list: <c>|</c>, <c>*</c> and <c>_</c> escaped, backticks replaced.</summary>
    private static string Md(string text) => Code(text).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Text in a code span: backticks replaced, <c>|</c> escaped (tables split on it even there).</summary>
    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
