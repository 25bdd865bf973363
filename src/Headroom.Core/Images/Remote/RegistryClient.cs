using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Headroom.Images.Remote;

/// <summary>An image manifest picked for one platform, with the index it came from when there was one.</summary>
/// <param name="Image">The reference asked for.</param>
/// <param name="Manifest">The image manifest as served (by digest when it came from an index).</param>
/// <param name="Parsed">Its config and layer descriptors.</param>
/// <param name="Index">The index or manifest list that was followed, or null.</param>
/// <param name="Platform">The platform the index listed for the picked manifest, or null when there was no index.</param>
public sealed record ResolvedManifest(ImageReference Image, ManifestResponse Manifest, ImageManifest Parsed, ManifestResponse? Index, ImagePlatform? Platform);

/// <summary>
/// A client of the OCI distribution API (Docker Registry HTTP API v2): manifests and indexes with
/// content negotiation, platform selection, blobs as streams, bearer-token and basic auth, retries.
/// Plain HTTP is used for loopback registries (and <see cref="RegistryClientOptions.InsecureRegistries"/>),
/// HTTPS otherwise. Every failure is a <see cref="RemoteImageException"/> with a one-line message;
/// cancellation is an <see cref="OperationCanceledException"/>. Safe to use from several threads.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private const int MaxRedirects = 5;
    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly Dictionary<string, AuthenticationHeaderValue> _auth = new(StringComparer.Ordinal);
    private readonly Lock _authLock = new();

    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="handler">The HTTP handler (tests pass a fake); null for a <see cref="SocketsHttpHandler"/>. Redirects must not be followed by it.</param>
    public RegistryClient(RegistryClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new RegistryClientOptions();
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The base URL of the registry's API: <c>http://127.0.0.1:5000/v2/</c>, <c>https://registry-1.docker.io/v2/</c>.</summary>
    public Uri ApiBase(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        bool plain = image.IsLoopbackRegistry || _options.InsecureRegistries.Contains(image.Registry);
        return new Uri($"{(plain ? "http" : "https")}://{image.ApiHost}/v2/");
    }

    /// <summary>
    /// Gets the manifest or index that <paramref name="image"/> names (by tag, or by digest, which is then verified).
    /// </summary>
    public async Task<ManifestResponse> GetManifestAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        string subject = image.RepositoryAndReference;
        using HttpResponseMessage response = await SendAsync(image, $"{image.Repository}/manifests/{image.Reference}", ManifestMediaTypes.Accepted, subject, cancellationToken).ConfigureAwait(false);
        byte[] content = await ReadBodyAsync(image, response, subject, cancellationToken).ConfigureAwait(false);
        string digest = Digests.Sha256(content);
        if (image.Digest is not null && !Digests.Matches(image.Digest, content))
        {
            throw new RemoteImageException($"registry {image.Registry}: the manifest served for {subject} has digest {digest}");
        }

        string? mediaType = null;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(content);
            mediaType = ImageManifest.Str(doc.RootElement, "mediaType");
            if (mediaType is null && doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                // OCI documents may leave mediaType out: the shape tells.
                if (doc.RootElement.TryGetProperty("manifests", out _))
                {
                    mediaType = ManifestMediaTypes.OciIndex;
                }
                else if (doc.RootElement.TryGetProperty("config", out _))
                {
                    mediaType = ManifestMediaTypes.OciManifest;
                }
            }
        }
        catch (JsonException)
        {
            throw new RemoteImageException($"registry {image.Registry}: the manifest of {subject} is not JSON");
        }

        mediaType ??= response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (mediaType.StartsWith("application/vnd.docker.distribution.manifest.v1", StringComparison.Ordinal))
        {
            throw new RemoteImageException($"registry {image.Registry}: {subject} has a Docker schema 1 manifest, which is not supported");
        }

        return new ManifestResponse(mediaType, content, digest);
    }

    /// <summary>
    /// Gets the manifest for <paramref name="image"/> and follows an index (nested ones too) to the
    /// image for <paramref name="platform"/> (default linux/amd64). When no manifest matches, the
    /// error lists the platforms that the index offers.
    /// </summary>
    public async Task<ResolvedManifest> ResolveAsync(ImageReference image, ImagePlatform? platform = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImagePlatform wanted = platform ?? ImagePlatform.Default;
        ManifestResponse current = await GetManifestAsync(image, cancellationToken).ConfigureAwait(false);
        ManifestResponse? index = null;
        ImagePlatform? picked = null;
        for (int depth = 0; ManifestMediaTypes.IsIndex(current.MediaType); depth++)
        {
            if (depth >= 4)
            {
                throw new RemoteImageException($"registry {image.Registry}: indexes of {image.RepositoryAndReference} nest too deep");
            }

            ImageIndex parsed = ParseOrThrow(image, () => ImageIndex.Parse(current.Content, current.MediaType));
            Descriptor? choice = parsed.Select(wanted) ?? throw new RemoteImageException(
                $"registry {image.Registry}: {image.RepositoryAndReference} has no image for {wanted}; available: {parsed.DescribePlatforms()}");
            index ??= current;
            picked = choice.Platform ?? picked;
            current = await GetManifestAsync(image.WithDigest(choice.Digest), cancellationToken).ConfigureAwait(false);
        }

        if (!ManifestMediaTypes.IsManifest(current.MediaType))
        {
            throw new RemoteImageException($"registry {image.Registry}: {image.RepositoryAndReference} is a {current.MediaType}, not an image");
        }

        ImageManifest manifest = ParseOrThrow(image, () => ImageManifest.Parse(current.Content, current.MediaType));
        return new ResolvedManifest(image, current, manifest, index, picked);
    }

    /// <summary>Gets a small blob (a config) into memory and checks its digest.</summary>
    public async Task<byte[]> GetBlobBytesAsync(ImageReference image, string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(digest);
        string subject = $"{image.Repository}@{digest}";
        using HttpResponseMessage response = await SendAsync(image, $"{image.Repository}/blobs/{digest}", null, subject, cancellationToken).ConfigureAwait(false);
        byte[] content = await ReadBodyAsync(image, response, subject, cancellationToken).ConfigureAwait(false);
        if (!Digests.Matches(digest, content))
        {
            throw new RemoteImageException($"registry {image.Registry}: blob {subject} does not match its digest (got {Digests.Sha256(content)})");
        }

        return content;
    }

    /// <summary>
    /// Opens a blob as a stream over the HTTP body (following redirects, never buffered whole).
    /// With <paramref name="verify"/>, the stream checks the digest at its end and throws on a mismatch.
    /// Its <see cref="Stream.Length"/> is the Content-Length when the server sent one.
    /// </summary>
    public async Task<Stream> OpenBlobAsync(ImageReference image, string digest, bool verify = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(digest);
        string subject = $"{image.Repository}@{digest}";
        HttpResponseMessage response = await SendAsync(image, $"{image.Repository}/blobs/{digest}", null, subject, cancellationToken).ConfigureAwait(false);
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            string name = $"registry {image.Registry}: blob {subject}";
            return new BlobStream(response, body, response.Content.Headers.ContentLength, verify ? digest : null, _options.ReadTimeout, name);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static T ParseOrThrow<T>(ImageReference image, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new RemoteImageException($"registry {image.Registry}: {image.RepositoryAndReference}: {e.Message}");
        }
    }

    private async Task<byte[]> ReadBodyAsync(ImageReference image, HttpResponseMessage response, string subject, CancellationToken cancellationToken)
    {
        long? length = response.Content.Headers.ContentLength;
        if (length > _options.MaxDocumentBytes)
        {
            throw new RemoteImageException($"registry {image.Registry}: {subject} is too large ({length} bytes)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReadTimeout);
        try
        {
            using Stream body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int n;
            while ((n = await body.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > _options.MaxDocumentBytes)
                {
                    throw new RemoteImageException($"registry {image.Registry}: {subject} is larger than {_options.MaxDocumentBytes} bytes");
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteImageException($"registry {image.Registry}: reading {subject} stalled for {Seconds(_options.ReadTimeout)}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RemoteImageException($"registry {image.Registry}: reading {subject} failed: {Describe(e)}", null, null, e);
        }
    }

    /// <summary>
    /// GETs a path below <c>/v2/</c>: authenticates on a 401 challenge, retries, follows redirects
    /// (without the registry's Authorization on another host) and turns a failure status into
    /// a <see cref="RemoteImageException"/>. The caller disposes the successful response.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(ImageReference image, string path, IReadOnlyList<string>? accept, string subject, CancellationToken cancellationToken)
    {
        Uri start = new(ApiBase(image), path);
        string authKey = $"{image.ApiHost}/{image.Repository}";
        bool authenticated = false;
        while (true)
        {
            Uri uri = start;
            HttpResponseMessage response;
            for (int redirects = 0; ; redirects++)
            {
                bool sameHost = uri.Authority == start.Authority;
                AuthenticationHeaderValue? authorization = sameHost ? CachedAuth(authKey) : null;
                string endpoint = sameHost ? $"registry {image.Registry}" : $"registry {image.Registry} (redirected to {uri.Host})";
                response = await SendWithRetriesAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Get, uri);
                        if (accept is not null)
                        {
                            foreach (string type in accept)
                            {
                                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
                            }
                        }

                        request.Headers.Authorization = authorization;
                        return request;
                    },
                    endpoint,
                    cancellationToken).ConfigureAwait(false);

                if (IsRedirect(response.StatusCode) && response.Headers.Location is Uri location)
                {
                    response.Dispose();
                    if (redirects >= MaxRedirects)
                    {
                        throw new RemoteImageException($"registry {image.Registry}: too many redirects for {subject}");
                    }

                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }

                break;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !authenticated && uri.Authority == start.Authority)
            {
                authenticated = true;
                IReadOnlyList<AuthChallenge> challenges = Challenges(response);
                response.Dispose();
                await AuthenticateAsync(image, authKey, challenges, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                RemoteImageException failure = await FailureAsync(image, response, subject, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && _options.Credentials.Find(image.Registry) is null)
                {
                    failure = new RemoteImageException($"{failure.Message}; no credentials for {image.Registry} in Docker's config.json", failure.StatusCode, failure.ErrorCode);
                }

                throw failure;
            }
        }
    }

    private AuthenticationHeaderValue? CachedAuth(string key)
    {
        lock (_authLock)
        {
            return _auth.GetValueOrDefault(key);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static List<AuthChallenge> Challenges(HttpResponseMessage response)
    {
        var result = new List<AuthChallenge>();
        if (response.Headers.TryGetValues("WWW-Authenticate", out IEnumerable<string>? values))
        {
            foreach (string value in values)
            {
                result.AddRange(AuthChallenge.Parse(value));
            }
        }

        return result;
    }

    private async Task AuthenticateAsync(ImageReference image, string authKey, IReadOnlyList<AuthChallenge> challenges, CancellationToken cancellationToken)
    {
        RegistryCredential? credential = _options.Credentials.Find(image.Registry);
        AuthChallenge? bearer = challenges.FirstOrDefault(c => c.IsBearer && !string.IsNullOrEmpty(c.Realm));
        AuthenticationHeaderValue header;
        if (bearer is not null)
        {
            string token = await FetchTokenAsync(image, bearer, credential, cancellationToken).ConfigureAwait(false);
            header = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (challenges.Any(c => c.IsBasic))
        {
            if (credential is null || credential.IsIdentityToken)
            {
                throw new RemoteImageException(
                    $"registry {image.Registry}: authentication required for {image.Repository} (401), and no credentials for {image.Registry} in Docker's config.json",
                    HttpStatusCode.Unauthorized,
                    "UNAUTHORIZED");
            }

            header = new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue);
        }
        else
        {
            throw new RemoteImageException($"registry {image.Registry}: authentication required for {image.Repository} (401), with no challenge that headroom supports", HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        }

        lock (_authLock)
        {
            _auth[authKey] = header;
        }
    }

    private async Task<string> FetchTokenAsync(ImageReference image, AuthChallenge challenge, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        string scope = challenge.Scope ?? $"repository:{image.Repository}:pull";
        string service = challenge.Service ?? string.Empty;
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out Uri? realm) || realm.Scheme is not ("http" or "https"))
        {
            throw new RemoteImageException($"registry {image.Registry}: bad token realm '{challenge.Realm}'");
        }

        string endpoint = $"registry {image.Registry}: token service {realm.Authority}";
        HttpResponseMessage response;
        if (credential is { IsIdentityToken: true })
        {
            // OAuth2 refresh token (docker login with an identity token).
            response = await SendWithRetriesAsync(
                () => new HttpRequestMessage(HttpMethod.Post, realm)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "refresh_token",
                        ["refresh_token"] = credential.Secret,
                        ["service"] = service,
                        ["scope"] = scope,
                        ["client_id"] = "headroom",
                    }),
                },
                endpoint,
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var query = new StringBuilder(realm.Query.Length > 1 ? realm.Query[1..] + "&" : string.Empty);
            if (service.Length > 0)
            {
                query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
            }

            query.Append("scope=").Append(Uri.EscapeDataString(scope));
            Uri tokenUri = new UriBuilder(realm) { Query = query.ToString() }.Uri;
            response = await SendWithRetriesAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, tokenUri);
                    if (credential is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue);
                    }

                    return request;
                },
                endpoint,
                cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                string what = credential is null ? "anonymous token refused" : $"credentials for {image.Registry} refused";
                throw new RemoteImageException($"{endpoint}: {what} for {image.Repository} ({(int)response.StatusCode})", response.StatusCode, "UNAUTHORIZED");
            }

            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using JsonDocument doc = JsonDocument.Parse(body);
                string? token = ImageManifest.Str(doc.RootElement, "token") ?? ImageManifest.Str(doc.RootElement, "access_token");
                return string.IsNullOrEmpty(token) ? throw new RemoteImageException($"{endpoint}: the answer holds no token") : token;
            }
            catch (JsonException)
            {
                throw new RemoteImageException($"{endpoint}: the answer is not JSON");
            }
        }
    }

    /// <summary>Sends one request, retrying on 429, 5xx, connection failures and timeouts with backoff.</summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(Func<HttpRequestMessage> makeRequest, string endpoint, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            bool last = attempt >= _options.MaxRetries;
            using HttpRequestMessage request = makeRequest();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (last)
                {
                    throw new RemoteImageException($"{endpoint}: no answer within {Seconds(_options.RequestTimeout)} ({attempt + 1} attempts)");
                }

                await Task.Delay(Backoff(attempt, null), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException e)
            {
                if (last || Headroom.Net.HttpFetcher.IsUnknownHost(e))
                {
                    throw new RemoteImageException($"{endpoint}: {Describe(e)} ({attempt + 1} attempts)", null, null, e);
                }

                await Task.Delay(Backoff(attempt, null), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!last && IsRetryable(response.StatusCode))
            {
                TimeSpan delay = Backoff(attempt, response.Headers.RetryAfter);
                response.Dispose();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        TimeSpan delay = _options.RetryDelay * Math.Pow(2, attempt);
        if (retryAfter?.Delta is TimeSpan delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is DateTimeOffset date)
        {
            delay = date - DateTimeOffset.UtcNow;
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    /// <summary>Builds the one-line error for a failure status, from the distribution API's error body when there is one.</summary>
    private static async Task<RemoteImageException> FailureAsync(ImageReference image, HttpResponseMessage response, string subject, CancellationToken cancellationToken)
    {
        string? code = null;
        string? message = null;
        try
        {
            byte[] body = await ReadPrefixAsync(response, 64 * 1024, cancellationToken).ConfigureAwait(false);
            using JsonDocument doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out JsonElement errors) &&
                errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                code = ImageManifest.Str(errors[0], "code");
                message = ImageManifest.Str(errors[0], "message");
            }
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException or OperationCanceledException)
        {
            // No usable error body: the status alone.
        }

        int status = (int)response.StatusCode;
        string detail = message ?? code?.ToLowerInvariant().Replace('_', ' ') ?? status switch
        {
            401 => "unauthorized",
            403 => "access denied",
            404 => "not found",
            _ => response.ReasonPhrase?.ToLowerInvariant() ?? "request failed",
        };
        detail = OneLine(detail);
        return new RemoteImageException($"registry {image.Registry}: {detail} for {subject} ({status})", response.StatusCode, code);
    }

    private static async Task<byte[]> ReadPrefixAsync(HttpResponseMessage response, int max, CancellationToken cancellationToken)
    {
        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] buffer = new byte[max];
        int total = 0;
        int n;
        while (total < max && (n = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += n;
        }

        return buffer[..total];
    }

    internal static string Describe(Exception e)
    {
        Exception? inner = e;
        while (inner is not null)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    SocketError.ConnectionReset => "connection reset",
                    _ => OneLine(socket.Message),
                };
            }

            if (inner is System.Security.Authentication.AuthenticationException)
            {
                return "TLS handshake failed (" + OneLine(inner.Message) + ")";
            }

            inner = inner.InnerException;
        }

        return e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } ? "connection closed by the server" : OneLine(e.Message);
    }

    internal static string OneLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return (newline >= 0 ? text[..newline] : text).Trim();
    }

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
