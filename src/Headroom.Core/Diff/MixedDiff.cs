using Headroom.Images;
using Headroom.Prediction;
using Headroom.Python;

namespace Headroom.Diff;

/// <summary>
/// The diff of a built image and a prediction (either way round): the totals, the categories, and only the packages
/// both know (pip packages by name; a predicted apt, apk or npm install of one package against the image's dpkg, apk
/// or npm package). A prediction does not list its base image's packages nor, offline, the dependencies pip resolves,
/// so what only one side has is not reported as removed or added.
/// </summary>
public static class MixedDiff
{
    /// <summary>A built image before, a prediction after.</summary>
    public static DiffReport Compare(ImageReport before, ImagePrediction after, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        options ??= new DiffOptions();
        DiffSide b = ImageDiff.SideOf(before, options.BeforeName);
        DiffSide a = PredictionDiff.SideOf(after, options.AfterName);
        return Build(b, a, ImageDiff.EntriesOf(before), PredictedEntries(after), ImageDiff.CategoriesOf(before), DiffParts.CategoriesOf(after), options, after.Notes);
    }

    /// <summary>A prediction before, a built image after.</summary>
    public static DiffReport Compare(ImagePrediction before, ImageReport after, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        options ??= new DiffOptions();
        DiffSide b = PredictionDiff.SideOf(before, options.BeforeName);
        DiffSide a = ImageDiff.SideOf(after, options.AfterName);
        return Build(b, a, PredictedEntries(before), ImageDiff.EntriesOf(after), DiffParts.CategoriesOf(before), ImageDiff.CategoriesOf(after), options, before.Notes);
    }

    private static DiffReport Build(
        DiffSide before,
        DiffSide after,
        IEnumerable<DiffEntry> beforeEntries,
        IEnumerable<DiffEntry> afterEntries,
        Dictionary<string, long> beforeCategories,
        Dictionary<string, long> afterCategories,
        DiffOptions options,
        IReadOnlyList<string> predictionNotes)
    {
        (List<PackageChange> packages, int unchanged) = DiffParts.Packages(beforeEntries, afterEntries, matchedOnly: true);
        DiffSide image = before.IsPrediction ? after : before;
        DiffSide predicted = before.IsPrediction ? before : after;
        string[] notes =
        [
            $"{image.Source} is measured (a built image); {predicted.Source} is predicted from its Dockerfile (~ marks estimates)",
            "only the packages both sides know are compared (pip by name, one-package apt/apk/npm installs); a prediction lists neither its base image's packages nor unresolved dependencies",
            .. predictionNotes,
        ];
        return new DiffReport
        {
            Mode = "mixed",
            Before = before,
            After = after,
            Budget = DiffParts.Budget(options.Budget, before.Bytes, after.Bytes),
            Packages = packages,
            UnchangedPackages = unchanged,
            Categories = DiffParts.Categories(beforeCategories, afterCategories),
            Movers = DiffParts.Movers(packages, options.Top),
            Notes = notes,
        };
    }

    /// <summary>The components an image would list as a package: the ecosystem the image reports them under.</summary>
    private static IEnumerable<DiffEntry> PredictedEntries(ImagePrediction prediction)
    {
        foreach (PredictedComponent c in prediction.Components)
        {
            string? ecosystem = c.Kind switch
            {
                "pip" when c.Name is not ("pip cache" or "uv cache") => "pip",
                "apt" => "dpkg",
                "apk" => "apk",
                "npm" => "npm",
                _ => null,
            };
            if (ecosystem is null || c.Name.Contains(' ', StringComparison.Ordinal) || c.Name.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            string name = ecosystem == "pip" ? PackageName.Normalize(c.Name) : c.Name;
            yield return new DiffEntry(ImageDiff.KeyOf(ecosystem, name), ecosystem, name, c.Version, c.Bytes, c.Exact);
        }
    }
}
