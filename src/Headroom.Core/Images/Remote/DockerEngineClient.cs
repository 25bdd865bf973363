using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Headroom.Images.Remote;

/// <summary>Where the Docker Engine API listens: a unix socket or plain TCP.</summary>
/// <param name="SocketPath">The unix socket path, or null for TCP.</param>
/// <param name="Host">The TCP host, or null for a unix socket.</param>
/// <param name="Port">The TCP port (0 for a unix socket).</param>
public sealed record DockerEndpoint(string? SocketPath, string? Host, int Port)
{
    public const string DefaultSocket = "/var/run/docker.sock";

    public bool IsUnix => SocketPath is not null;

    /// <summary><c>unix:///var/run/docker.sock</c> or <c>tcp://host:port</c>, as messages show it.</summary>
    public override string ToString() => IsUnix ? $"unix://{SocketPath}" : $"tcp://{Host}:{Port}";

    /// <summary>
    /// Parses a <c>DOCKER_HOST</c> value: <c>unix:///path</c>, <c>tcp://host[:port]</c> (port 2375 by
    /// default; plain HTTP), or a bare absolute socket path. <c>ssh://</c>, <c>npipe://</c> and TLS
    /// (<c>DOCKER_TLS_VERIFY</c>) are not supported: a <see cref="RemoteImageException"/> says so.
    /// </summary>
    public static DockerEndpoint Parse(string dockerHost)
    {
        ArgumentNullException.ThrowIfNull(dockerHost);
        string value = dockerHost.Trim();
        if (value.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            string path = value["unix://".Length..];
            return path.Length > 0 ? new DockerEndpoint(path, null, 0) : throw Bad(dockerHost, "no socket path");
        }

        if (value.StartsWith('/'))
        {
            return new DockerEndpoint(value, null, 0);
        }

        if (value.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate("http://" + value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..], UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
            {
                throw Bad(dockerHost, "bad host");
            }

            int port = uri.IsDefaultPort ? 2375 : uri.Port;
            return new DockerEndpoint(null, uri.Host, port);
        }

        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        string name = scheme > 0 ? value[..scheme] : value;
        throw Bad(dockerHost, $"the {name} scheme is not supported (use unix:// or tcp://)");
    }

    /// <summary>
    /// The endpoint from the environment: <c>DOCKER_HOST</c> when set, else <c>/var/run/docker.sock</c>
    /// when it exists, else podman's <c>$XDG_RUNTIME_DIR/podman/podman.sock</c> when it exists, else
    /// <c>/var/run/docker.sock</c> (whose absence the first request reports).
    /// </summary>
    public static DockerEndpoint FromEnvironment(Func<string, string?>? getEnvironment = null, Func<string, bool>? socketExists = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        socketExists ??= File.Exists;
        string? host = getEnvironment("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(host))
        {
            if (getEnvironment("DOCKER_TLS_VERIFY") is { Length: > 0 } tls && tls != "0")
            {
                throw new RemoteImageException($"docker-daemon {host}: DOCKER_TLS_VERIFY is set, and TLS to the Docker API is not supported");
            }

            return Parse(host);
        }

        if (socketExists(DefaultSocket))
        {
            return new DockerEndpoint(DefaultSocket, null, 0);
        }

        string? runtime = getEnvironment("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(runtime))
        {
            string podman = Path.Combine(runtime, "podman", "podman.sock");
            if (socketExists(podman))
            {
                return new DockerEndpoint(podman, null, 0);
            }
        }

        return new DockerEndpoint(DefaultSocket, null, 0);
    }

    private static RemoteImageException Bad(string value, string why) => new($"docker-daemon: invalid DOCKER_HOST '{value}': {why}");
}

/// <summary>What <c>GET /images/{name}/json</c> says about an image.</summary>
/// <param name="Id">The image ID (<c>sha256:</c> of the config).</param>
/// <param name="Size">The image's size as the engine counts it (uncompressed layers).</param>
public sealed record DockerImageInfo(string Id, long Size, IReadOnlyList<string> RepoTags, string? Os, string? Architecture, string? Variant);

/// <summary>
/// A client of the Docker Engine API (Docker, or podman's compatible service) over a unix socket
/// or plain TCP: ping, image inspect, and image export as a docker-archive stream. Every failure is
/// a <see cref="RemoteImageException"/> with a one-line message that starts with
/// <c>docker-daemon ENDPOINT:</c>.
/// </summary>
public sealed class DockerEngineClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _requestTimeout;

    /// <param name="endpoint">The API endpoint; see <see cref="DockerEndpoint.FromEnvironment"/>.</param>
    /// <param name="requestTimeout">How long to wait for response headers (default 30 s); an export's body may take longer.</param>
    /// <param name="handler">A handler for tests; null for a socket handler.</param>
    public DockerEngineClient(DockerEndpoint endpoint, TimeSpan? requestTimeout = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
        handler ??= CreateHandler(endpoint, _requestTimeout);
        _http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            BaseAddress = endpoint.IsUnix ? new Uri("http://localhost/") : new Uri($"http://{FormatHost(endpoint.Host!)}:{endpoint.Port}/"),
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("headroom");
    }

    /// <summary>A client for <see cref="DockerEndpoint.FromEnvironment"/>.</summary>
    public static DockerEngineClient FromEnvironment() => new(DockerEndpoint.FromEnvironment());

    public DockerEndpoint Endpoint { get; }

    public void Dispose() => _http.Dispose();

    /// <summary><c>GET /_ping</c>: returns the API version the engine reports (the <c>Api-Version</c> header), or an empty string.</summary>
    public async Task<string> PingAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendAsync("_ping", "ping", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "ping", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("Api-Version", out IEnumerable<string>? values) ? values.First() : string.Empty;
    }

    /// <summary><c>GET /images/{name}/json</c>: the image's ID, size and platform.</summary>
    public async Task<DockerImageInfo> InspectImageAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        using HttpResponseMessage response = await SendAsync($"images/{name}/json", name, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, name, cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            JsonElement root = doc.RootElement;
            string id = ImageManifest.Str(root, "Id") ?? throw new RemoteImageException($"docker-daemon {Endpoint}: the inspect answer for {name} has no Id");
            long size = root.TryGetProperty("Size", out JsonElement s) && s.TryGetInt64(out long n) ? n : -1;
            var tags = new List<string>();
            if (root.TryGetProperty("RepoTags", out JsonElement repoTags) && repoTags.ValueKind == JsonValueKind.Array)
            {
                tags.AddRange(repoTags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
            }

            return new DockerImageInfo(id, size, tags, ImageManifest.Str(root, "Os"), ImageManifest.Str(root, "Architecture"), ImageManifest.Str(root, "Variant"));
        }
        catch (JsonException)
        {
            throw new RemoteImageException($"docker-daemon {Endpoint}: the inspect answer for {name} is not JSON");
        }
    }

    /// <summary>
    /// <c>GET /images/{name}/get</c>: the image as a docker-archive tar (what <c>docker save</c> writes),
    /// streamed from the socket, never buffered. The caller disposes the stream.
    /// </summary>
    public async Task<Stream> ExportImageAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        HttpResponseMessage response = await SendAsync($"images/{name}/get", name, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, name, cancellationToken).ConfigureAwait(false);
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new BlobStream(response, body, response.Content.Headers.ContentLength, null, TimeSpan.FromMinutes(10), $"docker-daemon {Endpoint}: export of {name}");
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '%' or '\\') || name.Contains("..", StringComparison.Ordinal))
        {
            throw new RemoteImageException($"docker-daemon: invalid image name '{name}'");
        }
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    private static SocketsHttpHandler CreateHandler(DockerEndpoint endpoint, TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = connectTimeout,
            UseProxy = false,
        };
        if (endpoint.IsUnix)
        {
            string path = endpoint.SocketPath!;
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string subject, CancellationToken cancellationToken)
    {
        if (Endpoint.IsUnix && !File.Exists(Endpoint.SocketPath) && !Directory.Exists(Endpoint.SocketPath))
        {
            throw new RemoteImageException(
                $"docker-daemon {Endpoint}: no Docker API socket there (start Docker or `podman system service`, or set DOCKER_HOST)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            return await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteImageException($"docker-daemon {Endpoint}: no answer within {RegistryClient.Seconds(_requestTimeout)} for {subject}");
        }
        catch (HttpRequestException e)
        {
            string why = RegistryClient.Describe(e);
            if (e.InnerException is SocketException { SocketErrorCode: SocketError.AccessDenied } || why.Contains("ermission denied", StringComparison.Ordinal))
            {
                why = "permission denied (is this user in the docker group?)";
            }

            throw new RemoteImageException($"docker-daemon {Endpoint}: cannot connect: {why}", null, null, e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string subject, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? message = null;
        try
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using JsonDocument doc = JsonDocument.Parse(body);
            message = ImageManifest.Str(doc.RootElement, "message");
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            // The status alone.
        }

        int status = (int)response.StatusCode;
        string text = response.StatusCode == HttpStatusCode.NotFound
            ? $"no such image: {subject}"
            : RegistryClient.OneLine(message ?? response.ReasonPhrase ?? "request failed") + $" for {subject}";
        throw new RemoteImageException($"docker-daemon {Endpoint}: {text} ({status})", response.StatusCode);
    }
}
