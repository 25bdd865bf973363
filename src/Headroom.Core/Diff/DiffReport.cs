namespace Headroom.Diff;

/// <summary>
/// The impact of a change (<c>headroom diff BEFORE AFTER</c>): two images, two predictions, or one of each
/// (<see cref="Mode"/>). docs/diff.md describes the JSON document and the order of every list.
/// </summary>
public sealed record DiffReport
{
    /// <summary><c>image</c> (two built images), <c>prediction</c> (two Dockerfiles) or <c>mixed</c> (one of each).</summary>
    public required string Mode { get; init; }

    public required DiffSide Before { get; init; }

    public required DiffSide After { get; init; }

    /// <summary>The image's share of the runner budget before and after.</summary>
    public required BudgetShare Budget { get; init; }

    /// <summary>Every layer of both images (two images only, else empty): the before image's layers in order, then the added ones in order.</summary>
    public IReadOnlyList<LayerChange> Layers { get; init; } = [];

    /// <summary>What was removed, added or changed: removed first, then added, then changed; each by |delta| (largest first), then ecosystem, then name.</summary>
    public required IReadOnlyList<PackageChange> Packages { get; init; }

    /// <summary>How many packages (or components) both sides have with the same version and bytes.</summary>
    public int UnchangedPackages { get; init; }

    /// <summary>Categories that hold bytes on either side, by name.</summary>
    public required IReadOnlyList<CategoryChange> Categories { get; init; }

    /// <summary>The largest changes of <see cref="Packages"/>: by |delta| (largest first), then ecosystem, then name; at most <see cref="DiffOptions.Top"/>.</summary>
    public required IReadOnlyList<PackageChange> Movers { get; init; }

    /// <summary>The builder's peak disk before and after (two predictions only).</summary>
    public SizeChange? PeakBuild { get; init; }

    /// <summary>Bytes downloaded by the build before and after (two predictions only).</summary>
    public SizeChange? Downloads { get; init; }

    /// <summary>What to know about the comparison (what is measured and what predicted, which figures are estimates).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The image's size before and after.</summary>
    public SizeChange Size => new(Before.Bytes, After.Bytes);
}
