using System.Globalization;
using Headroom.Text;

namespace Headroom.Diff.Output;

/// <summary>How the diff writers say sizes, changes and shares (<c>~</c> marks a figure a prediction estimated).</summary>
public static class DiffFigures
{
    /// <summary><c>1.52 GB</c>, or <c>~1.52 GB</c> when estimated.</summary>
    public static string Size(long bytes, bool exact) => (exact || bytes == 0 ? string.Empty : "~") + ByteSize.Format(bytes);

    /// <summary><c>+1.2 GB</c>, <c>-6.24 GB</c>, <c>0 B</c> (the before and after figures carry the <c>~</c> of an estimate).</summary>
    public static string Delta(long delta) => (delta > 0 ? "+" : string.Empty) + ByteSize.Format(delta);

    /// <summary>The change of a share in percentage points, from the rounded percentages shown: <c>-44 points</c>.</summary>
    public static string Points(double before, double after)
    {
        long points = (long)Math.Round(after * 100) - (long)Math.Round(before * 100);
        return (points > 0 ? "+" : string.Empty) + points.ToString(CultureInfo.InvariantCulture) + " points";
    }

    /// <summary><c>55%</c> (a fraction, rounded to a whole percent).</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary><c>80% smaller</c>, <c>12% larger</c>, or <c>the same size</c>.</summary>
    public static string Verdict(SizeChange size)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (size.Delta == 0)
        {
            return "the same size";
        }

        if (size.Before == 0)
        {
            return "larger";
        }

        return size.SavedFraction >= 0 ? Percent(size.SavedFraction) + " smaller" : Percent(-size.SavedFraction) + " larger";
    }

    /// <summary><c>before ~7.76 GB, after ~1.52 GB, 80% smaller; 55% of the runner's disk before, 11% after</c>;
    /// with <paramref name="saved"/>, the bytes saved (or added) after the percentage.</summary>
    public static string Headline(DiffReport report, bool saved = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        BudgetShare budget = report.Budget;
        SizeChange size = report.Size;
        bool exact = report.Before.Exact && report.After.Exact;
        string bytes = !saved || size.Delta == 0 ? string.Empty
            : size.Delta < 0 ? $" ({Size(size.SavedBytes, exact)} saved)" : $" ({Size(size.Delta, exact)} more)";
        return $"before {Size(report.Before.Bytes, report.Before.Exact)}, after {Size(report.After.Bytes, report.After.Exact)}, {Verdict(size)}{bytes}; "
            + $"{Percent(budget.Before)} of the runner's disk before, {Percent(budget.After)} after ({budget.Name}, {ByteSize.Format(budget.Bytes)})";
    }

    /// <summary>A package's name with its version (<c>torch 2.3.1 → 2.3.1+cpu</c> when it changed).</summary>
    public static string Label(PackageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        string? before = string.IsNullOrEmpty(change.VersionBefore) ? null : change.VersionBefore;
        string? after = string.IsNullOrEmpty(change.VersionAfter) ? null : change.VersionAfter;
        string name = change.Ecosystem == "copy" ? "COPY " + change.Name : change.Name;
        return (before, after) switch
        {
            (null, null) => name,
            (null, _) => $"{name} {after}",
            (_, null) => $"{name} {before}",
            _ when before == after => $"{name} {after}",
            _ => $"{name} {before} → {after}",
        };
    }

    /// <summary>A side's kind as said to a reader: <c>measured</c> or <c>predicted</c>.</summary>
    public static string Measured(DiffSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return side.IsPrediction ? "predicted" : "measured";
    }

    /// <summary>A layer's command on one line, cut at <paramref name="max"/> characters (<c>-</c> when unknown).</summary>
    public static string Command(string? createdBy, int max)
    {
        if (string.IsNullOrWhiteSpace(createdBy))
        {
            return "-";
        }

        string line = string.Join(' ', createdBy.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= max ? line : line[..max] + "…";
    }
}
