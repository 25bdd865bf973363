using Headroom.Text;

namespace Headroom.Diff.Output;

/// <summary>
/// The text of <c>headroom diff</c>: the two sides, the headline (sizes, percent saved, share of the runner's disk),
/// peak build disk and downloads (predictions), categories, what was removed, added and changed, the biggest movers,
/// the layers (images) and the notes.
/// </summary>
public static class DiffTextWriter
{
    public static void Write(TextWriter output, DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        int width = Math.Max(report.Before.Source.Length, report.After.Source.Length);
        WriteSide(output, "before", report.Before, width);
        WriteSide(output, "after ", report.After, width);
        output.WriteLine();
        output.WriteLine(DiffFigures.Headline(report, saved: true));
        if (report.PeakBuild is { } peak)
        {
            output.Write($"peak build disk {DiffFigures.Size(peak.Before, report.Before.Exact)} before, {DiffFigures.Size(peak.After, report.After.Exact)} after ({DiffFigures.Delta(peak.Delta)})");
            if (report.Downloads is { } downloads)
            {
                output.Write($"; downloads {DiffFigures.Size(downloads.Before, report.Before.Exact)} before, {DiffFigures.Size(downloads.After, report.After.Exact)} after ({DiffFigures.Delta(downloads.Delta)})");
            }

            output.WriteLine();
        }

        if (report.Categories.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{"categories",-14}{"before",12}{"after",12}{"change",12}");
            foreach (CategoryChange c in report.Categories)
            {
                output.WriteLine($"  {c.Name,-12}{DiffFigures.Size(c.Before, report.Before.Exact),12}{DiffFigures.Size(c.After, report.After.Exact),12}{DiffFigures.Delta(c.Delta),12}");
            }
        }

        string what = report.Mode == "image" ? "packages" : report.Mode == "prediction" ? "components" : "packages both sides know";
        foreach (string change in new[] { "removed", "added", "changed" })
        {
            List<PackageChange> list = [.. report.Packages.Where(p => p.Change == change)];
            if (list.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"{change} {what} ({list.Count})");
            foreach (PackageChange p in list)
            {
                string bytes = change switch
                {
                    "removed" => DiffFigures.Size(p.BytesBefore, p.Exact),
                    "added" => DiffFigures.Size(p.BytesAfter, p.Exact),
                    _ => $"{DiffFigures.Size(p.BytesBefore, p.Exact),10} → {DiffFigures.Size(p.BytesAfter, p.Exact),-10}",
                };
                output.WriteLine($"  {bytes,12}  {p.Ecosystem,-5} {DiffFigures.Label(p)}");
            }
        }

        if (report.UnchangedPackages > 0)
        {
            output.WriteLine();
            output.WriteLine($"unchanged {what}: {report.UnchangedPackages}");
        }

        if (report.Movers.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("biggest movers");
            foreach (PackageChange p in report.Movers)
            {
                output.WriteLine($"  {DiffFigures.Delta(p.Delta),12}  {p.Ecosystem,-5} {DiffFigures.Label(p)} ({p.Change})");
            }
        }

        if (report.Layers.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("layers (before → after)");
            foreach (LayerChange l in report.Layers)
            {
                string where = $"{(l.BeforeIndex is int b ? "#" + b : "-"),4} → {(l.AfterIndex is int a ? "#" + a : "-"),-4}";
                string bytes = l.Change switch
                {
                    "removed" => ByteSize.Format(l.BytesBefore),
                    "added" => ByteSize.Format(l.BytesAfter),
                    _ when l.Delta == 0 => ByteSize.Format(l.BytesAfter),
                    _ => $"{ByteSize.Format(l.BytesBefore)} → {ByteSize.Format(l.BytesAfter)}",
                };
                output.WriteLine($"  {l.Change,-9} {where} {bytes,12}  {DiffFigures.Command(l.CreatedBy, 80)}");
            }
        }

        if (report.Notes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("notes");
            foreach (string note in report.Notes)
            {
                output.WriteLine($"  - {note}");
            }
        }
    }

    private static void WriteSide(TextWriter output, string label, DiffSide side, int width)
    {
        string range = side.IsPrediction && !side.Exact ? $" ({ByteSize.Format(side.BytesLow)} to {ByteSize.Format(side.BytesHigh)})" : string.Empty;
        output.WriteLine($"{label}  {side.Source.PadRight(width)}  {DiffFigures.Measured(side)}, {side.Platform}: {DiffFigures.Size(side.Bytes, side.Exact)}{range}");
    }
}
