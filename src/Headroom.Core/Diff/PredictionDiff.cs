using Headroom.Prediction;

namespace Headroom.Diff;

/// <summary>
/// The diff of two predictions (two Dockerfiles, or one at two revisions): image size, components matched by kind and
/// name, the CUDA stack and caches, peak build disk and downloads.
/// </summary>
public static class PredictionDiff
{
    public static DiffReport Compare(ImagePrediction before, ImagePrediction after, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        options ??= new DiffOptions();
        (List<PackageChange> packages, int unchanged) = DiffParts.Packages(EntriesOf(before), EntriesOf(after));
        return new DiffReport
        {
            Mode = "prediction",
            Before = SideOf(before, options.BeforeName),
            After = SideOf(after, options.AfterName),
            Budget = DiffParts.Budget(options.Budget, before.ImageBytes, after.ImageBytes),
            Packages = packages,
            UnchangedPackages = unchanged,
            Categories = DiffParts.Categories(DiffParts.CategoriesOf(before), DiffParts.CategoriesOf(after)),
            Movers = DiffParts.Movers(packages, options.Top),
            PeakBuild = new SizeChange(before.PeakBuildBytes, after.PeakBuildBytes),
            Downloads = new SizeChange(before.DownloadBytes, after.DownloadBytes),
            Notes = [.. before.Notes.Concat(after.Notes).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>A predicted side: the prediction's image bytes and range.</summary>
    internal static DiffSide SideOf(ImagePrediction prediction, string? name) =>
        new(name ?? prediction.Dockerfile, DiffSide.PredictionKind, prediction.Platform, prediction.ImageBytes, prediction.ImageBytesLow, prediction.ImageBytesHigh, prediction.Exact);

    /// <summary>The components that reach the image, keyed by kind and name (pip names PEP 503-normalized).</summary>
    private static IEnumerable<DiffEntry> EntriesOf(ImagePrediction prediction) =>
        prediction.Components.Select(c => new DiffEntry(ImageDiff.KeyOf(c.Kind, c.Name), c.Kind, c.Name, c.Version, c.Bytes, c.Exact));
}
