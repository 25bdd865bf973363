using Headroom.Yaml;

namespace Headroom.Workflows;

internal static class MatrixExpander
{
    public static Matrix Read(YamlNode node)
    {
        if (node is not YamlMapping map)
        {
            return new Matrix(node, [], [], [], [], isExpression: true, hasUnknownParts: true, truncated: false);
        }

        bool unknown = false;
        var dimensions = new List<MatrixDimension>();
        var include = new List<YamlMapping>();
        var exclude = new List<YamlMapping>();
        foreach (YamlMappingEntry entry in map.Entries)
        {
            if (entry.Key is not YamlScalar key)
            {
                continue;
            }

            switch (key.Value)
            {
                case "include":
                    unknown |= CollectObjects(entry.Value, include);
                    break;
                case "exclude":
                    unknown |= CollectObjects(entry.Value, exclude);
                    break;
                default:
                    var values = entry.Value is YamlSequence seq
                        ? seq.Items.Select(i => new MatrixValue(i)).ToList()
                        : [new MatrixValue(entry.Value)];
                    unknown |= values.Any(v => v.IsExpression);
                    dimensions.Add(new MatrixDimension(key.Value, key, values));
                    break;
            }
        }

        bool truncated = false;
        var combinations = Product(dimensions, ref truncated);
        combinations.RemoveAll(c => exclude.Any(e => Matches(c, e)));
        ApplyInclude(combinations, dimensions, include, ref truncated);
        return new Matrix(node, dimensions, include, exclude, combinations, isExpression: false, unknown, truncated);
    }

    /// <summary>Adds the mappings of a sequence to the list; true when something was an expression.</summary>
    private static bool CollectObjects(YamlNode node, List<YamlMapping> into)
    {
        if (node is not YamlSequence seq)
        {
            return true;
        }

        bool unknown = false;
        foreach (YamlNode item in seq.Items)
        {
            if (item is YamlMapping m)
            {
                into.Add(m);
            }
            else
            {
                unknown = true;
            }
        }

        return unknown;
    }

    private static List<MatrixCombination> Product(List<MatrixDimension> dimensions, ref bool truncated)
    {
        var result = new List<MatrixCombination>();
        if (dimensions.Count == 0 || dimensions.Any(d => d.Values.Count == 0))
        {
            return result;
        }

        var indexes = new int[dimensions.Count];
        while (true)
        {
            if (result.Count == Matrix.MaxCombinations)
            {
                truncated = true;
                return result;
            }

            result.Add(new MatrixCombination(dimensions.Select((d, i) => new KeyValuePair<string, MatrixValue>(d.Name, d.Values[indexes[i]])), fromInclude: false));
            int k = dimensions.Count - 1;
            while (k >= 0 && ++indexes[k] == dimensions[k].Values.Count)
            {
                indexes[k] = 0;
                k--;
            }

            if (k < 0)
            {
                return result;
            }
        }
    }

    /// <summary>An exclude entry removes a combination when every one of its keys matches.</summary>
    private static bool Matches(MatrixCombination combination, YamlMapping filter) =>
        filter.Entries.All(e => e.KeyText is { } key
            && combination.TryGet(key, out MatrixValue? value)
            && value.SameAs(new MatrixValue(e.Value)));

    private static void ApplyInclude(List<MatrixCombination> combinations, List<MatrixDimension> dimensions, List<YamlMapping> include, ref bool truncated)
    {
        var original = new HashSet<string>(dimensions.Select(d => d.Name), StringComparer.Ordinal);
        int originalCount = combinations.Count;
        foreach (YamlMapping entry in include)
        {
            var pairs = entry.Entries.Where(e => e.KeyText is not null).Select(e => (Key: e.KeyText!, Value: new MatrixValue(e.Value))).ToList();
            bool added = false;
            for (int i = 0; i < originalCount; i++)
            {
                MatrixCombination combination = combinations[i];
                bool fits = pairs.All(p => !original.Contains(p.Key)
                    || (combination.TryGet(p.Key, out MatrixValue? existing) && existing.SameAs(p.Value)));
                if (!fits)
                {
                    continue;
                }

                foreach (var (key, value) in pairs)
                {
                    if (!original.Contains(key))
                    {
                        combination.Set(key, value);
                    }
                }

                added = true;
            }

            if (!added)
            {
                if (combinations.Count == Matrix.MaxCombinations)
                {
                    truncated = true;
                    return;
                }

                combinations.Add(new MatrixCombination(pairs.Select(p => new KeyValuePair<string, MatrixValue>(p.Key, p.Value)), fromInclude: true));
            }
        }
    }
}
