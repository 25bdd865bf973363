namespace Headroom.Python.Resolution;

/// <summary>Why each package is there, as the shortest chain of requirements from a root requirement.</summary>
internal static class RequirementChains
{
    /// <summary>The shortest chain of requirements from a root requirement to each package (breadth first, ties by name).</summary>
    public static Dictionary<string, IReadOnlyList<RequirementOrigin>> Shortest(Dictionary<string, List<RequirementOrigin>> edges)
    {
        var chains = new Dictionary<string, IReadOnlyList<RequirementOrigin>>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach ((string name, List<RequirementOrigin> list) in edges.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (list.FirstOrDefault(o => o.IsRoot) is { } root)
            {
                chains[name] = [root];
                queue.Enqueue(name);
            }
        }

        while (queue.Count > 0)
        {
            string parent = queue.Dequeue();
            foreach ((string name, List<RequirementOrigin> list) in edges.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (chains.ContainsKey(name) || list.FirstOrDefault(o => o.ParentName == parent) is not { } edge)
                {
                    continue;
                }

                chains[name] = [.. chains[parent], edge];
                queue.Enqueue(name);
            }
        }

        return chains;
    }
}
