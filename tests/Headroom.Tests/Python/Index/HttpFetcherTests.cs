using System.Net;
using System.Text;
using Headroom.Diagnostics;
using Headroom.Net;

namespace Headroom.Tests.Python.Index;

public sealed class HttpFetcherTests : IDisposable
{
    private const string Page = "https://index.test/simple/torch/";
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "headroom-http-" + Guid.NewGuid().ToString("N"));
    private readonly FakeIndexServer _server = new();

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    internal HttpFetcher Fetcher(int retries = 2, TimeSpan? timeout = null, string? netrc = null, bool offline = false, TimeSpan? minFreshness = null) => new(
        new HttpFetchOptions
        {
            CacheDirectory = _cache,
            MinFreshness = minFreshness ?? TimeSpan.Zero,
            MaxRetries = retries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(20),
            NetrcPath = netrc,
            Offline = offline,
        },
        _server.Handler);

    private static Task<Fetched<string>?> GetText(HttpFetcher fetcher, string url = Page) =>
        fetcher.GetAsync(new Uri(url), "text/html", "index", d => Encoding.UTF8.GetString(d.Body), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Caches_and_revalidates_with_the_etag()
    {
        _server.Add(Page, "<html>v1</html>", "text/html");
        using (HttpFetcher first = Fetcher())
        {
            Fetched<string>? a = await GetText(first);
            Assert.Equal("<html>v1</html>", a!.Value);
            Assert.False(a.Document.FromCache);
        }

        using HttpFetcher second = Fetcher();
        Fetched<string>? b = await GetText(second);
        Assert.Equal("<html>v1</html>", b!.Value);
        Assert.True(b.Document.FromCache);
        Assert.False(b.Document.IsStale);
        Assert.Equal(2, _server.Count(Page));
        Assert.Null(_server.Log[0].IfNoneMatch);
        Assert.NotNull(_server.Log[1].IfNoneMatch);
    }

    [Fact]
    public async Task A_changed_document_replaces_the_cached_one()
    {
        _server.Add(Page, "<html>v1</html>", "text/html");
        using HttpFetcher fetcher = Fetcher();
        await GetText(fetcher);
        _server.Add(Page, "<html>v2</html>", "text/html");
        Fetched<string>? b = await GetText(fetcher);
        Assert.Equal("<html>v2</html>", b!.Value);
        Assert.False(b.Document.FromCache);
    }

    [Fact]
    public async Task A_fresh_entry_is_used_without_asking()
    {
        _server.MaxAge = 600;
        _server.Add(Page, "<html>v1</html>", "text/html");
        using HttpFetcher fetcher = Fetcher();
        await GetText(fetcher);
        Fetched<string>? again = await GetText(fetcher);
        Assert.True(again!.Document.FromCache);
        Assert.Equal(1, _server.Count(Page));
    }

    [Fact]
    public async Task Within_the_minimum_freshness_nothing_is_asked()
    {
        _server.Add(Page, "<html>v1</html>", "text/html");
        using HttpFetcher fetcher = Fetcher(minFreshness: TimeSpan.FromMinutes(10));
        await GetText(fetcher);
        _server.Add(Page, "<html>v2</html>", "text/html");
        Assert.Equal("<html>v1</html>", (await GetText(fetcher))!.Value);
        Assert.Equal(1, _server.Count(Page));
    }

    [Fact]
    public async Task Missing_documents_are_remembered_for_offline_runs()
    {
        using (HttpFetcher online = Fetcher())
        {
            Assert.Null(await GetText(online));
        }

        using HttpFetcher offline = Fetcher(offline: true);
        Assert.Null(await GetText(offline));
        Assert.Equal(1, _server.Count(Page));

        // Online, an old "not found" is asked again: the project may have appeared.
        _server.Add(Page, "<html>new</html>", "text/html");
        using HttpFetcher again = Fetcher();
        Assert.Equal("<html>new</html>", (await GetText(again))!.Value);
    }

    [Fact]
    public async Task Retries_500_then_succeeds()
    {
        _server.Add(Page, "<html>ok</html>", "text/html");
        _server.Hook = (_, seen) => Task.FromResult(seen <= 2 ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : null);
        using HttpFetcher fetcher = Fetcher(retries: 2);
        Fetched<string>? page = await GetText(fetcher);
        Assert.Equal("<html>ok</html>", page!.Value);
        Assert.Equal(3, _server.Count(Page));
    }

    [Fact]
    public async Task Retries_429_after_its_retry_after()
    {
        _server.Add(Page, "<html>ok</html>", "text/html");
        _server.Hook = (_, seen) =>
        {
            if (seen > 1)
            {
                return Task.FromResult<HttpResponseMessage?>(null);
            }

            var busy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3600));
            return Task.FromResult<HttpResponseMessage?>(busy);
        };
        using HttpFetcher fetcher = Fetcher();
        Fetched<string>? page = await GetText(fetcher);
        Assert.Equal("<html>ok</html>", page!.Value);
        Assert.Equal(2, _server.Count(Page));
    }

    [Fact]
    public async Task Gives_up_with_one_line_naming_the_url()
    {
        _server.Hook = (_, _) => Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(HttpStatusCode.InternalServerError));
        using HttpFetcher fetcher = Fetcher(retries: 2);
        InputException e = await Assert.ThrowsAsync<InputException>(() => GetText(fetcher));
        Assert.Equal($"index {Page}: HTTP 500 after 3 tries", e.Message);
    }

    [Theory]
    [InlineData(System.Net.Sockets.SocketError.HostNotFound, "host not found after 1 try", 1)]
    [InlineData(System.Net.Sockets.SocketError.ConnectionRefused, "connection refused after 3 tries", 3)]
    public async Task A_host_name_that_does_not_resolve_is_not_retried_unlike_a_refused_connection(System.Net.Sockets.SocketError error, string expected, int requests)
    {
        _server.Hook = (_, _) => throw new HttpRequestException("cannot connect (index.test:443)", new System.Net.Sockets.SocketException((int)error));
        using HttpFetcher fetcher = Fetcher(retries: 2);
        InputException e = await Assert.ThrowsAsync<InputException>(() => GetText(fetcher));
        Assert.Equal($"index {Page}: {expected}", e.Message);
        Assert.Equal(requests, fetcher.RequestCount);
    }

    [Fact]
    public void An_entry_shorter_than_its_header_says_reads_as_absent()
    {
        var cache = new HttpDiskCache(_cache);
        var entry = new HttpCacheEntry(Page, "text/html", "\"e1\"", null, DateTimeOffset.UnixEpoch, null, Encoding.UTF8.GetBytes("<html>" + new string('x', 500) + "</html>"));
        cache.Write("page", entry);
        Assert.Equal(entry.Body, cache.Read("page")!.Body);

        // What a crash between the write and its reaching the disk may leave (the cache does not fsync each entry).
        string file = Directory.EnumerateFiles(_cache, "*", SearchOption.AllDirectories).Single();
        byte[] data = File.ReadAllBytes(file);
        File.WriteAllBytes(file, data[..^100]);
        Assert.Null(cache.Read("page"));
    }

    [Fact]
    public async Task Falls_back_to_the_cached_copy_and_says_so()
    {
        _server.Add(Page, "<html>v1</html>", "text/html");
        using HttpFetcher fetcher = Fetcher(retries: 1);
        await GetText(fetcher);
        _server.Hook = (_, _) => Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(HttpStatusCode.BadGateway));
        Fetched<string>? stale = await GetText(fetcher);
        Assert.Equal("<html>v1</html>", stale!.Value);
        Assert.True(stale.Document.IsStale);
        Assert.Equal($"index {Page}: HTTP 502 after 2 tries", stale.Document.StaleReason);
    }

    [Fact]
    public async Task A_body_the_parser_rejects_is_not_cached_and_the_old_copy_stands_in()
    {
        _server.Add(Page, "good", "text/html");
        using HttpFetcher fetcher = Fetcher();
        static string Strict(HttpDocument d) => Encoding.UTF8.GetString(d.Body) is "good" ? "good" : throw new InputException("index: truncated");
        await fetcher.GetAsync(new Uri(Page), null, "index", Strict, TestContext.Current.CancellationToken);
        _server.Add(Page, "go", "text/html");
        Fetched<string>? result = await fetcher.GetAsync(new Uri(Page), null, "index", Strict, TestContext.Current.CancellationToken);
        Assert.Equal("good", result!.Value);
        Assert.Equal("index: truncated", result.Document.StaleReason);
    }

    [Fact]
    public async Task Times_out_and_says_so()
    {
        _server.Hook = async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            return null;
        };
        using HttpFetcher fetcher = Fetcher(retries: 1, timeout: TimeSpan.FromMilliseconds(50));
        InputException e = await Assert.ThrowsAsync<InputException>(() => GetText(fetcher));
        Assert.Equal($"index {Page}: no answer within 0.05s after 2 tries", e.Message);
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_retried()
    {
        _server.Add(Page, "<html>ok</html>", "text/html");
        _server.Hook = (_, seen) =>
        {
            if (seen > 1)
            {
                return Task.FromResult<HttpResponseMessage?>(null);
            }

            var cut = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("<html>")) };
            cut.Content.Headers.ContentLength = 100;
            return Task.FromResult<HttpResponseMessage?>(cut);
        };
        using HttpFetcher fetcher = Fetcher();
        Fetched<string>? page = await GetText(fetcher);
        Assert.Equal("<html>ok</html>", page!.Value);
        Assert.Equal(2, _server.Count(Page));
    }

    [Fact]
    public async Task Missing_documents_are_null()
    {
        using HttpFetcher fetcher = Fetcher();
        Assert.Null(await GetText(fetcher));
        _server.Hook = (_, _) => Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(HttpStatusCode.Forbidden));
        Assert.Null(await GetText(fetcher, "https://index.test/simple/other/"));
    }

    [Fact]
    public async Task Credentials_in_the_url_are_sent_and_never_shown()
    {
        _server.Hook = (_, _) => Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using HttpFetcher fetcher = Fetcher(retries: 0);
        InputException e = await Assert.ThrowsAsync<InputException>(() => GetText(fetcher, "https://alice:s%40cret@index.test/simple/torch/"));
        Assert.Equal($"index {Page}: HTTP 401 (credentials refused)", e.Message);
        Assert.DoesNotContain("cret", e.Message, StringComparison.Ordinal);
        string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s@cret"));
        Assert.Equal(expected, _server.Handler.Requests.Single().Authorization);
        Assert.Equal(Page, _server.Handler.Requests.Single().Uri.AbsoluteUri);

        // The same host's files get them too, as pip does.
        await Assert.ThrowsAsync<InputException>(() => GetText(fetcher, "https://index.test/files/a.whl"));
        Assert.Equal(expected, _server.Handler.Requests[^1].Authorization);
    }

    [Fact]
    public async Task Credentials_come_from_netrc()
    {
        string netrc = Path.Combine(Path.GetTempPath(), "headroom-netrc-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(netrc, "machine other.test login x password y\nmachine index.test\n  login bob\n  password \"p w\"\n", TestContext.Current.CancellationToken);
        try
        {
            _server.Add(Page, "<html></html>", "text/html");
            using HttpFetcher fetcher = Fetcher(netrc: netrc);
            await GetText(fetcher);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:p w")), _server.Handler.Requests.Single().Authorization);
        }
        finally
        {
            File.Delete(netrc);
        }
    }

    [Fact]
    public async Task Offline_reads_only_the_cache()
    {
        _server.Add(Page, "<html>v1</html>", "text/html");
        using (HttpFetcher online = Fetcher())
        {
            await GetText(online);
        }

        using HttpFetcher offline = Fetcher(offline: true);
        Assert.Equal("<html>v1</html>", (await GetText(offline))!.Value);
        InputException e = await Assert.ThrowsAsync<InputException>(() => GetText(offline, "https://index.test/simple/numpy/"));
        Assert.StartsWith("index https://index.test/simple/numpy/: not in the cache", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.Count(Page));
    }

    [Fact]
    public async Task Ranges_are_absolute_and_a_server_that_ignores_them_is_read_whole_only_when_small()
    {
        byte[] file = new byte[1000];
        new Random(1).NextBytes(file);
        const string url = "https://index.test/files/a.whl";
        _server.Add(url, file);
        using HttpFetcher fetcher = Fetcher();
        HttpRange? tail = await fetcher.GetRangeAsync(new Uri(url), 900, 999, 0, "wheel", TestContext.Current.CancellationToken);
        Assert.Equal(file[900..], tail!.Bytes);
        Assert.Equal(1000, tail.TotalLength);
        Assert.Equal("bytes=900-999", _server.Log.Single().Range);
        Assert.Equal(1000L, await fetcher.GetLengthAsync(new Uri(url), "wheel", TestContext.Current.CancellationToken));

        _server.HonourRanges = false;
        HttpRange? whole = await fetcher.GetRangeAsync(new Uri(url), 900, 999, 1000, "wheel", TestContext.Current.CancellationToken);
        Assert.True(whole!.IsWholeFile);
        Assert.Equal(file, whole.Bytes);
        Assert.Null(await fetcher.GetRangeAsync(new Uri(url), 900, 999, 999, "wheel", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_default_cache_folder_follows_xdg()
    {
        string? dir = HttpDiskCache.DefaultDirectory();
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string expectedRoot = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
        Assert.Equal(Path.Combine(expectedRoot, "headroom", "http"), dir);
    }
}
