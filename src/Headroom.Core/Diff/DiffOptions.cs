namespace Headroom.Diff;

/// <summary>How a diff is computed and labelled.</summary>
public sealed record DiffOptions
{
    /// <summary>The runner budget (<c>--budget</c>: a name or a size); null for <c>github-ubuntu-latest</c>.</summary>
    public string? Budget { get; init; }

    /// <summary>How many biggest movers to keep.</summary>
    public int Top { get; init; } = 10;

    /// <summary>The name shown for the before side (default: the report's source or the Dockerfile's path).</summary>
    public string? BeforeName { get; init; }

    /// <summary>The name shown for the after side.</summary>
    public string? AfterName { get; init; }
}
