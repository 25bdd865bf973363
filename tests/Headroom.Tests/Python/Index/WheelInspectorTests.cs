using System.Text;
using Headroom.Net;
using Headroom.Python;
using Headroom.Python.Index;

namespace Headroom.Tests.Python.Index;

public sealed class WheelInspectorTests : IDisposable
{
    private const string Url = "https://files.test/packages/demo-1.0-py3-none-any.whl";
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "headroom-wheel-" + Guid.NewGuid().ToString("N"));
    private readonly FakeIndexServer _server = new();

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private HttpFetcher Fetcher() => new(new HttpFetchOptions { CacheDirectory = _cache, MaxRetries = 0, NetrcPath = null }, _server.Handler);

    private static DistributionFile File(long? size, bool metadata = false) =>
        new("demo-1.0-py3-none-any.whl", new Uri(Url), "https://files.test/simple/", PythonVersion.Parse("1.0"), size, new Dictionary<string, string>(), null, false, metadata);

    private static byte[] BigWheel() => FakeIndexServer.Wheel(
        "demo",
        "1.0",
        "Requires-Dist: numpy>=2; python_version >= \"3.10\"\nRequires-Python: >=3.9",
        [.. Enumerable.Range(0, 300).Select(i => ($"demo/lib/part{i:000}.so", 9000 + i)), ("demo/big.bin", 400_000)]);

    [Fact]
    public async Task Reads_the_central_directory_and_metadata_with_ranges()
    {
        byte[] wheel = BigWheel();
        _server.Add(Url, wheel);
        using HttpFetcher fetcher = Fetcher();
        var inspector = new WheelInspector(fetcher) { InitialTail = 4096 };
        WheelInspection result = await inspector.InspectAsync(File(wheel.Length), TestContext.Current.CancellationToken);
        Assert.True(result.Reason is null, result.Reason);
        Assert.Equal(FakeIndexServer.InstalledSize(wheel), result.InstalledSize);
        CoreMetadata metadata = CoreMetadataParser.Parse(result.Metadata!, "m");
        Assert.Equal("numpy", metadata.RequiresDist.Single().Name);

        // The directory (bigger than the 4 KiB tail) costs one more range; METADATA one more. No request reads the whole file.
        Assert.All(_server.Log, r => Assert.Matches(@"^bytes=\d+-\d+$", r.Range));
        Assert.Equal(3, _server.Log.Count);
        Assert.True(_server.Log.Sum(r => Length(r.Range!)) < wheel.Length / 4);
    }

    [Fact]
    public async Task Without_a_size_it_asks_with_head_first_and_the_cache_answers_next_time()
    {
        byte[] wheel = BigWheel();
        _server.Add(Url, wheel);
        using (HttpFetcher fetcher = Fetcher())
        {
            var inspector = new WheelInspector(fetcher);
            Assert.Equal(FakeIndexServer.InstalledSize(wheel), (await inspector.InspectAsync(File(null), TestContext.Current.CancellationToken)).InstalledSize);
            Assert.Null(_server.Log[0].Range);
            Assert.Equal(wheel.Length, await inspector.GetSizeAsync(File(null), TestContext.Current.CancellationToken));
        }

        int before = _server.Log.Count;
        using HttpFetcher warm = Fetcher();
        var again = new WheelInspector(warm);
        WheelInspection cached = await again.InspectAsync(File(null), TestContext.Current.CancellationToken);
        Assert.Equal(FakeIndexServer.InstalledSize(wheel), cached.InstalledSize);
        Assert.Equal(wheel.Length, await again.GetSizeAsync(File(null), TestContext.Current.CancellationToken));
        Assert.Equal(before, _server.Log.Count);
    }

    [Fact]
    public async Task Pep658_metadata_is_preferred()
    {
        _server.Add(Url + ".metadata", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: six\n", "text/plain");
        using HttpFetcher fetcher = Fetcher();
        var inspector = new WheelInspector(fetcher);
        (CoreMetadata? metadata, string? reason) = await inspector.GetMetadataAsync(File(100, metadata: true), TestContext.Current.CancellationToken);
        Assert.Null(reason);
        Assert.Equal("six", metadata!.RequiresDist.Single().Name);
        Assert.Equal([Url + ".metadata"], _server.Log.Select(l => l.Url));
    }

    [Fact]
    public async Task A_server_that_ignores_ranges_is_read_whole_only_for_small_files()
    {
        byte[] wheel = BigWheel();
        _server.Add(Url, wheel);
        _server.HonourRanges = false;
        using HttpFetcher fetcher = Fetcher();
        WheelInspection small = await new WheelInspector(fetcher) { MaxWholeDownload = wheel.Length }.InspectAsync(File(wheel.Length), TestContext.Current.CancellationToken);
        Assert.Equal(FakeIndexServer.InstalledSize(wheel), small.InstalledSize);

        using HttpFetcher other = new(new HttpFetchOptions { CacheDirectory = null, MaxRetries = 0, NetrcPath = null }, _server.Handler);
        WheelInspection large = await new WheelInspector(other) { MaxWholeDownload = 1000 }.InspectAsync(File(wheel.Length), TestContext.Current.CancellationToken);
        Assert.Null(large.InstalledSize);
        Assert.Equal($"wheel {Url}: the server ignores Range requests and the wheel is {wheel.Length} bytes, more than the 1000 read whole", large.Reason);
    }

    [Fact]
    public async Task A_corrupt_directory_gives_null_and_the_reason()
    {
        byte[] wheel = BigWheel();
        int cd = LastIndexOf(wheel, "PK\u0001\u0002"u8.ToArray());
        wheel[cd] = (byte)'X';
        _server.Add(Url, wheel);
        using HttpFetcher fetcher = Fetcher();
        WheelInspection result = await new WheelInspector(fetcher).InspectAsync(File(wheel.Length), TestContext.Current.CancellationToken);
        Assert.Null(result.InstalledSize);
        Assert.StartsWith($"wheel {Url}: corrupt zip: ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_a_zip_at_all_gives_null_and_the_reason()
    {
        _server.Add(Url, Encoding.UTF8.GetBytes(new string('x', 5000)));
        using HttpFetcher fetcher = Fetcher();
        WheelInspection result = await new WheelInspector(fetcher).InspectAsync(File(5000), TestContext.Current.CancellationToken);
        Assert.Null(result.InstalledSize);
        Assert.StartsWith($"wheel {Url}: corrupt zip: ", result.Reason, StringComparison.Ordinal);
    }

    private static long Length(string range)
    {
        string[] parts = range["bytes=".Length..].Split('-');
        return long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    private static int LastIndexOf(byte[] data, byte[] pattern)
    {
        for (int i = data.Length - pattern.Length; i >= 0; i--)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        return -1;
    }
}
