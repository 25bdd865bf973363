namespace Headroom.Python;

/// <summary>Ranks wheel files for a target the way pip's candidate evaluator does.</summary>
public static class WheelSelector
{
    /// <summary>
    /// The index of the best tag of <paramref name="wheel"/> in <paramref name="tags"/> (0 is the most
    /// preferred), or null when the wheel does not install on the target.
    /// </summary>
    public static int? SupportIndex(WheelFilename wheel, IReadOnlyList<WheelTag> tags)
    {
        ArgumentNullException.ThrowIfNull(wheel);
        ArgumentNullException.ThrowIfNull(tags);
        var set = wheel.Tags.ToHashSet();
        for (int i = 0; i < tags.Count; i++)
        {
            if (set.Contains(tags[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The wheel pip would install among <paramref name="wheels"/> for the target: only wheels whose tags
    /// the target supports count; then the highest version wins (a local version such as <c>+cpu</c> is
    /// higher than its public version), then the most preferred tag, then the highest build tag.
    /// Null when no wheel fits (the PY001 case).
    /// </summary>
    public static WheelFilename? ChooseBest(IEnumerable<WheelFilename> wheels, IReadOnlyList<WheelTag> tags)
    {
        ArgumentNullException.ThrowIfNull(wheels);
        return wheels
            .Select(w => (Wheel: w, Index: SupportIndex(w, tags)))
            .Where(x => x.Index is not null)
            .OrderByDescending(x => x.Wheel.Version)
            .ThenBy(x => x.Index)
            .ThenByDescending(x => x.Wheel.BuildKey.Number)
            .ThenByDescending(x => x.Wheel.BuildKey.Suffix, StringComparer.Ordinal)
            .Select(x => x.Wheel)
            .FirstOrDefault();
    }

    /// <summary>The wheels that install on the target, best first, by tag preference only (for one version).</summary>
    public static IReadOnlyList<WheelFilename> Compatible(IEnumerable<WheelFilename> wheels, IReadOnlyList<WheelTag> tags)
    {
        ArgumentNullException.ThrowIfNull(wheels);
        return [.. wheels
            .Select(w => (Wheel: w, Index: SupportIndex(w, tags)))
            .Where(x => x.Index is not null)
            .OrderBy(x => x.Index)
            .Select(x => x.Wheel)];
    }
}
