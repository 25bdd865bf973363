using System.Net;
using System.Net.Sockets;
using System.Text;
using Headroom.Images.Remote;

namespace Headroom.Tests.Images.Remote;

public sealed class RegistryClientTests
{
    private const string ManifestJson = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:c0","size":2},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:l1","size":3}]}
        """;

    private static readonly ImageReference Local = ImageReference.Parse("127.0.0.1:5000/repo/name:tag");

    private static RegistryClient Client(FakeHttpHandler handler, IRegistryCredentialProvider? credentials = null, int retries = 3, TimeSpan? timeout = null)
    {
        return new RegistryClient(
            new RegistryClientOptions
            {
                Credentials = credentials ?? StaticCredentialProvider.None,
                RetryDelay = TimeSpan.FromMilliseconds(1),
                MaxRetryDelay = TimeSpan.FromMilliseconds(5),
                MaxRetries = retries,
                RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
                ReadTimeout = timeout ?? TimeSpan.FromSeconds(10),
            },
            handler);
    }

    private static StaticCredentialProvider Creds(string registry, string user, string password) =>
        new(new Dictionary<string, RegistryCredential> { [registry] = new RegistryCredential(user, password) });

    private static HttpResponseMessage Challenge(string header)
    {
        HttpResponseMessage response = FakeHttpHandler.Json(HttpStatusCode.Unauthorized, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", header);
        return response;
    }

    [Fact]
    public async Task Gets_a_manifest_over_plain_http_for_loopback_with_the_accept_list()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest));
        using RegistryClient client = Client(handler);
        ManifestResponse m = await client.GetManifestAsync(Local, TestContext.Current.CancellationToken);
        Assert.Equal(ManifestMediaTypes.OciManifest, m.MediaType);
        Assert.Equal(Digests.Sha256(Encoding.UTF8.GetBytes(ManifestJson)), m.Digest);
        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:5000/v2/repo/name/manifests/tag", request.Uri.ToString());
        Assert.Equal(ManifestMediaTypes.Accepted, request.Accept);
    }

    [Fact]
    public void Uses_https_for_other_registries()
    {
        using RegistryClient client = Client(new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));
        Assert.Equal("https://ghcr.io/v2/", client.ApiBase(ImageReference.Parse("ghcr.io/a/b")).ToString());
        Assert.Equal("https://registry-1.docker.io/v2/", client.ApiBase(ImageReference.Parse("ubuntu")).ToString());
        Assert.Equal("http://[::1]:5000/v2/", client.ApiBase(ImageReference.Parse("[::1]:5000/a")).ToString());
        using var insecure = new RegistryClient(new RegistryClientOptions { InsecureRegistries = new HashSet<string> { "reg.lan:5000" } }, new FakeHttpHandler(_ => new HttpResponseMessage()));
        Assert.Equal("http://reg.lan:5000/v2/", insecure.ApiBase(ImageReference.Parse("reg.lan:5000/a")).ToString());
    }

    [Fact]
    public async Task Anonymous_bearer_flow_fetches_a_token_and_retries()
    {
        var handler = new FakeHttpHandler(r =>
        {
            string url = r.RequestUri!.ToString();
            if (url.StartsWith("https://auth.example/token", StringComparison.Ordinal))
            {
                return FakeHttpHandler.Json(HttpStatusCode.OK, """{"token":"t0k3n","expires_in":300}""");
            }

            return r.Headers.Authorization?.ToString() == "Bearer t0k3n"
                ? FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest)
                : Challenge("Bearer realm=\"https://auth.example/token\",service=\"reg\",scope=\"repository:repo/name:pull\"");
        });
        using RegistryClient client = Client(handler);
        await client.GetManifestAsync(Local, TestContext.Current.CancellationToken);
        await client.GetManifestAsync(Local, TestContext.Current.CancellationToken);

        Assert.Equal(4, handler.Requests.Count); // 401, token, 200, then 200 with the cached token
        RecordedRequest token = handler.Requests[1];
        Assert.Equal("https://auth.example/token?service=reg&scope=repository%3Arepo%2Fname%3Apull", token.Uri.AbsoluteUri);
        Assert.Null(token.Authorization);
        Assert.Equal("Bearer t0k3n", handler.Requests[2].Authorization);
        Assert.Equal("Bearer t0k3n", handler.Requests[3].Authorization);
    }

    [Fact]
    public async Task Bearer_flow_sends_basic_credentials_to_the_token_service()
    {
        var handler = new FakeHttpHandler(r =>
        {
            if (r.RequestUri!.AbsolutePath == "/token")
            {
                return r.Headers.Authorization?.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("me:pw"))
                    ? FakeHttpHandler.Json(HttpStatusCode.OK, """{"access_token":"granted"}""")
                    : FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{}");
            }

            return r.Headers.Authorization?.ToString() == "Bearer granted"
                ? FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest)
                : Challenge("Bearer realm=\"http://127.0.0.1:9/token\",service=\"reg\"");
        });
        using RegistryClient client = Client(handler, Creds("127.0.0.1:5000", "me", "pw"));
        await client.GetManifestAsync(Local, TestContext.Current.CancellationToken);
        Assert.Contains("scope=repository%3Arepo%2Fname%3Apull", handler.Requests[1].Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_token_is_one_clear_line()
    {
        var handler = new FakeHttpHandler(r => r.RequestUri!.AbsolutePath == "/token"
            ? FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{}")
            : Challenge("Bearer realm=\"http://127.0.0.1:9/token\",service=\"reg\""));
        using RegistryClient client = Client(handler, Creds("127.0.0.1:5000", "me", "wrong"));
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: token service 127.0.0.1:9: credentials for 127.0.0.1:5000 refused for repo/name (401)", e.Message);
    }

    [Fact]
    public async Task Basic_challenge_uses_credentials()
    {
        string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("me:pw"));
        var handler = new FakeHttpHandler(r => r.Headers.Authorization?.ToString() == expected
            ? FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest)
            : Challenge("Basic realm=\"registry\""));
        using RegistryClient client = Client(handler, Creds("127.0.0.1:5000", "me", "pw"));
        await client.GetManifestAsync(Local, TestContext.Current.CancellationToken);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Basic_challenge_without_credentials_says_so()
    {
        using RegistryClient client = Client(new FakeHttpHandler(_ => Challenge("Basic realm=\"registry\"")));
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: authentication required for repo/name (401), and no credentials for 127.0.0.1:5000 in Docker's config.json", e.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
    }

    [Fact]
    public async Task Still_unauthorized_after_auth_is_an_error_not_a_loop()
    {
        var handler = new FakeHttpHandler(r => r.RequestUri!.AbsolutePath == "/token"
            ? FakeHttpHandler.Json(HttpStatusCode.OK, """{"token":"weak"}""")
            : Challenge("Bearer realm=\"http://127.0.0.1:9/token\",service=\"reg\",error=\"insufficient_scope\""));
        using RegistryClient client = Client(handler);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: authentication required for repo/name:tag (401); no credentials for 127.0.0.1:5000 in Docker's config.json", e.Message);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Manifest_unknown_is_one_line_with_the_status()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"tag"}}]}"""));
        using RegistryClient client = Client(handler);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: manifest unknown for repo/name:tag (404)", e.Message);
        Assert.Equal("MANIFEST_UNKNOWN", e.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Retries_5xx_and_429_with_backoff_then_succeeds()
    {
        int calls = 0;
        var handler = new FakeHttpHandler(_ =>
        {
            calls++;
            if (calls == 1)
            {
                var busy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                busy.Headers.TryAddWithoutValidation("Retry-After", "0");
                return busy;
            }

            return calls < 4 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest);
        });
        using RegistryClient client = Client(handler);
        await client.GetManifestAsync(Local, TestContext.Current.CancellationToken);
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task Gives_up_after_bounded_retries()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { ReasonPhrase = "Bad Gateway" });
        using RegistryClient client = Client(handler, retries: 2);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: bad gateway for repo/name:tag (502)", e.Message);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Connection_failures_are_retried_then_reported_without_exception_text()
    {
        var handler = new FakeHttpHandler(new Func<HttpRequestMessage, HttpResponseMessage>(_ => throw new HttpRequestException("Connection refused (127.0.0.1:5000)", new SocketException((int)SocketError.ConnectionRefused))));
        using RegistryClient client = Client(handler, retries: 1);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: connection refused (2 attempts)", e.Message);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_not_retried()
    {
        var handler = new FakeHttpHandler(new Func<HttpRequestMessage, HttpResponseMessage>(_ => throw new HttpRequestException("Name or service not known (registry.test:443)", new SocketException((int)SocketError.HostNotFound))));
        using RegistryClient client = Client(handler, retries: 3);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: host not found (1 attempts)", e.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_real_closed_port_is_connection_refused()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var client = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.None, MaxRetries = 0 });
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(ImageReference.Parse($"127.0.0.1:{port}/a/b"), TestContext.Current.CancellationToken));
        Assert.Equal($"registry 127.0.0.1:{port}: connection refused (1 attempts)", e.Message);
    }

    [Fact]
    public async Task Times_out_and_says_so()
    {
        var handler = new FakeHttpHandler(async (HttpRequestMessage r) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using RegistryClient client = Client(handler, retries: 0, timeout: TimeSpan.FromMilliseconds(50));
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: no answer within 0.05s (1 attempts)", e.Message);
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using RegistryClient client = Client(new FakeHttpHandler((HttpRequestMessage _) => new HttpResponseMessage(HttpStatusCode.OK)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetManifestAsync(Local, cts.Token));
    }

    [Fact]
    public async Task Verifies_a_manifest_fetched_by_digest()
    {
        string wrong = "sha256:" + new string('0', 64);
        using RegistryClient client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest)));
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(Local.WithDigest(wrong), TestContext.Current.CancellationToken));
        Assert.StartsWith($"registry 127.0.0.1:5000: the manifest served for repo/name@{wrong} has digest sha256:", e.Message, StringComparison.Ordinal);

        string right = Digests.Sha256(Encoding.UTF8.GetBytes(ManifestJson));
        ManifestResponse ok = await client.GetManifestAsync(Local.WithDigest(right), TestContext.Current.CancellationToken);
        Assert.Equal(right, ok.Digest);
    }

    [Fact]
    public async Task Media_type_comes_from_the_document_then_the_header()
    {
        const string untyped = """{"schemaVersion":2,"manifests":[]}""";
        using RegistryClient client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, untyped, "application/json")));
        Assert.Equal(ManifestMediaTypes.OciIndex, (await client.GetManifestAsync(Local, TestContext.Current.CancellationToken)).MediaType);

        using RegistryClient schema1 = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, """{"schemaVersion":1}""", "application/vnd.docker.distribution.manifest.v1+prettyjws")));
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => schema1.GetManifestAsync(Local, TestContext.Current.CancellationToken));
        Assert.Contains("schema 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_follows_an_index_to_the_platform()
    {
        byte[] manifest = Encoding.UTF8.GetBytes(ManifestJson);
        string index = ManifestTests.IndexJson.Replace("sha256:bbbb", Digests.Sha256(manifest), StringComparison.Ordinal);
        var handler = new FakeHttpHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/manifests/tag", StringComparison.Ordinal)
            ? FakeHttpHandler.Json(HttpStatusCode.OK, index, ManifestMediaTypes.OciIndex)
            : FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest));
        using RegistryClient client = Client(handler);

        ResolvedManifest resolved = await client.ResolveAsync(Local, ImagePlatform.Parse("linux/arm64"), TestContext.Current.CancellationToken);
        Assert.Equal("linux/arm64/v8", resolved.Platform?.ToString());
        Assert.NotNull(resolved.Index);
        Assert.Equal("sha256:l1", Assert.Single(resolved.Parsed.Layers).Digest);
        Assert.EndsWith($"/manifests/{Digests.Sha256(manifest)}", handler.Requests[1].Uri.AbsolutePath, StringComparison.Ordinal);

        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.ResolveAsync(Local, ImagePlatform.Parse("linux/s390x"), TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: repo/name:tag has no image for linux/s390x; available: linux/amd64, linux/arm64/v8", e.Message);
    }

    [Fact]
    public async Task Resolve_takes_a_plain_manifest_as_is()
    {
        using RegistryClient client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, ManifestJson, ManifestMediaTypes.OciManifest)));
        ResolvedManifest resolved = await client.ResolveAsync(Local, null, TestContext.Current.CancellationToken);
        Assert.Null(resolved.Index);
        Assert.Null(resolved.Platform);
        Assert.Equal("sha256:c0", resolved.Parsed.Config.Digest);
    }

    [Fact]
    public async Task Blob_redirects_drop_the_registry_authorization_and_stream_the_body()
    {
        byte[] blob = new byte[300_000];
        new Random(7).NextBytes(blob);
        string digest = Digests.Sha256(blob);
        var handler = new FakeHttpHandler(r =>
        {
            if (r.RequestUri!.Host == "storage.example")
            {
                return FakeHttpHandler.Bytes(blob);
            }

            if (r.RequestUri.AbsolutePath == "/token")
            {
                return FakeHttpHandler.Json(HttpStatusCode.OK, """{"token":"t"}""");
            }

            if (r.Headers.Authorization is null)
            {
                return Challenge("Bearer realm=\"http://127.0.0.1:9/token\"");
            }

            var redirect = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
            redirect.Headers.Location = new Uri("https://storage.example/blob?sig=1");
            return redirect;
        });
        using RegistryClient client = Client(handler);
        await using Stream stream = await client.OpenBlobAsync(Local, digest, verify: true, TestContext.Current.CancellationToken);
        Assert.Equal(blob.Length, stream.Length);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(blob, copy.ToArray());

        RecordedRequest storage = handler.Requests.Last();
        Assert.Equal("storage.example", storage.Uri.Host);
        Assert.Null(storage.Authorization);
        Assert.Equal("Bearer t", handler.Requests[^2].Authorization);
    }

    [Fact]
    public async Task Verified_blob_stream_fails_at_the_end_on_a_wrong_digest()
    {
        byte[] blob = Encoding.UTF8.GetBytes("not what was promised");
        using RegistryClient client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Bytes(blob)));
        string digest = "sha256:" + new string('1', 64);
        await using Stream stream = await client.OpenBlobAsync(Local, digest, verify: true, TestContext.Current.CancellationToken);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => stream.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));
        Assert.StartsWith($"registry 127.0.0.1:5000: blob repo/name@{digest}: content does not match its digest (got sha256:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_blob_is_checked()
    {
        byte[] config = Encoding.UTF8.GetBytes("{\"os\":\"linux\"}");
        using RegistryClient client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Bytes(config)));
        Assert.Equal(config, await client.GetBlobBytesAsync(Local, Digests.Sha256(config), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<RemoteImageException>(() => client.GetBlobBytesAsync(Local, "sha256:" + new string('2', 64), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Blob_unknown_is_one_line()
    {
        using RegistryClient client = Client(new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry"}]}""")));
        string digest = "sha256:" + new string('3', 64);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.OpenBlobAsync(Local, digest, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal($"registry 127.0.0.1:5000: blob unknown to registry for repo/name@{digest} (404)", e.Message);
    }

    [Fact]
    public async Task A_stalled_blob_body_fails_sync_and_async_reads_after_the_read_timeout()
    {
        var handler = new FakeHttpHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) };
            return response;
        });
        using RegistryClient client = Client(handler, timeout: TimeSpan.FromMilliseconds(100));
        string digest = "sha256:" + new string('4', 64);

        await using (Stream sync = await client.OpenBlobAsync(Local, digest, cancellationToken: TestContext.Current.CancellationToken))
        {
            RemoteImageException e = Assert.Throws<RemoteImageException>(() => sync.ReadExactly(new byte[10]));
            Assert.Equal($"registry 127.0.0.1:5000: blob repo/name@{digest}: no data for 0.1s at byte 5", e.Message);
        }

        await using Stream async = await client.OpenBlobAsync(Local, digest, cancellationToken: TestContext.Current.CancellationToken);
        RemoteImageException e2 = await Assert.ThrowsAsync<RemoteImageException>(async () => await async.ReadExactlyAsync(new byte[10], TestContext.Current.CancellationToken));
        Assert.Equal($"registry 127.0.0.1:5000: blob repo/name@{digest}: no data for 0.1s at byte 5", e2.Message);
    }

    /// <summary>Gives 5 bytes, then blocks until disposed or cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        private readonly SemaphoreSlim _disposed = new(0);
        private bool _first = true;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_first)
            {
                _first = false;
                return 5;
            }

            _disposed.Wait(TimeSpan.FromSeconds(10));
            throw new ObjectDisposedException(nameof(StallingStream));
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_first)
            {
                _first = false;
                return 5;
            }

            await _disposed.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            throw new ObjectDisposedException(nameof(StallingStream));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _disposed.Release();
            base.Dispose(disposing);
        }
    }
}
