using Headroom.Prediction;

namespace Headroom.Diff;

/// <summary>The parts every kind of diff shares: matching packages, the movers, categories and the budget.</summary>
internal static class DiffParts
{
    private static readonly string[] ChangeOrder = ["removed", "added", "changed"];

    /// <summary>
    /// Matches entries by key (entries with the same key on one side are summed, their versions joined). With
    /// <paramref name="matchedOnly"/>, entries that only one side has are left out (a measured image and a prediction
    /// do not know the same things); otherwise they are <c>removed</c> or <c>added</c>.
    /// </summary>
    public static (List<PackageChange> Changes, int Unchanged) Packages(IEnumerable<DiffEntry> before, IEnumerable<DiffEntry> after, bool matchedOnly = false)
    {
        Dictionary<string, DiffEntry> b = Merge(before);
        Dictionary<string, DiffEntry> a = Merge(after);
        var changes = new List<PackageChange>();
        int unchanged = 0;
        foreach ((string key, DiffEntry old) in b)
        {
            if (a.TryGetValue(key, out DiffEntry now))
            {
                if (old.Version == now.Version && old.Bytes == now.Bytes)
                {
                    unchanged++;
                }
                else
                {
                    changes.Add(new PackageChange(now.Ecosystem, now.Name, "changed", old.Version, now.Version, old.Bytes, now.Bytes, old.Exact && now.Exact));
                }
            }
            else if (!matchedOnly)
            {
                changes.Add(new PackageChange(old.Ecosystem, old.Name, "removed", old.Version, null, old.Bytes, 0, old.Exact));
            }
        }

        if (!matchedOnly)
        {
            foreach ((string key, DiffEntry now) in a)
            {
                if (!b.ContainsKey(key))
                {
                    changes.Add(new PackageChange(now.Ecosystem, now.Name, "added", null, now.Version, 0, now.Bytes, now.Exact));
                }
            }
        }

        changes.Sort((x, y) =>
        {
            int c = Array.IndexOf(ChangeOrder, x.Change).CompareTo(Array.IndexOf(ChangeOrder, y.Change));
            return c != 0 ? c : ByDelta(x, y);
        });
        return (changes, unchanged);
    }

    /// <summary>The <paramref name="top"/> largest changes by |delta|, then ecosystem, then name.</summary>
    public static List<PackageChange> Movers(IEnumerable<PackageChange> changes, int top) =>
        [.. changes.Where(c => c.Delta != 0).Order(Comparer<PackageChange>.Create(ByDelta)).Take(Math.Max(0, top))];

    /// <summary>Every category that holds bytes on either side, by name.</summary>
    public static List<CategoryChange> Categories(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. before.Keys.Union(after.Keys)
            .Select(name => new CategoryChange(name, before.GetValueOrDefault(name), after.GetValueOrDefault(name)))
            .Where(c => c.Before != 0 || c.After != 0)
            .OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>The image's share of the budget before and after (<see cref="Budgets.Resolve"/>: a name or a size, default github-ubuntu-latest).</summary>
    public static BudgetShare Budget(string? budget, long before, long after)
    {
        (string name, long bytes) = Budgets.Resolve(budget);
        return new BudgetShare(name, bytes, Math.Round((double)before / bytes, 4), Math.Round((double)after / bytes, 4));
    }

    /// <summary>The bytes of a prediction's components by image category (see <see cref="CategoryChange"/>).</summary>
    public static Dictionary<string, long> CategoriesOf(ImagePrediction prediction)
    {
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (PredictedComponent c in prediction.Components)
        {
            string? category = c switch
            {
                { Group: PipSizer.CudaGroup } => Images.Categories.Cuda,
                { Kind: "pip", Name: "pip cache" or "uv cache" } => Images.Categories.PipCache,
                { Kind: "apt", Name: "apt lists" } => Images.Categories.AptLists,
                _ => null,
            };
            if (category is not null)
            {
                bytes[category] = bytes.GetValueOrDefault(category) + c.Bytes;
            }
        }

        return bytes;
    }

    private static int ByDelta(PackageChange x, PackageChange y)
    {
        int c = Math.Abs(y.Delta).CompareTo(Math.Abs(x.Delta));
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Ecosystem, y.Ecosystem);
        return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
    }

    private static Dictionary<string, DiffEntry> Merge(IEnumerable<DiffEntry> entries)
    {
        var merged = new Dictionary<string, DiffEntry>(StringComparer.Ordinal);
        foreach (DiffEntry e in entries)
        {
            if (merged.TryGetValue(e.Key, out DiffEntry seen))
            {
                string version = seen.Version == e.Version || e.Version.Length == 0 ? seen.Version
                    : seen.Version.Length == 0 ? e.Version : seen.Version + ", " + e.Version;
                merged[e.Key] = seen with { Version = version, Bytes = seen.Bytes + e.Bytes, Exact = seen.Exact && e.Exact };
            }
            else
            {
                merged[e.Key] = e;
            }
        }

        return merged;
    }
}
