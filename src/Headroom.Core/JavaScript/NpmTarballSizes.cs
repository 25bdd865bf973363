using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Headroom.IO;

namespace Headroom.JavaScript;

/// <summary>A package tarball's size (what the npm cache keeps) and its unpacked size (what lands in node_modules).</summary>
/// <param name="TarballBytes">The <c>.tgz</c> file's length.</param>
/// <param name="UnpackedBytes">The tar stream's length from the gzip trailer (ISIZE): the files plus 512-byte headers and padding.</param>
public sealed record NpmTarballSize(long TarballBytes, long UnpackedBytes);

/// <summary>Sizes package tarballs of an npm registry.</summary>
public interface INpmTarballSizer
{
    /// <summary>The sizes of <paramref name="name"/>@<paramref name="version"/> (from <paramref name="resolved"/> when the lock file records it), or null when they cannot be had.</summary>
    Task<NpmTarballSize?> SizeAsync(string name, string version, string? resolved, CancellationToken cancellationToken);
}

/// <summary>
/// Sizes tarballs with one HTTP range request each for their last 4 bytes: the <c>Content-Range</c> total is the
/// tarball's length and the gzip trailer's ISIZE the unpacked tar's (registries may leave <c>dist.unpackedSize</c>
/// out of their metadata; the trailer is always there). Published versions never change, so answers are kept for
/// good in <c>$XDG_CACHE_HOME/headroom/npm/tarball-sizes.tsv</c>. The registry is the one npm uses
/// (<c>npm_config_registry</c>), else <c>https://registry.npmjs.org/</c>.
/// </summary>
public sealed class HttpNpmTarballSizer : INpmTarballSizer, IDisposable
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, NpmTarballSize> _cache = new(StringComparer.Ordinal);
    private readonly string _cacheFile;
    private readonly SemaphoreSlim _gate = new(8);
    private int _added;
    private int _failures;

    /// <param name="registry">The registry; null for <see cref="DefaultRegistry"/>.</param>
    /// <param name="cacheDirectory">Where to keep the answers; null for the XDG cache folder.</param>
    /// <param name="handler">The HTTP handler (tests pass a fake); null for a <see cref="SocketsHttpHandler"/>.</param>
    public HttpNpmTarballSizer(Uri? registry = null, string? cacheDirectory = null, HttpMessageHandler? handler = null)
    {
        Registry = registry ?? DefaultRegistry();
        _cacheFile = Path.Combine(cacheDirectory ?? Path.Combine(Path.GetDirectoryName(Apt.HttpAptFetcher.DefaultCacheDirectory())!, "npm"), "tarball-sizes.tsv");
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), AutomaticDecompression = DecompressionMethods.None }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("headroom (npm tarball sizer)");
        Load();
    }

    public Uri Registry { get; }

    /// <summary>Why sizes could not be read (the first failure), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary><c>npm_config_registry</c> (npm's environment setting) when it is an absolute URL, else the public registry.</summary>
    public static Uri DefaultRegistry()
    {
        string? configured = Environment.GetEnvironmentVariable("npm_config_registry") ?? Environment.GetEnvironmentVariable("NPM_CONFIG_REGISTRY");
        return configured is { Length: > 0 } && Uri.TryCreate(configured.EndsWith('/') ? configured : configured + "/", UriKind.Absolute, out Uri? uri)
            ? uri
            : new Uri("https://registry.npmjs.org/");
    }

    /// <summary>The tarball URL the registry serves for a version: <c>REGISTRY/@scope/name/-/name-VERSION.tgz</c>.</summary>
    public static Uri TarballUri(Uri registry, string name, string version)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(name);
        string bare = name.Contains('/', StringComparison.Ordinal) ? name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..] : name;
        return new Uri(registry, $"{name}/-/{bare}-{version}.tgz");
    }

    public async Task<NpmTarballSize?> SizeAsync(string name, string version, string? resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        Uri uri = resolved is not null && Uri.TryCreate(resolved, UriKind.Absolute, out Uri? r) && r.Scheme is "http" or "https" ? r : TarballUri(Registry, name, version);
        string key = uri.AbsoluteUri;
        if (_cache.TryGetValue(key, out NpmTarballSize? known))
        {
            return known;
        }

        if (Volatile.Read(ref _failures) >= 3)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Range = new RangeHeaderValue { Unit = "bytes", Ranges = { new RangeItemHeaderValue(null, 4) } };
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.PartialContent || response.Content.Headers.ContentRange is not { Length: long total })
            {
                Fail($"{uri}: HTTP {(int)response.StatusCode} without a byte range");
                return null;
            }

            byte[] tail = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (tail.Length != 4)
            {
                Fail($"{uri}: the range answer is {tail.Length} bytes, not 4");
                return null;
            }

            var size = new NpmTarballSize(total, BinaryPrimitives.ReadUInt32LittleEndian(tail));
            _cache[key] = size;
            Interlocked.Increment(ref _added);
            return size;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Fail($"{uri}: {(e is OperationCanceledException ? "no answer within 20s" : Images.Remote.RegistryClient.Describe(e))}");
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the answers learnt since the start to the cache file (atomically; a failure to write is ignored: the cache is only a speed-up).</summary>
    public void Save()
    {
        if (Volatile.Read(ref _added) == 0)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_cacheFile)!);
            var text = new StringBuilder();
            foreach ((string key, NpmTarballSize size) in _cache.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append('\t').Append(size.TarballBytes.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(size.UnpackedBytes.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            AtomicFile.Write(_cacheFile, s => s.Write(Encoding.UTF8.GetBytes(text.ToString())));
            _added = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache only saves requests next time.
        }
    }

    public void Dispose()
    {
        Save();
        _http.Dispose();
        _gate.Dispose();
    }

    private void Fail(string why)
    {
        Interlocked.Increment(ref _failures);
        lock (_cache)
        {
            Failure ??= why;
        }
    }

    private void Load()
    {
        try
        {
            if (!File.Exists(_cacheFile))
            {
                return;
            }

            foreach (string line in File.ReadLines(_cacheFile))
            {
                string[] parts = line.Split('\t');
                if (parts.Length == 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long tgz) && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long tar))
                {
                    _cache[parts[0]] = new NpmTarballSize(tgz, tar);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable cache is an empty one.
        }
    }
}
