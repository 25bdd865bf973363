namespace Headroom.Python.Resolution;

/// <summary>The choices of one resolution, as pip's command line would give them.</summary>
public sealed record ResolverOptions
{
    /// <summary>pip's <c>--pre</c>: pre-releases and development releases are candidates for every requirement.</summary>
    public bool Pre { get; init; }

    /// <summary>
    /// Whether a version that has only a source distribution for the target is a candidate. False is
    /// <c>--only-binary :all:</c>, the default here: a prediction cannot know what building an sdist installs.
    /// </summary>
    public bool AllowSourceDistributions { get; init; }

    /// <summary>
    /// The most pinning rounds before giving up (a round pins one package or backtracks once). pip's
    /// resolver gives up after 200,000; the default here is lower because a prediction should answer fast.
    /// </summary>
    public int MaxRounds { get; init; } = 20_000;

    /// <summary>The most repository calls (file listings, metadata) in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>
    /// Fetch ahead what is likely needed: the listings of newly discovered projects and the metadata of
    /// their best candidates, following the dependencies of what was fetched. Off fetches only on demand.
    /// </summary>
    public bool Prefetch { get; init; } = true;
}
