using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Headroom.Diagnostics;
using Headroom.Net;
using Headroom.Python;
using Headroom.Python.Index;

namespace Headroom.Tests.Integration;

/// <summary>The index clients against the loopback index of tests/integration/pyindex (real wheels, real HTTP).</summary>
public sealed class PyIndexIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>, IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "headroom-pyindex-" + Guid.NewGuid().ToString("N"));
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The base URL with a fault prefix that makes every path (and its request counts) unique to this test.</summary>
    private string Base(string faults = "")
    {
        (Uri url, _) = fixture.Environment.RequirePyIndex();
        return $"{url}_f/{faults}{(faults.Length > 0 ? "," : string.Empty)}id={_id}/";
    }

    private string Wheels => Path.Combine(fixture.Environment.RequirePyIndex().Wheels, "files");

    private HttpFetcher Fetcher(int retries = 2, TimeSpan? timeout = null) => new(new HttpFetchOptions
    {
        CacheDirectory = _cache,
        MinFreshness = TimeSpan.Zero,
        MaxRetries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(20),
        NetrcPath = null,
    });

    private async Task<Dictionary<string, int>> Stats()
    {
        (Uri url, _) = fixture.Environment.RequirePyIndex();
        using var http = new HttpClient();
        string json = await http.GetStringAsync(new Uri(url, "_stats"), Ct);
        return JsonSerializer.Deserialize<Dictionary<string, int>>(json)!;
    }

    private int Count(Dictionary<string, int> stats, string pathUnderBase) =>
        stats.GetValueOrDefault($"/_f/id={_id}/{pathUnderBase}");

    private static long ZipSum(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        return zip.Entries.Sum(e => e.Length);
    }

    [Fact]
    public async Task Json_and_html_pages_give_urls_hashes_sizes_and_flags()
    {
        using HttpFetcher fetcher = Fetcher();
        var index = new PackageIndex(IndexConfiguration.ForPip(Base() + "pypi/simple/", [Base() + "cpu/simple/"]), fetcher);
        IReadOnlyList<DistributionFile> torch = await index.GetFilesAsync("Torch", Ct);
        Assert.Equal(["2.6.0", "2.7.1", "2.6.0+cpu"], torch.Select(f => f.Version!.ToString()));

        DistributionFile cuda = torch[0];
        string local = Path.Combine(Wheels, cuda.Filename);
        Assert.Equal(Base() + "pypi/files/" + cuda.Filename, cuda.Url.AbsoluteUri);
        Assert.Equal(new FileInfo(local).Length, cuda.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(local, Ct))), cuda.Hashes["sha256"]);
        Assert.Equal(">=3.9.0", cuda.RequiresPython);
        Assert.True(cuda.HasCoreMetadata);

        DistributionFile cpu = torch[2];
        (Uri root, _) = fixture.Environment.RequirePyIndex();
        Assert.Equal(root + "cpu/files/torch-2.6.0%2Bcpu-cp312-cp312-linux_x86_64.whl", cpu.Url.AbsoluteUri);
        Assert.Null(cpu.Size);
        Assert.Equal(">=3.9.0", cpu.RequiresPython);
        Assert.True(cpu.HasCoreMetadata);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Wheels, cpu.Filename), Ct))), cpu.Hashes["sha256"]);

        IReadOnlyList<DistributionFile> numpy = await index.GetFilesAsync("numpy", Ct);
        Assert.Equal(["1.26.4", "2.2.5", "2.2.6", "1.26.4"], numpy.Select(f => f.Version!.ToString()));
        Assert.Equal([false, true, false, false], numpy.Select(f => f.Yanked));
        Assert.Equal(">=3.10", numpy[2].RequiresPython);

        // markupsafe is not on the S3-like CPU index, which answers 403: not an error.
        Assert.Single(await index.GetFilesAsync("MarkupSafe", Ct));
    }

    [Fact]
    public async Task Metadata_comes_from_pep658_files_without_touching_the_wheel()
    {
        using HttpFetcher fetcher = Fetcher();
        // The size prefetch (on for predictions: a range request for the zip directory once the metadata is read) is
        // off here, so that the metadata path alone is seen.
        var index = new PackageIndex(IndexConfiguration.ForPip(Base() + "pypi/simple/"), fetcher) { PrefetchInstalledSizes = false };
        DistributionFile torch = (await index.GetFilesAsync("torch", Ct)).First(f => f.Version == PythonVersion.Parse("2.6.0"));
        CoreMetadata metadata = (await index.GetMetadataAsync(torch, Ct))!;
        Assert.Equal("torch", metadata.Name);
        Requirement cudnn = metadata.RequiresDist.Single(r => r.Name == "nvidia-cudnn-cu12");
        Assert.Equal("==9.1.0.70", cudnn.Specifier.ToString());
        Assert.True(cudnn.AppliesTo(new MarkerEnvironment()));
        Assert.False(cudnn.AppliesTo(new MarkerEnvironment { PlatformMachine = "aarch64" }));
        Assert.Equal(["opt-einsum", "optree"], metadata.ProvidesExtra);

        Dictionary<string, int> stats = await Stats();
        Assert.Equal(1, Count(stats, $"pypi/files/{torch.Filename}.metadata"));
        Assert.Equal(0, Count(stats, $"pypi/files/{torch.Filename}"));
    }

    [Fact]
    public async Task Installed_size_from_ranges_equals_the_zip_sum()
    {
        using HttpFetcher fetcher = Fetcher();
        var index = new PackageIndex(IndexConfiguration.ForPip(Base() + "plain/simple/"), fetcher);
        DistributionFile numpy = (await index.GetFilesAsync("numpy", Ct)).Single();
        Assert.False(numpy.HasCoreMetadata);
        Assert.Null(numpy.Size);
        Assert.Equal(ZipSum(Path.Combine(Wheels, numpy.Filename)), await index.GetInstalledSizeAsync(numpy, Ct));
        Assert.Equal(new FileInfo(Path.Combine(Wheels, numpy.Filename)).Length, await index.GetDownloadSizeAsync(numpy, Ct));
        CoreMetadata metadata = (await index.GetMetadataAsync(numpy, Ct))!;
        Assert.Equal("1.26.4", metadata.Version.ToString());
        Assert.Equal(">=3.9", metadata.RequiresPython.ToString());

        // The big one too, over PyPI-like JSON listing sizes.
        var pypi = new PackageIndex(IndexConfiguration.ForPip(Base() + "pypi/simple/"), fetcher);
        DistributionFile torch = (await pypi.GetFilesAsync("torch", Ct)).First(f => f.Version == PythonVersion.Parse("2.7.1"));
        Assert.Equal(ZipSum(Path.Combine(Wheels, torch.Filename)), await pypi.GetInstalledSizeAsync(torch, Ct));
        Assert.Empty(index.Notices);
        Assert.Empty(pypi.Notices);
    }

    [Fact]
    public async Task Pypi_json_api_gives_sizes_the_listing_lacks()
    {
        using HttpFetcher fetcher = Fetcher();
        var index = new PackageIndex(IndexConfiguration.ForPip(Base() + "pypi/simple/"), fetcher);
        DistributionFile listed = (await index.GetFilesAsync("torch", Ct)).First(f => f.Version == PythonVersion.Parse("2.6.0"));
        DistributionFile unsized = listed with { Size = null };
        Assert.Equal(listed.Size, await index.GetDownloadSizeAsync(unsized, Ct));
        Assert.Equal(1, Count(await Stats(), "pypi/pypi/torch/2.6.0/json"));
    }

    [Fact]
    public async Task A_server_that_ignores_ranges_is_read_whole_only_when_small()
    {
        using HttpFetcher fetcher = Fetcher();
        var index = new PackageIndex(IndexConfiguration.ForPip(Base() + "norange/simple/"), fetcher, new WheelInspector(fetcher) { MaxWholeDownload = 1_000_000 });
        DistributionFile filelock = (await index.GetFilesAsync("filelock", Ct)).Single();
        Assert.Equal(ZipSum(Path.Combine(Wheels, filelock.Filename)), await index.GetInstalledSizeAsync(filelock, Ct));

        DistributionFile cudnn = (await index.GetFilesAsync("nvidia-cudnn-cu12", Ct)).Single();
        Assert.Null(await index.GetInstalledSizeAsync(cudnn, Ct));
        Assert.Contains(index.Notices, n => n.Contains("the server ignores Range requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupt_zip_directory_gives_null_and_says_why()
    {
        using HttpFetcher fetcher = Fetcher();
        var index = new PackageIndex(IndexConfiguration.ForPip(Base() + "plain/simple/"), fetcher);
        DistributionFile broken = (await index.GetFilesAsync("broken", Ct)).Single();
        Assert.Null(await index.GetInstalledSizeAsync(broken, Ct));
        Assert.Null(await index.GetMetadataAsync(broken, Ct));
        Assert.Contains(index.Notices, n => n.StartsWith($"wheel {broken.Url}: corrupt zip: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cache_revalidates_pages()
    {
        Uri page = new(Base() + "pypi/simple/torch/");
        using (HttpFetcher first = Fetcher())
        {
            Assert.False((await first.GetAsync(page, SimplePageParser.Accept, "index", d => d, Ct))!.Document.FromCache);
        }

        using HttpFetcher second = Fetcher();
        Fetched<SimpleProjectPage>? again = await second.GetAsync(page, SimplePageParser.Accept, "index", d => SimplePageParser.Parse(d, "torch", "x"), Ct);
        Assert.True(again!.Document.FromCache);
        Assert.Equal(2, again.Value.Files.Count);
        Assert.Equal(2, Count(await Stats(), "pypi/simple/torch/"));
    }

    [Fact]
    public async Task Retries_on_500_and_429()
    {
        using HttpFetcher fetcher = Fetcher(retries: 2);
        var index = new PackageIndex(IndexConfiguration.ForPip(Base("500x2") + "pypi/simple/", [Base("429x1,ra=0") + "cpu/simple/"]), fetcher);
        Assert.Equal(3, (await index.GetFilesAsync("torch", Ct)).Count);
        Dictionary<string, int> stats = await Stats();
        Assert.Equal(3, stats[$"/_f/500x2,id={_id}/pypi/simple/torch/"]);
        Assert.Equal(2, stats[$"/_f/429x1,ra=0,id={_id}/cpu/simple/torch/"]);
    }

    [Fact]
    public async Task Persistent_500_is_one_line_naming_the_url()
    {
        using HttpFetcher fetcher = Fetcher(retries: 2);
        var index = new PackageIndex(IndexConfiguration.ForPip(Base("500x9") + "pypi/simple/"), fetcher);
        InputException e = await Assert.ThrowsAsync<InputException>(() => index.GetFilesAsync("torch", Ct));
        Assert.Equal($"index {Base("500x9")}pypi/simple/torch/: HTTP 500 after 3 tries", e.Message);
    }

    [Theory]
    [InlineData("pypi", "invalid JSON")]
    [InlineData("cpu", "truncated HTML")]
    public async Task Truncated_pages_are_clear_errors(string name, string expected)
    {
        using HttpFetcher fetcher = Fetcher();
        var index = new PackageIndex(IndexConfiguration.ForPip(Base("trunc") + $"{name}/simple/"), fetcher);
        InputException e = await Assert.ThrowsAsync<InputException>(() => index.GetFilesAsync("torch", Ct));
        Assert.StartsWith($"index {Base("trunc")}{name}/simple/torch/: {expected}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_cut_short_is_retried_then_reported()
    {
        using HttpFetcher fetcher = Fetcher(retries: 1);
        var index = new PackageIndex(IndexConfiguration.ForPip(Base("cut") + "pypi/simple/"), fetcher);
        InputException e = await Assert.ThrowsAsync<InputException>(() => index.GetFilesAsync("torch", Ct));
        Assert.StartsWith($"index {Base("cut")}pypi/simple/torch/: ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("after 2 tries", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_index_times_out()
    {
        using HttpFetcher fetcher = Fetcher(retries: 0, timeout: TimeSpan.FromMilliseconds(300));
        var index = new PackageIndex(IndexConfiguration.ForPip(Base("hang") + "pypi/simple/"), fetcher);
        InputException e = await Assert.ThrowsAsync<InputException>(() => index.GetFilesAsync("torch", Ct));
        Assert.Equal($"index {Base("hang")}pypi/simple/torch/: no answer within 0.3s after 1 try", e.Message);
    }

    [Fact]
    public async Task Pip_can_bring_cuda_torch_through_an_extra_cpu_index_and_uv_does_not()
    {
        using HttpFetcher fetcher = Fetcher();
        string pypi = Base() + "pypi/simple/";
        string cpu = Base() + "cpu/simple/";
        var pip = new PackageIndex(IndexConfiguration.ForPip(pypi, [cpu]), fetcher);
        IReadOnlyList<DistributionFile> pool = await pip.GetFilesAsync("torch", Ct);

        // Unpinned, pip's best version is PyPI's 2.7.1, whose metadata pulls the CUDA stack.
        DistributionFile best = pool.MaxBy(f => f.Version)!;
        Assert.Equal("2.7.1", best.Version!.ToString());
        CoreMetadata cuda = (await pip.GetMetadataAsync(best, Ct))!;
        Assert.Contains(cuda.RequiresDist, r => r.Name.StartsWith("nvidia-", StringComparison.Ordinal) && r.AppliesTo(new MarkerEnvironment()));

        // torch==2.6.0 matches 2.6.0+cpu, which sorts above 2.6.0: no nvidia-* at all.
        SpecifierSet pin = SpecifierSet.Parse("==2.6.0");
        DistributionFile pinned = pool.Where(f => pin.Contains(f.Version!)).MaxBy(f => f.Version)!;
        Assert.Equal("2.6.0+cpu", pinned.Version!.ToString());
        CoreMetadata cpuMetadata = (await pip.GetMetadataAsync(pinned, Ct))!;
        Assert.DoesNotContain(cpuMetadata.RequiresDist, r => r.Name.StartsWith("nvidia-", StringComparison.Ordinal) || r.Name == "triton");

        // uv (first-index, --extra-index-url first): only the CPU index's torch is a candidate.
        var uv = new PackageIndex(IndexConfiguration.ForUv(defaultIndex: pypi, extraIndexUrls: [cpu]), fetcher);
        Assert.Equal(["2.6.0+cpu"], (await uv.GetFilesAsync("torch", Ct)).Select(f => f.Version!.ToString()));
        var unsafeBest = new PackageIndex(IndexConfiguration.ForUv(IndexStrategy.UvUnsafeBestMatch, pypi, [cpu]), fetcher);
        Assert.Equal("2.7.1", (await unsafeBest.GetFilesAsync("torch", Ct)).Max(f => f.Version)!.ToString());
    }

    [Fact]
    public async Task Find_links_pages_add_files()
    {
        using HttpFetcher fetcher = Fetcher();
        var index = new PackageIndex(IndexConfiguration.ForPip(null, findLinks: [Base() + "plain/links/"], noIndex: true), fetcher);
        DistributionFile filelock = (await index.GetFilesAsync("filelock", Ct)).Single();
        Assert.Equal(Base() + "plain/files/" + filelock.Filename, filelock.Url.AbsoluteUri);
        Assert.Equal(["0.9.1"], (await index.GetFilesAsync("legacy_tool", Ct)).Select(f => f.Version!.ToString()));
    }
}
