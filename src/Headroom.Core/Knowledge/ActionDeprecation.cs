using Headroom.Workflows;

namespace Headroom.Knowledge;

/// <summary>
/// A dated deprecation or shutdown. <see cref="Action"/> and <see cref="Versions"/> select service rows,
/// <see cref="Runtime"/> selects runtime rows, <see cref="RunnerLabel"/> selects label rows.
/// <see cref="Date"/> is when it breaks (or broke); <see cref="SourceUrl"/> says where that is stated.
/// </summary>
public sealed record ActionDeprecation
{
    public required string Id { get; init; }

    public required ActionDeprecationKind Kind { get; init; }

    /// <summary>"owner/repo" in lower case, for service rows.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ActionVersionRange> Versions { get; init; } = [];

    public ActionRuntime? Runtime { get; init; }

    public string? RunnerLabel { get; init; }

    /// <summary>When it was announced; null when the reference gives no date.</summary>
    public DateOnly? Announced { get; init; }

    /// <summary>When it fails (or starts to be forced/removed).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>True when jobs fail from <see cref="Date"/> on; false when it is a warning or a forced upgrade that usually still works.</summary>
    public required bool Breaks { get; init; }

    public required string Summary { get; init; }

    /// <summary>The error text a failing run prints, "{action}" and "{ref}" standing for the uses: parts; null when none is documented.</summary>
    public string? ErrorTemplate { get; init; }

    public required string Fix { get; init; }

    /// <summary>For a runner label: the label that <c>headroom fix</c> writes instead (the closest supported image), or null.</summary>
    public string? Replacement { get; init; }

    public required string SourceUrl { get; init; }

    /// <summary>The error text for a concrete reference, or null.</summary>
    public string? ErrorFor(ActionReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return ErrorTemplate?.Replace("{action}", $"{reference.Owner}/{reference.Repo}", StringComparison.Ordinal)
            .Replace("{ref}", reference.Ref ?? string.Empty, StringComparison.Ordinal);
    }
}
