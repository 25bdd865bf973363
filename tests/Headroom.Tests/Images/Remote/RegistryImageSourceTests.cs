using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text;
using Headroom.Diagnostics;
using Headroom.Images;
using Headroom.Images.Remote;

namespace Headroom.Tests.Images.Remote;

/// <summary>The registry source over a fake registry: index → manifest → config → layer blobs, analysed end to end.</summary>
public sealed class RegistryImageSourceTests
{
    private sealed record FakeImage(string IndexJson, Dictionary<string, byte[]> Manifests, Dictionary<string, byte[]> Blobs);

    private static byte[] Layer(params (string Path, int Size)[] files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach ((string path, int size) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(new byte[size]) });
            }
        }

        return tar.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static FakeImage Build()
    {
        byte[] tar0 = Layer(("usr/bin/tool", 1000), ("etc/conf", 24));
        byte[] tar1 = Layer(("opt/app/data.bin", 5000));
        byte[] gz0 = Gzip(tar0);
        byte[] gz1 = Gzip(tar1);
        string config = $$"""
            {"architecture":"amd64","os":"linux","config":{},
             "rootfs":{"type":"layers","diff_ids":["{{Digests.Sha256(tar0)}}","{{Digests.Sha256(tar1)}}"]},
             "history":[{"created_by":"ADD rootfs.tar /"},{"created_by":"COPY data.bin /opt/app/"}]}
            """;
        byte[] configBytes = Encoding.UTF8.GetBytes(config);
        string manifest = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{Digests.Sha256(configBytes)}}","size":{{configBytes.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{Digests.Sha256(gz0)}}","size":{{gz0.Length}}},
                       {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{Digests.Sha256(gz1)}}","size":{{gz1.Length}} }]}
            """;
        byte[] manifestBytes = Encoding.UTF8.GetBytes(manifest);
        string index = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{Digests.Sha256(manifestBytes)}}","size":{{manifestBytes.Length}},"platform":{"architecture":"amd64","os":"linux"} }]}
            """;
        return new FakeImage(
            index,
            new Dictionary<string, byte[]> { [Digests.Sha256(manifestBytes)] = manifestBytes },
            new Dictionary<string, byte[]> { [Digests.Sha256(configBytes)] = configBytes, [Digests.Sha256(gz0)] = gz0, [Digests.Sha256(gz1)] = gz1 });
    }

    private static FakeHttpHandler Registry(FakeImage image) => new(r =>
    {
        string path = r.RequestUri!.AbsolutePath;
        string last = path[(path.LastIndexOf('/') + 1)..];
        if (path == "/v2/team/app/manifests/1.0")
        {
            return FakeHttpHandler.Json(HttpStatusCode.OK, image.IndexJson, ManifestMediaTypes.OciIndex);
        }

        if (path.StartsWith("/v2/team/app/manifests/", StringComparison.Ordinal) && image.Manifests.TryGetValue(last, out byte[]? manifest))
        {
            return FakeHttpHandler.Json(HttpStatusCode.OK, Encoding.UTF8.GetString(manifest), ManifestMediaTypes.OciManifest);
        }

        if (path.StartsWith("/v2/team/app/blobs/", StringComparison.Ordinal) && image.Blobs.TryGetValue(last, out byte[]? blob))
        {
            return FakeHttpHandler.Bytes(blob);
        }

        return FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""");
    });

    private static RegistryClient Client(FakeHttpHandler handler) =>
        new(new RegistryClientOptions { Credentials = StaticCredentialProvider.None, MaxRetries = 0 }, handler);

    [Fact]
    public void Analyses_an_image_from_a_registry()
    {
        FakeHttpHandler handler = Registry(Build());
        using var source = new RegistryImageSource(ImageReference.Parse("127.0.0.1:5000/team/app:1.0"), Client(handler), ownsClient: true);
        ImageReport report = ImageAnalyzer.Analyze(source, new ImageAnalysisOptions { Selector = new ImageSelector(Verify: true) }, TestContext.Current.CancellationToken);

        Assert.Equal("docker://127.0.0.1:5000/team/app:1.0", report.Source);
        Assert.Equal("linux/amd64", report.Platform);
        Assert.Equal(6024, report.Totals.Bytes);
        Assert.Equal(6024, report.Totals.FinalBytes);
        Assert.Equal(3, report.Totals.FileCount);
        Assert.Equal(["ADD rootfs.tar /", "COPY data.bin /opt/app/"], report.Layers.Select(l => l.CreatedBy));

        // The manifest came by digest from /manifests/, the config and layers from /blobs/.
        Assert.Contains(handler.Requests, r => r.Uri.AbsolutePath.StartsWith("/v2/team/app/manifests/sha256:", StringComparison.Ordinal));
        Assert.Equal(3, handler.Requests.Count(r => r.Uri.AbsolutePath.StartsWith("/v2/team/app/blobs/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Remote_errors_are_input_errors()
    {
        using var source = new RegistryImageSource(ImageReference.Parse("127.0.0.1:5000/team/app:2.0"), Client(Registry(Build())), ownsClient: true);
        InputException e = Assert.Throws<InputException>(() => ImageAnalyzer.Analyze(source, new ImageAnalysisOptions(), TestContext.Current.CancellationToken));
        Assert.Equal("registry 127.0.0.1:5000: manifest unknown for team/app:2.0 (404)", e.Message);
    }

    [Fact]
    public void Open_parses_the_spec_and_reports_bad_references()
    {
        using (IImageSource source = RemoteImageSources.Open("docker://127.0.0.1:5000/team/app:1.0", cancellationToken: TestContext.Current.CancellationToken))
        {
            RegistryImageSource registry = Assert.IsType<RegistryImageSource>(source);
            Assert.Equal("team/app", registry.Image.Repository);
            Assert.Equal("docker://127.0.0.1:5000/team/app:1.0", registry.DisplayName);
        }

        Assert.Equal("docker://a b: invalid image reference: contains white space or is too long", Assert.Throws<InputException>(() => RemoteImageSources.Open("docker://a b", cancellationToken: TestContext.Current.CancellationToken)).Message);
        Assert.Equal("docker-daemon:: no image name (docker-daemon:NAME[:TAG])", Assert.Throws<InputException>(() => RemoteImageSources.Open("docker-daemon:", cancellationToken: TestContext.Current.CancellationToken)).Message);
        Assert.True(RemoteImageSources.IsRemote("docker-daemon:x"));
        Assert.False(RemoteImageSources.IsRemote("docker-archive:x"));
    }

    [Fact]
    public void Daemon_source_without_a_socket_is_one_line()
    {
        string socket = Path.Combine(Path.GetTempPath(), $"headroom-none-{Guid.NewGuid():N}.sock");
        var options = new RemoteSourceOptions { DockerEndpoint = new DockerEndpoint(socket, null, 0) };
        InputException e = Assert.Throws<InputException>(() => RemoteImageSources.Open("docker-daemon:app:1", options, TestContext.Current.CancellationToken));
        Assert.Equal($"docker-daemon unix://{socket}: no Docker API socket there (start Docker or `podman system service`, or set DOCKER_HOST)", e.Message);
    }
}
