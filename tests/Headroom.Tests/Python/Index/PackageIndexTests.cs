using Headroom.Diagnostics;
using Headroom.Net;
using Headroom.Python;
using Headroom.Python.Index;

namespace Headroom.Tests.Python.Index;

public sealed class PackageIndexTests
{
    private const string PyPI = "https://pypi.test/simple/";
    private const string Cpu = "https://torch.test/whl/cpu/";
    private readonly FakeIndexServer _server = new();

    public PackageIndexTests()
    {
        _server.Add(PyPI + "torch/", """
            {"meta":{"api-version":"1.1"},"name":"torch","versions":["2.6.0","2.7.1"],"files":[
             {"filename":"torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl","url":"https://files.test/torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl","hashes":{},"size":766},
             {"filename":"torch-2.7.1-cp312-cp312-manylinux_2_28_x86_64.whl","url":"https://files.test/torch-2.7.1-cp312-cp312-manylinux_2_28_x86_64.whl","hashes":{},"size":821}]}
            """, "application/vnd.pypi.simple.v1+json");
        _server.Add(PyPI + "numpy/", """{"meta":{"api-version":"1.0"},"files":[{"filename":"numpy-2.2.6-cp312-cp312-manylinux1_x86_64.whl","url":"n.whl","hashes":{}}]}""", "application/vnd.pypi.simple.v1+json");
        _server.Add(Cpu + "torch/", """<html><body><a href="/whl/cpu/torch-2.6.0%2Bcpu-cp312-cp312-linux_x86_64.whl#sha256=aa">torch-2.6.0+cpu-cp312-cp312-linux_x86_64.whl</a></body></html>""", "text/html");
        _server.Add(Cpu + "numpy/", """<html><body><a href="/whl/numpy-1.26.4-cp312-cp312-manylinux1_x86_64.whl">n</a></body></html>""", "text/html");
    }

    private PackageIndex Index(IndexConfiguration configuration) =>
        new(configuration, new HttpFetcher(new HttpFetchOptions { CacheDirectory = null, MaxRetries = 0, NetrcPath = null }, _server.Handler));

    private static string[] Versions(IReadOnlyList<DistributionFile> files) => [.. files.Select(f => f.Version!.ToString())];

    [Fact]
    public async Task Pip_pools_every_index_so_the_best_version_may_be_cuda_torch_from_pypi()
    {
        PackageIndex index = Index(IndexConfiguration.ForPip(PyPI, [Cpu]));
        IReadOnlyList<DistributionFile> files = await index.GetFilesAsync("torch", TestContext.Current.CancellationToken);
        Assert.Equal(["2.6.0", "2.7.1", "2.6.0+cpu"], Versions(files));

        // What pip then does with the pool: the best version wins wherever it is...
        Assert.Equal("2.7.1", files.Max(f => f.Version)!.ToString());
        Assert.Equal(PyPI, files.MaxBy(f => f.Version)!.IndexUrl);

        // ...and `torch==2.6.0` matches 2.6.0+cpu, which sorts above 2.6.0.
        SpecifierSet pin = SpecifierSet.Parse("==2.6.0");
        Assert.Equal("2.6.0+cpu", files.Where(f => pin.Contains(f.Version!)).Max(f => f.Version)!.ToString());
    }

    [Fact]
    public async Task Reading_a_wheels_metadata_starts_reading_its_installed_size()
    {
        const string url = "https://files.test/demo-1.0-py3-none-any.whl";
        byte[] wheel = FakeIndexServer.Wheel("demo", "1.0", "Requires-Dist: six", ("demo/data.bin", 5000));
        _server.Add(url, wheel);
        _server.Add(url + ".metadata", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: six\n", "text/plain");
        var ranged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Hook = (request, _) =>
        {
            if (request.RequestUri!.AbsoluteUri == url && request.Headers.Range is not null)
            {
                ranged.TrySetResult();
            }

            return Task.FromResult<HttpResponseMessage?>(null);
        };
        var file = new DistributionFile("demo-1.0-py3-none-any.whl", new Uri(url), PyPI, PythonVersion.Parse("1.0"), wheel.Length, new Dictionary<string, string>(), null, false, true);

        // Off: the metadata file alone.
        var quiet = new PackageIndex(IndexConfiguration.ForPip(PyPI, []), new HttpFetcher(new HttpFetchOptions { CacheDirectory = null, MaxRetries = 0, NetrcPath = null }, _server.Handler)) { PrefetchInstalledSizes = false };
        Assert.NotNull(await quiet.GetMetadataAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal([url + ".metadata"], _server.Log.Select(l => l.Url));

        // On (the default): the zip directory is read without being asked for, and that read answers the size.
        PackageIndex index = Index(IndexConfiguration.ForPip(PyPI, []));
        Assert.True(index.PrefetchInstalledSizes);
        Assert.NotNull(await index.GetMetadataAsync(file, TestContext.Current.CancellationToken));
        await ranged.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(FakeIndexServer.InstalledSize(wheel), await index.GetInstalledSizeAsync(file, TestContext.Current.CancellationToken));
        Assert.Single(_server.Log, l => l.Url == url);
    }

    [Fact]
    public async Task Uv_takes_the_first_index_that_has_the_project()
    {
        PackageIndex index = Index(IndexConfiguration.ForUv(IndexStrategy.UvFirstIndex, defaultIndex: PyPI, extraIndexUrls: [Cpu]));
        Assert.Equal(["2.6.0+cpu"], Versions(await index.GetFilesAsync("torch", TestContext.Current.CancellationToken)));

        // first-index also takes the CPU index's stale numpy, as uv does.
        Assert.Equal(["1.26.4"], Versions(await index.GetFilesAsync("numpy", TestContext.Current.CancellationToken)));
        Assert.Equal(0, _server.Count(PyPI + "numpy/"));
    }

    [Fact]
    public async Task Uv_unsafe_best_match_pools_like_pip()
    {
        PackageIndex index = Index(IndexConfiguration.ForUv(IndexStrategy.UvUnsafeBestMatch, defaultIndex: PyPI, extraIndexUrls: [Cpu]));
        Assert.Equal(["2.6.0+cpu", "2.6.0", "2.7.1"], Versions(await index.GetFilesAsync("torch", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_missing_project_on_one_index_is_no_error()
    {
        PackageIndex index = Index(IndexConfiguration.ForPip(PyPI, [Cpu]));
        Assert.Empty(await index.GetFilesAsync("Not_There", TestContext.Current.CancellationToken));
        Assert.Equal(1, _server.Count(PyPI + "not-there/"));
        Assert.Equal(1, _server.Count(Cpu + "not-there/"));
    }

    [Fact]
    public async Task No_index_leaves_only_find_links()
    {
        PackageIndex index = Index(IndexConfiguration.ForPip(PyPI, [Cpu], noIndex: true));
        Assert.Empty(await index.GetFilesAsync("torch", TestContext.Current.CancellationToken));
        Assert.Empty(_server.Log);
    }

    [Fact]
    public async Task Find_links_pages_join_every_project()
    {
        _server.Add("https://links.test/wheels.html", """<html><body><a href="torch-2.8.0-cp312-cp312-linux_x86_64.whl">t</a><a href="numpy-3.0.0-cp312-cp312-linux_x86_64.whl">n</a></body></html>""", "text/html");
        PackageIndex index = Index(IndexConfiguration.ForPip(PyPI, findLinks: ["https://links.test/wheels.html"]));
        Assert.Equal(["2.8.0", "2.6.0", "2.7.1"], Versions(await index.GetFilesAsync("torch", TestContext.Current.CancellationToken)));
        Assert.Equal(["3.0.0", "2.2.6"], Versions(await index.GetFilesAsync("numpy", TestContext.Current.CancellationToken)));
        Assert.Equal(1, _server.Count("https://links.test/wheels.html"));
    }

    [Fact]
    public void Uv_orders_cli_indexes_then_project_indexes_then_the_default_and_honours_pins()
    {
        var project = PyProject.Parse(new Headroom.Text.SourceText("""
            [project]
            name = "app"
            [[tool.uv.index]]
            name = "pytorch-cpu"
            url = "https://torch.test/whl/cpu"
            explicit = true
            [[tool.uv.index]]
            name = "internal"
            url = "https://user:pw@internal.test/simple"
            [tool.uv.sources]
            torch = [{ index = "pytorch-cpu", marker = "sys_platform == 'linux'" }]
            """, "pyproject.toml"));
        IndexConfiguration config = IndexConfiguration.ForUv(extraIndexUrls: ["https://extra.test/simple/"], project: project, environment: new MarkerEnvironment());
        Assert.Equal(["https://extra.test/simple/", "https://torch.test/whl/cpu/", "https://internal.test/simple/", IndexConfiguration.PyPI], config.Indexes.Select(i => i.DisplayUrl));
        Assert.Equal(["https://torch.test/whl/cpu/"], config.IndexesFor("torch").Select(i => i.DisplayUrl));
        Assert.Equal(["https://extra.test/simple/", "https://internal.test/simple/", IndexConfiguration.PyPI], config.IndexesFor("numpy").Select(i => i.DisplayUrl));

        IndexConfiguration mac = IndexConfiguration.ForUv(project: project, environment: new MarkerEnvironment { SysPlatform = "darwin" });
        Assert.DoesNotContain("torch", mac.Pins.Keys);
    }

    [Fact]
    public void A_pin_to_an_unknown_index_is_an_input_error()
    {
        var config = new IndexConfiguration(IndexStrategy.UvFirstIndex, [new IndexSource(PyPI)], [], new Dictionary<string, string> { ["torch"] = "gone" });
        InputException e = Assert.Throws<InputException>(() => config.IndexesFor("torch"));
        Assert.Equal("[tool.uv.sources] takes torch from the index 'gone', which no [[tool.uv.index]] defines", e.Message);
    }

    [Fact]
    public void Pip_reads_its_indexes_from_a_requirements_file()
    {
        var file = RequirementsFile.Parse(new Headroom.Text.SourceText("--extra-index-url https://torch.test/whl/cpu\n-f https://links.test/\ntorch\n", "requirements.txt"));
        Assert.Empty(file.Diagnostics);
        IndexConfiguration config = IndexConfiguration.ForPip(file.Options.FirstOrDefault(o => o.Name == "--index-url")?.Value, [.. file.Options.Where(o => o.Name == "--extra-index-url").Select(o => o.Value!)], [.. file.Options.Where(o => o.Name == "--find-links").Select(o => o.Value!)]);
        Assert.Equal([IndexConfiguration.PyPI, "https://torch.test/whl/cpu/"], config.Indexes.Select(i => i.DisplayUrl));
        Assert.Equal(["https://links.test/"], config.FindLinks.Select(i => i.DisplayUrl));
        Assert.Equal(IndexStrategy.PipBestMatch, config.Strategy);
    }
}
