using System.Net;
using System.Text;
using Headroom.Diagnostics;
using Headroom.Images.Remote;

namespace Headroom.Tests.Images.Remote;

public sealed class BaseImageSizerTests
{
    private static readonly string Manifest = $$"""
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:{{new string('a', 64)}}","size":100},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:{{new string('b', 64)}}","size":1000},
                   {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:{{new string('c', 64)}}","size":234}]}
        """;

    private static RegistryClient Client(FakeHttpHandler handler) =>
        new(new RegistryClientOptions { Credentials = StaticCredentialProvider.None, MaxRetries = 0, RetryDelay = TimeSpan.Zero }, handler);

    [Fact]
    public async Task Compressed_bytes_come_from_the_manifest_and_uncompressed_from_the_table()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, Manifest, "application/vnd.oci.image.manifest.v1+json"));
        using RegistryClient client = Client(handler);
        BaseImageSizeResult result = await new BaseImageSizer(client).SizeAsync("python:3.12-slim-bookworm", null, TestContext.Current.CancellationToken);
        Assert.True(result.FromRegistry);
        Assert.Equal(1234, result.CompressedBytes);
        Assert.Equal(124_300_000, result.UncompressedBytes);
        Assert.False(result.UncompressedExact);
        Assert.Equal("python:3.12-slim-bookworm", result.Knowledge!.Name);
        Assert.Contains("uncompressed bytes from embedded knowledge", result.Source, StringComparison.Ordinal);
        Assert.Equal("https://registry-1.docker.io/v2/library/python/manifests/3.12-slim-bookworm", handler.Requests.Single().Uri.ToString());
    }

    [Fact]
    public async Task A_registry_failure_falls_back_to_the_table_and_says_so()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using RegistryClient client = Client(handler);
        var sizer = new BaseImageSizer(client);
        BaseImageSizeResult result = await sizer.SizeAsync("python:3.12-slim-bookworm", ImagePlatform.Parse("linux/arm64"), TestContext.Current.CancellationToken);
        Assert.False(result.FromRegistry);
        Assert.Equal(45_088_091, result.CompressedBytes);
        Assert.StartsWith("registry docker.io: ", result.Notes[0], StringComparison.Ordinal);
        Assert.EndsWith("; using embedded knowledge", result.Notes[0], StringComparison.Ordinal);
        Assert.StartsWith("embedded knowledge: docker-library/repo-info", result.Source, StringComparison.Ordinal);

        InputException unknown = await Assert.ThrowsAsync<InputException>(() => sizer.SizeAsync("example.com/team/app:1", null, TestContext.Current.CancellationToken));
        Assert.StartsWith("example.com/team/app:1: registry example.com: ", unknown.Message, StringComparison.Ordinal);
        Assert.EndsWith("and the embedded base-image table does not know this image", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_resolved_within_the_freshness_window_is_not_asked_again()
    {
        string cache = Path.Combine(Path.GetTempPath(), "headroom-base-" + Guid.NewGuid().ToString("N"));
        try
        {
            var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, Manifest, "application/vnd.oci.image.manifest.v1+json"));
            using RegistryClient client = Client(handler);
            string digest = Digests.Sha256(Encoding.UTF8.GetBytes(Manifest));
            BaseImageSizeCache.Write(cache, digest, new BaseImageSizeResult(string.Empty, "linux/amd64", null, 5_000_000, true, true, null, null, string.Empty, []) { Python = "3.12.7" });
            var clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
            var sizer = new BaseImageSizer(client, new BaseImageSizerOptions { MeasureLayers = true, CacheDirectory = cache, TagFreshness = TimeSpan.FromMinutes(10), Time = clock });

            BaseImageSizeResult first = await sizer.SizeAsync("python:3.12-slim-bookworm", null, TestContext.Current.CancellationToken);
            Assert.Single(handler.Requests);
            Assert.True(first.FromCache);

            clock.Now += TimeSpan.FromMinutes(9);
            BaseImageSizeResult second = await sizer.SizeAsync("python:3.12-slim-bookworm", null, TestContext.Current.CancellationToken);
            Assert.Single(handler.Requests);
            Assert.Equal((5_000_000L, 1234L, digest, "3.12.7"), (second.UncompressedBytes!.Value, second.CompressedBytes!.Value, second.Digest, second.Python));
            Assert.True(second.FromRegistry);
            Assert.Contains("not asked again within 10 min", second.Source, StringComparison.Ordinal);

            // Another platform is another question.
            await sizer.SizeAsync("python:3.12-slim-bookworm", ImagePlatform.Parse("linux/arm64"), TestContext.Current.CancellationToken);
            Assert.Equal(2, handler.Requests.Count);

            clock.Now += TimeSpan.FromMinutes(2);
            await sizer.SizeAsync("python:3.12-slim-bookworm", null, TestContext.Current.CancellationToken);
            Assert.Equal(3, handler.Requests.Count);

            // Without a window every run asks.
            var always = new BaseImageSizer(client, new BaseImageSizerOptions { MeasureLayers = true, CacheDirectory = cache, Time = clock });
            await always.SizeAsync("python:3.12-slim-bookworm", null, TestContext.Current.CancellationToken);
            Assert.Equal(4, handler.Requests.Count);
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    [Fact]
    public void A_damaged_tag_entry_reads_as_absent()
    {
        string cache = Path.Combine(Path.GetTempPath(), "headroom-base-" + Guid.NewGuid().ToString("N"));
        try
        {
            var entry = new BaseImageTagEntry("sha256:" + new string('d', 64), "sha256:" + new string('e', 64), 42, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
            BaseImageSizeCache.WriteTag(cache, "docker.io/library/python:3.12-slim|linux/amd64", entry);
            Assert.Equal(entry, BaseImageSizeCache.ReadTag(cache, "docker.io/library/python:3.12-slim|linux/amd64"));
            Assert.Null(BaseImageSizeCache.ReadTag(cache, "docker.io/library/python:3.13-slim|linux/amd64"));
            foreach (string file in Directory.EnumerateFiles(Path.Combine(cache, "tags")))
            {
                File.WriteAllText(file, "{\"version\":");
            }

            Assert.Null(BaseImageSizeCache.ReadTag(cache, "docker.io/library/python:3.12-slim|linux/amd64"));
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Offline_reads_only_the_table_and_marks_estimates()
    {
        var sizer = new BaseImageSizer(null, new BaseImageSizerOptions { Offline = true });
        BaseImageSizeResult result = await sizer.SizeAsync("python:3.11.9-slim-bookworm", null, TestContext.Current.CancellationToken);
        Assert.False(result.FromRegistry);
        Assert.Equal("3.11.9", result.Knowledge!.PythonVersion);
        Assert.Contains("(estimate)", result.Source, StringComparison.Ordinal);
        Assert.Contains("sized as python:3.11-slim-bookworm", Assert.Single(result.Notes), StringComparison.Ordinal);

        InputException e = await Assert.ThrowsAsync<InputException>(() => sizer.SizeAsync("python:3.12-slim", ImagePlatform.Parse("linux/s390x"), TestContext.Current.CancellationToken));
        Assert.Equal("python:3.12-slim: working offline, and the embedded base-image table has no size for linux/s390x", e.Message);
        InputException bad = await Assert.ThrowsAsync<InputException>(() => sizer.SizeAsync("Bad Ref", null, TestContext.Current.CancellationToken));
        Assert.StartsWith("Bad Ref: invalid image reference", bad.Message, StringComparison.Ordinal);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
