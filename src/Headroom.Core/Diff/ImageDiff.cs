using Headroom.Images;
using Headroom.Python;

namespace Headroom.Diff;

/// <summary>The diff of two built images (two <see cref="ImageReport"/>s): sizes, layers, packages, categories.</summary>
public static class ImageDiff
{
    public static DiffReport Compare(ImageReport before, ImageReport after, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        options ??= new DiffOptions();
        (List<PackageChange> packages, int unchanged) = DiffParts.Packages(EntriesOf(before), EntriesOf(after));
        return new DiffReport
        {
            Mode = "image",
            Before = SideOf(before, options.BeforeName),
            After = SideOf(after, options.AfterName),
            Budget = DiffParts.Budget(options.Budget, before.Totals.Bytes, after.Totals.Bytes),
            Layers = Layers(before.Layers, after.Layers),
            Packages = packages,
            UnchangedPackages = unchanged,
            Categories = DiffParts.Categories(CategoriesOf(before), CategoriesOf(after)),
            Movers = DiffParts.Movers(packages, options.Top),
        };
    }

    /// <summary>A measured side: the image's <c>totals.bytes</c>, exact.</summary>
    internal static DiffSide SideOf(ImageReport report, string? name) =>
        new(name ?? report.Source, DiffSide.ImageKind, report.Platform, report.Totals.Bytes, report.Totals.Bytes, report.Totals.Bytes, true);

    /// <summary>The image's packages keyed by ecosystem and name (pip names PEP 503-normalized).</summary>
    internal static IEnumerable<DiffEntry> EntriesOf(ImageReport report) =>
        report.Packages.Select(p => new DiffEntry(KeyOf(p.Ecosystem, p.Name), p.Ecosystem, p.Name, p.Version, p.Bytes, true));

    internal static string KeyOf(string ecosystem, string name) =>
        ecosystem + "/" + (ecosystem == "pip" ? PackageName.Normalize(name) : name);

    internal static Dictionary<string, long> CategoriesOf(ImageReport report) =>
        report.Categories.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Bytes), StringComparer.Ordinal);

    /// <summary>
    /// Matches layers by digest, then the rest by identical <c>createdBy</c> (each in order); the before image's layers
    /// in order, then the added ones in order.
    /// </summary>
    internal static List<LayerChange> Layers(IReadOnlyList<LayerReport> before, IReadOnlyList<LayerReport> after)
    {
        var match = new int?[before.Count];
        var taken = new bool[after.Count];
        Pair(before, after, match, taken, l => l.Digest);
        Pair(before, after, match, taken, l => string.IsNullOrWhiteSpace(l.CreatedBy) ? null : l.CreatedBy);

        var changes = new List<LayerChange>(before.Count + after.Count);
        for (int i = 0; i < before.Count; i++)
        {
            LayerReport old = before[i];
            if (match[i] is int j)
            {
                LayerReport now = after[j];
                string change = old.Digest == now.Digest ? "unchanged" : "changed";
                changes.Add(new LayerChange(change, old.Index, now.Index, now.Digest, now.CreatedBy ?? old.CreatedBy, old.Bytes, now.Bytes));
            }
            else
            {
                changes.Add(new LayerChange("removed", old.Index, null, old.Digest, old.CreatedBy, old.Bytes, 0));
            }
        }

        for (int j = 0; j < after.Count; j++)
        {
            if (!taken[j])
            {
                LayerReport now = after[j];
                changes.Add(new LayerChange("added", null, now.Index, now.Digest, now.CreatedBy, 0, now.Bytes));
            }
        }

        return changes;
    }

    private static void Pair(IReadOnlyList<LayerReport> before, IReadOnlyList<LayerReport> after, int?[] match, bool[] taken, Func<LayerReport, string?> key)
    {
        var free = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (int j = 0; j < after.Count; j++)
        {
            if (!taken[j] && key(after[j]) is { } k)
            {
                if (!free.TryGetValue(k, out Queue<int>? queue))
                {
                    free[k] = queue = new Queue<int>();
                }

                queue.Enqueue(j);
            }
        }

        for (int i = 0; i < before.Count; i++)
        {
            if (match[i] is null && key(before[i]) is { } k && free.TryGetValue(k, out Queue<int>? queue) && queue.TryDequeue(out int j))
            {
                match[i] = j;
                taken[j] = true;
            }
        }
    }
}
