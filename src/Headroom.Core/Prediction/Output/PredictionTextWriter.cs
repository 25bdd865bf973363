using System.Globalization;
using Headroom.Text;

namespace Headroom.Prediction.Output;

/// <summary>
/// The text breakdown of <c>headroom predict</c>: the totals against the budget, the cause (the largest group,
/// such as the CUDA stack), every component largest first with how its size was found (<c>~</c> marks an
/// estimate), what the build holds beyond the image, and the notes.
/// </summary>
public static class PredictionTextWriter
{
    public static void Write(TextWriter output, IEnumerable<ImagePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(predictions);
        bool first = true;
        foreach (ImagePrediction p in predictions)
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            Write(output, p);
        }

        if (first)
        {
            output.WriteLine("no Dockerfile found");
        }
    }

    /// <summary>The figure with <c>~</c> when estimated.</summary>
    public static string Figure(long bytes, bool exact) => (exact ? string.Empty : "~") + ByteSize.Format(bytes);

    private static void Write(TextWriter output, ImagePrediction p)
    {
        string python = p.Python is null ? string.Empty : $", Python {p.Python}";
        string source = p.Offline ? " [embedded knowledge]" : string.Empty;
        output.WriteLine($"{p.Dockerfile} (target {p.Target}, {p.Platform}{python}){source}");
        string range = p.Exact ? string.Empty : $" ({ByteSize.Format(p.ImageBytesLow)} to {ByteSize.Format(p.ImageBytesHigh)})";
        output.WriteLine($"image {Figure(p.ImageBytes, p.Exact)}{range}; peak build disk {Figure(p.PeakBuildBytes, p.Exact)}; downloads {Figure(p.DownloadBytes, p.Exact)}");
        if (p.Budget is { } budget)
        {
            string verdict = budget.UsedFraction > 1 ? "OVER BUDGET" : "within budget";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"budget {budget.Name} {ByteSize.Format(budget.Bytes)}: {budget.UsedFraction * 100:0}% used, {verdict} (this build alone; the CI job's exports and loads come on top)"));
        }

        if (Cause(p) is { } cause)
        {
            output.WriteLine(cause);
        }

        output.WriteLine();
        output.WriteLine("components (largest first; ~ estimated)");
        foreach (PredictedComponent c in p.Components)
        {
            string version = c.Version.Length == 0 ? string.Empty : " " + c.Version;
            output.WriteLine($"  {Figure(c.Bytes, c.Exact),10}  {c.Kind,-4}  line {c.Line,-3}  {c.Name}{version}");
            if (c.How is not null)
            {
                output.WriteLine($"{string.Empty,31}{c.How}");
            }
        }

        if (p.BuildOnly.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("in the build, not in the image");
            foreach (PredictedComponent c in p.BuildOnly)
            {
                output.WriteLine($"  {Figure(c.Bytes, c.Exact),10}  {c.Kind,-4}  line {c.Line,-3}  {c.Name} (stage {c.Stage})");
            }
        }

        if (p.Notes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("notes");
            foreach (string note in p.Notes)
            {
                output.WriteLine($"  - {note}");
            }
        }
    }

    /// <summary>"cause: the CUDA stack, ~4.4 GB of ~6.0 GB (74%): torch 2.3.1, nvidia-*-cu12 and triton (line 17)", or null.</summary>
    public static string? Cause(ImagePrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var groups = prediction.Components.Where(c => c.Group is not null).GroupBy(c => c.Group!).ToList();
        if (groups.Count == 0 || prediction.ImageBytes == 0)
        {
            return null;
        }

        IGrouping<string, PredictedComponent> top = groups.OrderByDescending(g => g.Sum(c => c.Bytes)).First();
        long bytes = top.Sum(c => c.Bytes);
        double share = (double)bytes / prediction.ImageBytes;
        // A resolved stack has a component per wheel: name the largest and count the rest.
        string[] named = [.. top.Select(c => c.Version.Length == 0 || c.Kind == "copy" ? c.Name : $"{c.Name} {c.Version}")];
        string parts = named.Length <= 3 ? string.Join(", ", named) : $"{string.Join(", ", named.Take(2))} and {named.Length - 2} more wheels";
        string lines = string.Join(", ", top.Select(c => c.Line).Distinct());
        return string.Create(CultureInfo.InvariantCulture, $"cause: the {top.Key}, {Figure(bytes, top.All(c => c.Exact))} of {Figure(prediction.ImageBytes, prediction.Exact)} ({share * 100:0}%): {parts} (line {lines})");
    }
}
