using System.Net;
using System.Text;
using Headroom.Apt;
using Headroom.Diagnostics;
using Headroom.Tests.Images;
using Headroom.Tests.Images.Remote;

namespace Headroom.Tests.Apt;

public sealed class HttpAptFetcherTests
{
    private static readonly Uri Url = new("http://mirror.test/debian/dists/bookworm/main/binary-amd64/Packages");

    private static string ReadAll(Stream? stream)
    {
        Assert.NotNull(stream);
        using (stream)
        {
            return new StreamReader(stream).ReadToEnd();
        }
    }

    [Fact]
    public async Task Caches_by_url_and_revalidates_with_if_modified_since()
    {
        using var dir = new TempDir();
        var modified = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        int bodies = 0;
        var handler = new FakeHttpHandler(request =>
        {
            if (request.Headers.IfModifiedSince == modified)
            {
                return new HttpResponseMessage(HttpStatusCode.NotModified);
            }

            bodies++;
            HttpResponseMessage ok = FakeHttpHandler.Bytes(Encoding.UTF8.GetBytes("Package: a\nVersion: 1\n"));
            ok.Content.Headers.LastModified = modified;
            return ok;
        });
        using var fetcher = new HttpAptFetcher(dir.Path, handler) { MaxAge = TimeSpan.Zero };
        Assert.Equal("Package: a\nVersion: 1\n", ReadAll(await fetcher.OpenAsync(Url, TestContext.Current.CancellationToken)));
        Assert.Equal("Package: a\nVersion: 1\n", ReadAll(await fetcher.OpenAsync(Url, TestContext.Current.CancellationToken)));
        Assert.Equal(1, bodies);
        Assert.Equal(2, handler.Requests.Count);

        // Within MaxAge the cache answers alone; offline too.
        using var fresh = new HttpAptFetcher(dir.Path, handler);
        Assert.Equal("Package: a\nVersion: 1\n", ReadAll(await fresh.OpenAsync(Url, TestContext.Current.CancellationToken)));
        using var offline = new HttpAptFetcher(dir.Path, handler) { Offline = true };
        Assert.Equal("Package: a\nVersion: 1\n", ReadAll(await offline.OpenAsync(Url, TestContext.Current.CancellationToken)));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Not_found_is_null_and_failures_name_the_url()
    {
        using var dir = new TempDir();
        var handler = new FakeHttpHandler(request => request.RequestUri!.AbsolutePath.EndsWith(".gz", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var fetcher = new HttpAptFetcher(dir.Path, handler);
        Assert.Null(await fetcher.OpenAsync(new Uri(Url + ".gz"), TestContext.Current.CancellationToken));
        InputException e = await Assert.ThrowsAsync<InputException>(() => fetcher.OpenAsync(Url, TestContext.Current.CancellationToken));
        Assert.Equal($"{Url}: HTTP 503 Service Unavailable", e.Message);

        using var offline = new HttpAptFetcher(dir.Path, handler) { Offline = true };
        InputException missing = await Assert.ThrowsAsync<InputException>(() => offline.OpenAsync(Url, TestContext.Current.CancellationToken));
        Assert.StartsWith($"{Url}: not in the cache", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_failure_falls_back_to_the_cached_copy_and_says_so()
    {
        using var dir = new TempDir();
        bool down = false;
        var handler = new FakeHttpHandler(_ => down
            ? throw new HttpRequestException("connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))
            : FakeHttpHandler.Bytes(Encoding.UTF8.GetBytes("cached")));
        using var fetcher = new HttpAptFetcher(dir.Path, handler) { MaxAge = TimeSpan.Zero };
        Assert.Equal("cached", ReadAll(await fetcher.OpenAsync(Url, TestContext.Current.CancellationToken)));
        down = true;
        Assert.Equal("cached", ReadAll(await fetcher.OpenAsync(Url, TestContext.Current.CancellationToken)));
        string warning = Assert.Single(fetcher.Warnings);
        Assert.StartsWith($"{Url}: connection refused; using the copy cached ", warning, StringComparison.Ordinal);

        InputException e = await Assert.ThrowsAsync<InputException>(() => fetcher.OpenAsync(new Uri("http://mirror.test/other"), TestContext.Current.CancellationToken));
        Assert.Equal("http://mirror.test/other: connection refused", e.Message);
    }

    [Fact]
    public async Task The_loader_falls_back_from_gz_to_plain_and_skips_missing_optional_suites()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/debian/dists/bookworm/main/binary-amd64/Packages"] = "Package: a\nVersion: 1\nArchitecture: amd64\n",
            ["/debian-security/dists/bookworm-security/main/binary-amd64/Packages"] = "Package: a\nVersion: 2\nArchitecture: amd64\n",
        };
        var fetcher = new DictionaryFetcher(files);
        var read = new List<Uri>();
        var skipped = new List<string>();
        AptPackageIndex index = await AptIndexLoader.LoadAsync(AptDistribution.Find("debian", "12")!, "amd64", fetcher, read, skipped, TestContext.Current.CancellationToken);
        Assert.Equal("2", index.Candidate("a")!.Version.Text);
        Assert.Equal(2, read.Count);
        Assert.Equal(["bookworm-updates/main"], skipped);

        files.Remove("/debian/dists/bookworm/main/binary-amd64/Packages");
        InputException e = await Assert.ThrowsAsync<InputException>(() => AptIndexLoader.LoadAsync(AptDistribution.Find("debian", "bookworm")!, "amd64", fetcher, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("http://deb.debian.org/debian/dists/bookworm/main/binary-amd64/Packages.gz: not found on the mirror (debian 12 (bookworm) amd64)", e.Message);
    }

    private sealed class DictionaryFetcher(Dictionary<string, string> files) : IAptFetcher
    {
        public Task<Stream?> OpenAsync(Uri uri, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(files.TryGetValue(uri.AbsolutePath, out string? text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null);
    }
}
