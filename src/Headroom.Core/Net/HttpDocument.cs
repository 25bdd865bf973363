namespace Headroom.Net;

/// <summary>A document fetched by <see cref="HttpFetcher.GetAsync"/>.</summary>
/// <param name="Url">The URL that answered (after redirects, credentials removed): relative links resolve against it.</param>
/// <param name="Body">The whole body, decompressed.</param>
/// <param name="ContentType">The media type of the answer, or null.</param>
/// <param name="FromCache">The body came from the disk cache (fresh, revalidated with a 304, or stale).</param>
/// <param name="StaleReason">
/// Set when the network failed and a cached copy was used instead: the one-line failure, for the caller
/// to report (<c>index https://…: HTTP 500 after 3 tries</c>).
/// </param>
public sealed record HttpDocument(Uri Url, byte[] Body, string? ContentType, bool FromCache, string? StaleReason)
{
    /// <summary>The network failed and this is an older cached copy.</summary>
    public bool IsStale => StaleReason is not null;
}
