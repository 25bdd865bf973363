using Headroom.Diagnostics;
using Headroom.Images;
using Headroom.Images.Remote;

namespace Headroom.Tests.Integration;

/// <summary>
/// <c>docker://</c> and <c>docker-daemon:</c> sources give the same analysis as the docker-archive of
/// the same fixture image (the archive buildah wrote; the registry and podman got the same image).
/// </summary>
public sealed class RemoteSourceIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static readonly RemoteSourceOptions Options = new()
    {
        Registry = new RegistryClientOptions { Credentials = StaticCredentialProvider.None, RetryDelay = TimeSpan.FromMilliseconds(50) },
    };

    private static ImageReport Analyze(IImageSource source, string? platform = null)
    {
        using (source)
        {
            return ImageAnalyzer.Analyze(source, new ImageAnalysisOptions { Selector = new ImageSelector(platform, null, Verify: true) }, TestContext.Current.CancellationToken);
        }
    }

    private static ImageReport AnalyzeArchive(string path) =>
        Analyze(ImageSources.Open("docker-archive:" + path, () => throw new InvalidOperationException("no stdin"), out _));

    [Fact]
    public void Registry_source_matches_the_docker_archive_for_every_fixture()
    {
        string registry = fixture.Environment.RequireRegistry();
        foreach (string name in fixture.Environment.Fixtures())
        {
            ImageReport archive = AnalyzeArchive(fixture.Environment.RequireFixture(name, "docker.tar"));
            ImageReport remote = Analyze(RemoteImageSources.Open($"docker://{registry}/headroom-it/{name}:latest", Options, TestContext.Current.CancellationToken));
            AssertSameContent(archive, remote, name);
            Assert.Equal($"docker://{registry}/headroom-it/{name}:latest", remote.Source);
            Assert.True(remote.Totals.CompressedBytes < archive.Totals.CompressedBytes, $"{name}: gzip layers are smaller than the archive's plain tars");
        }
    }

    [Fact]
    public void Zstd_and_schema2_variants_match_too()
    {
        string registry = fixture.Environment.RequireRegistry();
        ImageReport archive = AnalyzeArchive(fixture.Environment.RequireFixture("apt-delete", "docker.tar"));
        AssertSameContent(archive, Analyze(RemoteImageSources.Open($"docker://{registry}/headroom-it/apt-delete:zstd", Options, TestContext.Current.CancellationToken)), "zstd");
        AssertSameContent(archive, Analyze(RemoteImageSources.Open($"docker://{registry}/headroom-it/apt-delete:v2s2", Options, TestContext.Current.CancellationToken)), "v2s2");
    }

    [Fact]
    public void Daemon_source_matches_the_docker_archive()
    {
        (string socket, string image) = fixture.Environment.RequirePodman();
        ImageReport archive = AnalyzeArchive(fixture.Environment.RequireFixture("apt-delete", "docker.tar"));
        var options = new RemoteSourceOptions { DockerEndpoint = DockerEndpoint.Parse("unix://" + socket) };
        ImageReport daemon = Analyze(RemoteImageSources.Open($"docker-daemon:{image}", options, TestContext.Current.CancellationToken));
        AssertSameContent(archive, daemon, "daemon");
        Assert.Equal($"docker-daemon:{image}", daemon.Source);
    }

    [Fact]
    public void Registry_index_picks_the_platform()
    {
        string registry = fixture.Environment.RequireRegistry();
        string spec = $"docker://{registry}/headroom-it/scratch-multiarch:latest";
        ImageReport amd64 = Analyze(RemoteImageSources.Open(spec, Options, TestContext.Current.CancellationToken));
        ImageReport arm64 = Analyze(RemoteImageSources.Open(spec, Options, TestContext.Current.CancellationToken), "linux/arm64");
        Assert.Equal("linux/amd64", amd64.Platform);
        Assert.StartsWith("linux/arm64", arm64.Platform, StringComparison.Ordinal);
        Assert.NotEqual(amd64.ImageId, arm64.ImageId);
        Assert.Equal(2, amd64.Totals.FileCount);

        InputException e = Assert.Throws<InputException>(() => Analyze(RemoteImageSources.Open(spec, Options, TestContext.Current.CancellationToken), "linux/s390x"));
        Assert.Contains("s390x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_failures_are_input_errors_with_one_line()
    {
        string registry = fixture.Environment.RequireRegistry();
        InputException e = Assert.Throws<InputException>(() => Analyze(RemoteImageSources.Open($"docker://{registry}/headroom-it/absent:1", Options, TestContext.Current.CancellationToken)));
        Assert.Equal($"registry {registry}: manifest unknown for headroom-it/absent:1 (404)", e.Message);

        e = Assert.Throws<InputException>(() => RemoteImageSources.Open("docker://UPPER", Options, TestContext.Current.CancellationToken));
        Assert.Equal("docker://UPPER: invalid image reference: repository name 'library/UPPER' must be lowercase", e.Message);

        (string socket, _) = fixture.Environment.RequirePodman();
        var options = new RemoteSourceOptions { DockerEndpoint = DockerEndpoint.Parse("unix://" + socket) };
        e = Assert.Throws<InputException>(() => RemoteImageSources.Open("docker-daemon:localhost/headroom-it/absent:1", options, TestContext.Current.CancellationToken));
        Assert.Equal($"docker-daemon unix://{socket}: no such image: localhost/headroom-it/absent:1 (404)", e.Message);
    }

    private static void AssertSameContent(ImageReport expected, ImageReport actual, string what)
    {
        Assert.True(expected.ImageId == actual.ImageId, $"{what}: image ID {actual.ImageId} != {expected.ImageId}");
        Assert.Equal(expected.Platform, actual.Platform);
        Assert.Equal(expected.Totals.Bytes, actual.Totals.Bytes);
        Assert.Equal(expected.Totals.FinalBytes, actual.Totals.FinalBytes);
        Assert.Equal(expected.Totals.ReclaimableBytes, actual.Totals.ReclaimableBytes);
        Assert.Equal(expected.Totals.FileCount, actual.Totals.FileCount);
        Assert.Equal(expected.Layers.Select(l => (l.Bytes, l.Files, l.CreatedBy)), actual.Layers.Select(l => (l.Bytes, l.Files, l.CreatedBy)));
        Assert.Equal(expected.Packages, actual.Packages);
        Assert.Equal(expected.LargestFiles, actual.LargestFiles);
    }
}
