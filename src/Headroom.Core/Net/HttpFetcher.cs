using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Headroom.Diagnostics;

namespace Headroom.Net;

/// <summary>A document and what it was parsed into.</summary>
public sealed record Fetched<T>(T Value, HttpDocument Document);

/// <summary>
/// HTTP for the package index clients (and the apt index client): one <see cref="HttpClient"/> over a
/// <see cref="SocketsHttpHandler"/> (proxies from <c>HTTP_PROXY</c>/<c>HTTPS_PROXY</c>/<c>NO_PROXY</c> through
/// <see cref="HttpClient.DefaultProxy"/>, gzip/deflate/brotli decompression, redirects followed without the
/// <c>Authorization</c> header), a disk cache revalidated with <c>If-None-Match</c>/<c>If-Modified-Since</c>,
/// at most <see cref="HttpFetchOptions.MaxConcurrency"/> requests in flight, retries with exponential backoff
/// and jitter on 429, 5xx, transport errors and timeouts (honouring <c>Retry-After</c>), and credentials from
/// <c>https://user:pass@host/</c> URLs (remembered for that host) and <c>.netrc</c>. Credentials never appear
/// in messages or cache keys. A failure is an <see cref="InputException"/> whose one line names the URL
/// (<c>index https://host/simple/torch/: HTTP 500 after 3 tries</c>), unless a cached copy exists: then that
/// copy is returned with <see cref="HttpDocument.StaleReason"/> set. Safe to use from several threads.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly Netrc _netrc;
    private readonly ConcurrentDictionary<string, HttpCredential> _hostCredentials = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<DateTimeOffset> _clock;
    private int _requests;

    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="handler">The HTTP handler (tests pass a fake); null for a <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="clock">The time (tests move it); null for the system clock.</param>
    public HttpFetcher(HttpFetchOptions? options = null, HttpMessageHandler? handler = null, Func<DateTimeOffset>? clock = null)
    {
        Options = options ?? new HttpFetchOptions();
        handler ??= new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = true,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = Options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, Options.MaxConcurrency),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(Options.UserAgent);
        _slots = new SemaphoreSlim(Math.Max(1, Options.MaxConcurrency));
        _netrc = Netrc.Load(Options.NetrcPath);
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        Cache = Options.CacheDirectory is { Length: > 0 } dir ? new HttpDiskCache(dir) : null;
    }

    public HttpFetchOptions Options { get; }

    /// <summary>The disk cache, or null when caching is off.</summary>
    public HttpDiskCache? Cache { get; }

    /// <summary>How many HTTP requests were sent (retries included), for reports and tests.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }

    /// <summary>The URL as text without its user information (for messages, logs and cache keys).</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.UserInfo.Length == 0)
        {
            return url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
        }

        return new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;
    }

    /// <summary>
    /// Takes the credentials out of <paramref name="url"/> (<c>https://user:pass@host/</c>), remembers them
    /// for its host (pip sends an index's credentials to file URLs on the same host too) and returns the clean URL.
    /// </summary>
    public Uri UseCredentialsOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.UserInfo.Length == 0)
        {
            return url;
        }

        string[] parts = url.UserInfo.Split(':', 2);
        _hostCredentials[url.Authority] = new HttpCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        return new Uri(Redact(url));
    }

    /// <summary>
    /// GETs a document through the cache and parses it. <paramref name="parse"/> throws
    /// <see cref="InputException"/> for a body it cannot use (truncated JSON, broken HTML): such a body is not
    /// cached, and an older cached copy is used instead when there is one. Returns null when the server says
    /// the document does not exist (404, 410, or 403 to an anonymous request, as S3-backed indexes answer).
    /// </summary>
    /// <param name="what">The subject of messages: <c>index</c>, <c>metadata</c>, <c>wheel</c>.</param>
    public async Task<Fetched<T>?> GetAsync<T>(Uri url, string? accept, string what, Func<HttpDocument, T> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        url = UseCredentialsOf(url);
        string key = HttpDiskCache.KeyOf(url, accept);
        HttpCacheEntry? cached = Cache?.Read(key);
        string subject = $"{what} {Redact(url)}";
        if (Options.Offline)
        {
            return cached is null
                ? throw new InputException($"{subject}: not in the cache ({Cache?.Directory ?? "no cache folder"}) and the network is off (--offline)")
                : cached.IsNotFound ? null : Parse(parse, FromEntry(cached, null), subject);
        }

        if (cached is not null && cached.IsFresh(_clock(), Options.MinFreshness))
        {
            if (cached.IsNotFound)
            {
                return null;
            }

            try
            {
                return Parse(parse, FromEntry(cached, null), subject);
            }
            catch (InputException)
            {
                cached = null;
            }
        }

        if (cached is { IsNotFound: true })
        {
            cached = null;
        }

        Exchange exchange;
        try
        {
            exchange = await ExchangeAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (accept is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Accept", accept);
                    }

                    if (cached?.ETag is string etag)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    }

                    if (cached?.LastModified is string modified)
                    {
                        request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
                    }

                    return request;
                },
                subject,
                response => response.StatusCode == HttpStatusCode.OK ? BodyPolicy.Read : BodyPolicy.Skip,
                cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e) when (cached is not null)
        {
            return Parse(parse, FromEntry(cached, e.Message), subject);
        }

        if (exchange.Status == HttpStatusCode.NotModified && cached is not null)
        {
            HttpCacheEntry renewed = cached with { StoredAt = _clock(), MaxAge = exchange.MaxAge ?? cached.MaxAge };
            Cache?.Write(key, renewed);
            return Parse(parse, FromEntry(renewed, null), subject);
        }

        if (exchange.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone || (exchange.Status == HttpStatusCode.Forbidden && !exchange.SentCredentials))
        {
            // Remembered, so that an offline or fresh run knows the index lacks it without asking.
            Cache?.Write(key, new HttpCacheEntry(Redact(exchange.FinalUrl), HttpCacheEntry.NotFoundType, null, null, _clock(), exchange.MaxAge, []));
            return null;
        }

        if (exchange.Status != HttpStatusCode.OK)
        {
            InputException failure = new($"{subject}: {Describe(exchange)}");
            return cached is null ? throw failure : Parse(parse, FromEntry(cached, failure.Message), subject);
        }

        var document = new HttpDocument(exchange.FinalUrl, exchange.Body!, exchange.ContentType, false, null);
        T value;
        try
        {
            value = parse(document);
        }
        catch (InputException e) when (cached is not null)
        {
            return Parse(parse, FromEntry(cached, e.Message), subject);
        }

        Cache?.Write(key, new HttpCacheEntry(Redact(exchange.FinalUrl), exchange.ContentType, exchange.ETag, exchange.LastModified, _clock(), exchange.MaxAge, exchange.Body!));
        return new Fetched<T>(value, document);
    }

    /// <summary>The file's length from a HEAD request's <c>Content-Length</c>; null when the server does not say or does not allow HEAD.</summary>
    public async Task<long?> GetLengthAsync(Uri url, string what, CancellationToken cancellationToken)
    {
        url = UseCredentialsOf(url);
        string subject = $"{what} {Redact(url)}";
        Exchange exchange = await ExchangeAsync(() => new HttpRequestMessage(HttpMethod.Head, url), subject, _ => BodyPolicy.Skip, cancellationToken).ConfigureAwait(false);
        if (exchange.Status == HttpStatusCode.OK)
        {
            return exchange.ContentLength;
        }

        return exchange.Status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented
            ? null
            : throw new InputException($"{subject}: {Describe(exchange)}");
    }

    /// <summary>
    /// Reads bytes <paramref name="first"/> to <paramref name="last"/> (inclusive: an absolute range, never a
    /// suffix range, which PyPI's CDN refuses). A server that ignores <c>Range</c> and sends the whole file
    /// (200) is read to the end only when the file has at most <paramref name="maxWholeFile"/> bytes; otherwise
    /// the answer is dropped and the result is null.
    /// </summary>
    public async Task<HttpRange?> GetRangeAsync(Uri url, long first, long last, long maxWholeFile, string what, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        url = UseCredentialsOf(url);
        string subject = $"{what} {Redact(url)}";
        Exchange exchange = await ExchangeAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Range = new RangeHeaderValue(first, last);
                return request;
            },
            subject,
            response => response.StatusCode switch
            {
                HttpStatusCode.PartialContent => BodyPolicy.Read,
                HttpStatusCode.OK when response.Content.Headers.ContentLength is long n && n <= maxWholeFile => BodyPolicy.Read,
                HttpStatusCode.OK when response.Content.Headers.ContentLength is null => BodyPolicy.ReadUpTo(maxWholeFile),
                _ => BodyPolicy.Skip,
            },
            cancellationToken).ConfigureAwait(false);

        switch (exchange.Status)
        {
            case HttpStatusCode.PartialContent:
                ContentRangeHeaderValue? range = exchange.ContentRange;
                long offset = range?.From ?? first;
                if (offset != first || exchange.Body!.Length == 0)
                {
                    throw new InputException($"{subject}: asked for bytes {first}-{last}, the server sent {range?.ToString() ?? "no Content-Range"}");
                }

                return new HttpRange(offset, exchange.Body!, range?.Length, false);
            case HttpStatusCode.OK:
                return exchange.Body is byte[] whole ? new HttpRange(0, whole, whole.Length, true) : null;
            default:
                throw new InputException($"{subject}: {Describe(exchange)} for bytes {first}-{last}");
        }
    }

    private static Fetched<T> Parse<T>(Func<HttpDocument, T> parse, HttpDocument document, string subject)
    {
        try
        {
            return new Fetched<T>(parse(document), document);
        }
        catch (InputException e) when (document.StaleReason is not null)
        {
            throw new InputException($"{document.StaleReason}; the cached copy is unusable too: {e.Message}", e);
        }
        catch (InputException e) when (!e.Message.StartsWith(subject, StringComparison.Ordinal))
        {
            throw new InputException($"{subject} (cached): {e.Message}", e);
        }
    }

    private static HttpDocument FromEntry(HttpCacheEntry entry, string? staleReason) =>
        new(new Uri(entry.Url), entry.Body, entry.ContentType, true, staleReason);

    private HttpCredential? CredentialFor(Uri url) =>
        _hostCredentials.TryGetValue(url.Authority, out HttpCredential? known) ? known : _netrc.Find(url.Host);

    /// <summary>Sends one request with retries; reads the body as <paramref name="bodyPolicy"/> says, inside the per-attempt timeout.</summary>
    private async Task<Exchange> ExchangeAsync(Func<HttpRequestMessage> makeRequest, string subject, Func<HttpResponseMessage, BodyPolicy> bodyPolicy, CancellationToken cancellationToken)
    {
        if (Options.Offline)
        {
            throw new InputException($"{subject}: the network is off (--offline)");
        }

        int tries = Options.MaxRetries + 1;
        for (int attempt = 1; ; attempt++)
        {
            bool last = attempt >= tries;
            string? transient;
            RetryConditionHeaderValue? retryAfter = null;
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using HttpRequestMessage request = makeRequest();
                HttpCredential? credential = CredentialFor(request.RequestUri!);
                if (credential is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicParameter);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Options.RequestTimeout);
                Interlocked.Increment(ref _requests);
                try
                {
                    using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    if (IsRetryable(response.StatusCode) && !last)
                    {
                        transient = $"HTTP {(int)response.StatusCode}";
                        retryAfter = response.Headers.RetryAfter;
                    }
                    else
                    {
                        byte[]? body = null;
                        BodyPolicy policy = bodyPolicy(response);
                        if (policy.Limit is long limit)
                        {
                            body = await ReadBodyAsync(response, Math.Min(limit, Options.MaxBodyBytes), subject, timeout.Token).ConfigureAwait(false);
                        }

                        return new Exchange(response, body, credential is not null, attempt);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    transient = $"no answer within {Seconds(Options.RequestTimeout)}";
                }
                catch (HttpRequestException e)
                {
                    transient = Describe(e);
                    last |= IsUnknownHost(e);
                }
                catch (IOException e)
                {
                    transient = Describe(e);
                }
            }
            finally
            {
                _slots.Release();
            }

            if (last)
            {
                throw new InputException($"{subject}: {transient} after {attempt} {(attempt == 1 ? "try" : "tries")}");
            }

            await Task.Delay(Backoff(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]?> ReadBodyAsync(HttpResponseMessage response, long limit, string subject, CancellationToken cancellationToken)
    {
        long? declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            return declared > Options.MaxBodyBytes ? throw new InputException($"{subject}: {declared} bytes is more than the {Options.MaxBodyBytes} accepted") : null;
        }

        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream(declared is long n ? (int)n : 64 * 1024);
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return limit >= Options.MaxBodyBytes ? throw new InputException($"{subject}: more than the {Options.MaxBodyBytes} bytes accepted") : null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (declared is long expected && buffer.Length != expected)
        {
            throw new IOException($"the body ended after {buffer.Length} of {expected} bytes");
        }

        return buffer.ToArray();
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        TimeSpan delay;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is DateTimeOffset date)
        {
            delay = date - _clock();
        }
        else
        {
            double jitter = 0.5 + Random.Shared.NextDouble();
            delay = Options.RetryDelay * Math.Pow(2, attempt - 1) * jitter;
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > Options.MaxRetryDelay ? Options.MaxRetryDelay : delay;
    }

    private string Describe(Exchange exchange)
    {
        string status = $"HTTP {(int)exchange.Status}";
        if (exchange.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            status += exchange.SentCredentials ? " (credentials refused)" : " (no credentials for this host in the URL or .netrc)";
        }

        return exchange.Tries > 1 ? $"{status} after {exchange.Tries} tries" : status;
    }

    /// <summary>
    /// The name does not resolve (NXDOMAIN, or no address): a definite answer from the resolver that a retry a moment
    /// later would only repeat, so it is not retried (a temporary resolver failure, <c>EAI_AGAIN</c>, still is).
    /// </summary>
    public static bool IsUnknownHost(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A transport failure in a few words (no stack, no inner chain).</summary>
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
                    System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData => "host not found",
                    System.Net.Sockets.SocketError.TimedOut => "connection timed out",
                    System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable => "network unreachable",
                    System.Net.Sockets.SocketError.ConnectionReset => "connection reset",
                    _ => OneLine(socket.Message),
                };
            }

            if (inner is System.Security.Authentication.AuthenticationException)
            {
                return "TLS handshake failed (" + OneLine(inner.Message) + ")";
            }
        }

        return e switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed by the server",
            IOException => "broken body (" + OneLine(e.Message) + ")",
            _ => OneLine(e.Message),
        };
    }

    /// <summary>The first line of a message, trimmed.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int newline = text.IndexOfAny(['\r', '\n']);
        return (newline >= 0 ? text[..newline] : text).Trim();
    }

    /// <summary><c>1.5s</c>.</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    /// <summary>How much of a body to read: null limit means none.</summary>
    private readonly record struct BodyPolicy(long? Limit)
    {
        public static BodyPolicy Read => new(long.MaxValue);

        public static BodyPolicy Skip => new(null);

        public static BodyPolicy ReadUpTo(long limit) => new(limit);
    }

    /// <summary>What one successful exchange gave: status, the headers that matter and the body when read.</summary>
    private sealed class Exchange
    {
        public Exchange(HttpResponseMessage response, byte[]? body, bool sentCredentials, int tries)
        {
            Status = response.StatusCode;
            Body = body;
            SentCredentials = sentCredentials;
            Tries = tries;
            FinalUrl = response.RequestMessage?.RequestUri ?? throw new InvalidOperationException("response without request");
            ContentType = response.Content.Headers.ContentType?.MediaType;
            ContentLength = response.Content.Headers.ContentLength;
            ContentRange = response.Content.Headers.ContentRange;
            ETag = response.Headers.ETag?.ToString();
            LastModified = response.Content.Headers.TryGetValues("Last-Modified", out IEnumerable<string>? lm) ? lm.FirstOrDefault() : null;
            CacheControlHeaderValue? cc = response.Headers.CacheControl;
            MaxAge = cc is null || cc.NoCache || cc.NoStore ? null : cc.MaxAge;
        }

        public HttpStatusCode Status { get; }

        public byte[]? Body { get; }

        public bool SentCredentials { get; }

        public int Tries { get; }

        public Uri FinalUrl { get; }

        public string? ContentType { get; }

        public long? ContentLength { get; }

        public ContentRangeHeaderValue? ContentRange { get; }

        public string? ETag { get; }

        public string? LastModified { get; }

        public TimeSpan? MaxAge { get; }
    }
}
