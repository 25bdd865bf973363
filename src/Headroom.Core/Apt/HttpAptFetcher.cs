using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Headroom.Diagnostics;
using Headroom.IO;

namespace Headroom.Apt;

/// <summary>
/// Fetches mirror files over HTTP(S) into an on-disk cache keyed by URL
/// (<c>$XDG_CACHE_HOME/headroom/apt</c>, else <c>~/.cache/headroom/apt</c>). A cached copy younger than
/// <see cref="MaxAge"/> is used as it is; an older one is revalidated with <c>If-Modified-Since</c> and
/// <c>If-None-Match</c>. When the network fails and a cached copy exists, the copy is used and
/// <see cref="Warnings"/> says so; offline, only the cache is read.
/// </summary>
public sealed class HttpAptFetcher : IAptFetcher, IDisposable
{
    private readonly HttpClient _http;
    private readonly List<string> _warnings = [];
    private readonly Lock _lock = new();

    /// <param name="cacheDirectory">Where to cache; null for <see cref="DefaultCacheDirectory"/>.</param>
    /// <param name="handler">The HTTP handler (tests pass a fake); null for a <see cref="SocketsHttpHandler"/>.</param>
    public HttpAptFetcher(string? cacheDirectory = null, HttpMessageHandler? handler = null)
    {
        CacheDirectory = cacheDirectory ?? DefaultCacheDirectory();
        handler ??= new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("headroom (apt index reader)");
    }

    public string CacheDirectory { get; }

    /// <summary>Read only the cache; a missing file is an error.</summary>
    public bool Offline { get; init; }

    /// <summary>How long a cached copy is used without asking the server (Debian publishes four times a day).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The longest wait for the response headers, and for each read of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One line for each cached copy used because the network failed.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_lock)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary><c>$XDG_CACHE_HOME/headroom/apt</c>, else <c>~/.cache/headroom/apt</c>.</summary>
    public static string DefaultCacheDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "headroom", "apt");
    }

    public void Dispose() => _http.Dispose();

    public async Task<Stream?> OpenAsync(Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uri.AbsoluteUri)))[..40];
        string body = Path.Combine(CacheDirectory, key + ".body");
        string metaPath = Path.Combine(CacheDirectory, key + ".meta");
        CacheMeta? meta = File.Exists(body) ? CacheMeta.Read(metaPath) : null;
        if (meta is not null && (Offline || DateTimeOffset.UtcNow - meta.FetchedAt < MaxAge))
        {
            return meta.NotFound ? null : OpenCached(body, uri);
        }

        if (Offline)
        {
            throw new InputException($"{uri}: not in the cache ({CacheDirectory}) and working offline");
        }

        HttpResponseMessage response;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (meta is { NotFound: false })
            {
                if (meta.LastModified is DateTimeOffset modified)
                {
                    request.Headers.IfModifiedSince = modified;
                }

                if (meta.ETag is string etag && EntityTagHeaderValue.TryParse(etag, out EntityTagHeaderValue? tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }
            }

            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            string why = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0}s" : Images.Remote.RegistryClient.Describe(e);
            return Fallback(uri, body, meta, why);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified && meta is not null)
            {
                (meta with { FetchedAt = DateTimeOffset.UtcNow }).Write(metaPath);
                return OpenCached(body, uri);
            }

            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                Directory.CreateDirectory(CacheDirectory);
                File.WriteAllBytes(body, []);
                new CacheMeta(uri.AbsoluteUri, null, null, DateTimeOffset.UtcNow, NotFound: true).Write(metaPath);
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                return Fallback(uri, body, meta, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            Directory.CreateDirectory(CacheDirectory);
            try
            {
                using Stream content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                string temp = body + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
                try
                {
                    await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                    {
                        byte[] buffer = new byte[1 << 16];
                        int n;
                        while (true)
                        {
                            using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                            readTimeout.CancelAfter(Timeout);
                            n = await content.ReadAsync(buffer, readTimeout.Token).ConfigureAwait(false);
                            if (n == 0)
                            {
                                break;
                            }

                            await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        }
                    }

                    File.Move(temp, body, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temp))
                    {
                        File.Delete(temp);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                string why = e is OperationCanceledException ? $"the download stalled for {Timeout.TotalSeconds:0}s" : $"the download failed: {Images.Remote.RegistryClient.Describe(e)}";
                return Fallback(uri, body, meta, why);
            }

            new CacheMeta(uri.AbsoluteUri, response.Content.Headers.LastModified, response.Headers.ETag?.ToString(), DateTimeOffset.UtcNow, NotFound: false).Write(metaPath);
            return OpenCached(body, uri);
        }
    }

    private FileStream? Fallback(Uri uri, string body, CacheMeta? meta, string why)
    {
        if (meta is null)
        {
            throw new InputException($"{uri}: {why}");
        }

        lock (_lock)
        {
            _warnings.Add($"{uri}: {why}; using the copy cached {meta.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        }

        return meta.NotFound ? null : OpenCached(body, uri);
    }

    private static FileStream OpenCached(string body, Uri uri)
    {
        try
        {
            return new FileStream(body, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (IOException e)
        {
            throw new InputException($"{uri}: the cached copy {body} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>What the cache remembers of a URL: four lines, <c>url</c>, <c>Last-Modified</c>, <c>ETag</c>, fetch time (and <c>404</c>).</summary>
    private sealed record CacheMeta(string Url, DateTimeOffset? LastModified, string? ETag, DateTimeOffset FetchedAt, bool NotFound)
    {
        public static CacheMeta? Read(string path)
        {
            try
            {
                string[] lines = File.ReadAllLines(path);
                if (lines.Length < 5 || !DateTimeOffset.TryParse(lines[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset fetched))
                {
                    return null;
                }

                DateTimeOffset? modified = DateTimeOffset.TryParse(lines[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset m) ? m : null;
                return new CacheMeta(lines[0], modified, lines[2].Length > 0 ? lines[2] : null, fetched, lines[4] == "404");
            }
            catch (IOException)
            {
                return null;
            }
        }

        public void Write(string path)
        {
            string text = string.Join('\n', Url, LastModified?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty, ETag ?? string.Empty, FetchedAt.ToString("O", CultureInfo.InvariantCulture), NotFound ? "404" : "200") + "\n";
            AtomicFile.Write(path, s => s.Write(Encoding.UTF8.GetBytes(text)));
        }
    }
}
