namespace Headroom.Net;

/// <summary>Settings of an <see cref="HttpFetcher"/>. The defaults suit a CLI run against public indexes.</summary>
public sealed class HttpFetchOptions
{
    /// <summary>
    /// The folder of the disk cache; default <see cref="HttpDiskCache.DefaultDirectory"/>
    /// (<c>$XDG_CACHE_HOME/headroom/http</c> or <c>~/.cache/headroom/http</c>). Null: no disk cache.
    /// </summary>
    public string? CacheDirectory { get; init; } = HttpDiskCache.DefaultDirectory();

    /// <summary>Only the disk cache is read (<c>--offline</c>): a document that is not cached is an error.</summary>
    public bool Offline { get; init; }

    /// <summary>
    /// How long a cached answer is used without asking the server when the server gave no longer
    /// <c>Cache-Control: max-age</c>. The default is PyPI's own <c>max-age=600</c> for its simple pages
    /// (so a warm prediction asks nothing); indexes that send no <c>Cache-Control</c>, such as static S3
    /// pages, get the same. Zero: revalidate every time (with <c>If-None-Match</c>/<c>If-Modified-Since</c>).
    /// </summary>
    public TimeSpan MinFreshness { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many requests may be in flight at once. 16: a resolution asks for dozens of pages and metadata files at a
    /// time, each mostly waiting on the network (uv allows 50 concurrent downloads by default).
    /// </summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>How long one attempt may take: connect, headers and (for documents and ranges) the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on 429, 5xx, connection failures, broken bodies and timeouts (not when the host name does not resolve).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first retry's delay; each next one doubles, with ±50% jitter. A <c>Retry-After</c> header wins. Both are capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest document (index page, metadata file, range) accepted into memory.</summary>
    public long MaxBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The <c>.netrc</c> file; default <c>$NETRC</c>, else <c>~/.netrc</c>. Null or missing: no netrc credentials.</summary>
    public string? NetrcPath { get; init; } = Netrc.DefaultPath();

    public string UserAgent { get; init; } = "headroom";
}
