namespace Headroom.Python.Resolution;

/// <summary>How <see cref="UvResolver"/> runs <c>uv pip compile</c>.</summary>
public sealed record UvResolverOptions
{
    /// <summary><c>--index-url</c> (uv's default index); null for PyPI.</summary>
    public string? IndexUrl { get; init; }

    /// <summary><c>--extra-index-url</c>, in order.</summary>
    public IReadOnlyList<string> ExtraIndexUrls { get; init; } = [];

    /// <summary><c>--find-links</c> locations.</summary>
    public IReadOnlyList<string> FindLinks { get; init; } = [];

    /// <summary><c>--no-index</c>.</summary>
    public bool NoIndex { get; init; }

    /// <summary>
    /// <c>--index-strategy</c>: <c>first-index</c> (uv's default: a project comes from the first index that
    /// has it) or <c>unsafe-best-match</c> (pip's behaviour: the best version across all indexes).
    /// </summary>
    public string IndexStrategy { get; init; } = "first-index";

    /// <summary><c>--prerelease allow</c> (pip's <c>--pre</c>).</summary>
    public bool Pre { get; init; }

    /// <summary>Without it, <c>--only-binary :all:</c> is passed, as the built-in resolver does by default.</summary>
    public bool AllowSourceDistributions { get; init; }

    /// <summary>How long uv may take before it is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}
