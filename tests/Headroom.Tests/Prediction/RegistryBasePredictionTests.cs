using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text;
using Headroom.Images.Remote;
using Headroom.Prediction;
using Headroom.Rules;
using Headroom.Tests.Images;
using Headroom.Tests.Images.Remote;

namespace Headroom.Tests.Prediction;

/// <summary>
/// Base images sized from a registry (an in-memory one: no test reaches the internet): the layers' bytes,
/// the distribution and the dpkg packages read in one pass, kept on disk by digest, and the table on failure.
/// </summary>
public sealed class RegistryBasePredictionTests
{
    private const string Reference = "registry.example:5000/team/base:1";

    // An apt index where tool needs libtool1 and libc6, which the base image already has.
    private const string Packages = """
        Package: tool
        Version: 1.0-1
        Architecture: amd64
        Installed-Size: 1000
        Depends: libtool1, libc6 (>= 2.36)
        Size: 400000

        Package: libtool1
        Version: 1.0-1
        Architecture: amd64
        Installed-Size: 500
        Size: 200000

        Package: libc6
        Version: 2.36-9
        Architecture: amd64
        Installed-Size: 12000
        Size: 2800000

        """;

    private static readonly (string Path, byte[] Content)[] LayerFiles =
    [
        ("etc/os-release", Encoding.UTF8.GetBytes("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n")),
        ("var/lib/dpkg/status", Encoding.UTF8.GetBytes(Stanza("libc6", "2.36-9") + Stanza("libtool1", "1.0-1") + Stanza("python3.11", "3.11.2-6"))),
        ("var/lib/dpkg/info/libc6:amd64.list", Encoding.UTF8.GetBytes("/usr/lib/libc.so.6\n")),
        ("var/lib/dpkg/info/libtool1:amd64.list", Encoding.UTF8.GetBytes("/usr/lib/libtool1.so\n")),
        ("var/lib/dpkg/info/python3.11.list", Encoding.UTF8.GetBytes("/usr/bin/python3.11\n")),
        ("usr/lib/libc.so.6", new byte[70_000]),
        ("usr/lib/libtool1.so", new byte[30_000]),
        ("usr/bin/python3.11", new byte[12_345]),
        ("etc/apt/sources.list", Encoding.UTF8.GetBytes("deb http://deb.debian.org/debian bookworm main\n")),
        ("etc/apt/apt.conf.d/70debconf", Encoding.UTF8.GetBytes("DPkg::Pre-Install-Pkgs {\"/usr/sbin/dpkg-preconfigure --apt || true\";};\n")),
    ];

    // What the official Debian images add (docker-clean and docker-no-languages), in short.
    private static readonly (string Path, byte[] Content)[] OfficialAptFiles =
    [
        ("etc/apt/apt.conf.d/docker-clean", Encoding.UTF8.GetBytes("DPkg::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true\"; };\nDir::Cache::pkgcache \"\";\nDir::Cache::srcpkgcache \"\";\n")),
        ("etc/apt/apt.conf.d/docker-no-languages", Encoding.UTF8.GetBytes("Acquire::Languages \"none\";\n")),
    ];

    private static string Stanza(string name, string version) =>
        $"Package: {name}\nStatus: install ok installed\nVersion: {version}\nArchitecture: amd64\n\n";

    private static readonly long LayerBytes = LayerFiles.Sum(f => (long)f.Content.Length);

    /// <summary>
    /// A registry holding one image (OCI manifest, config, one gzip layer; with <paramref name="official"/>, the official
    /// images' apt settings too); blobs 404 when <paramref name="blobs"/> is false.
    /// </summary>
    private static FakeHttpHandler Registry(bool blobs = true, bool official = false)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach ((string path, byte[] content) in official ? [.. LayerFiles, .. OfficialAptFiles] : LayerFiles)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(content), ModificationTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) });
            }
        }

        byte[] plain = tar.ToArray();
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(plain);
        }

        byte[] layer = gz.ToArray();
        byte[] config = Encoding.UTF8.GetBytes($$"""
            {"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["{{Digests.Sha256(plain)}}"]},"config":{"Env":["PATH=/usr/bin"]},"history":[{"created_by":"debootstrap"}]}
            """);
        string manifest = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{Digests.Sha256(config)}}","size":{{config.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{Digests.Sha256(layer)}}","size":{{layer.Length}}}]}
            """;
        return new FakeHttpHandler(request =>
        {
            string path = request.RequestUri!.AbsolutePath;
            return path switch
            {
                "/v2/team/base/manifests/1" => FakeHttpHandler.Json(HttpStatusCode.OK, manifest, "application/vnd.oci.image.manifest.v1+json"),
                _ when blobs && path == "/v2/team/base/blobs/" + Digests.Sha256(config) => FakeHttpHandler.Bytes(config),
                _ when blobs && path == "/v2/team/base/blobs/" + Digests.Sha256(layer) => FakeHttpHandler.Bytes(layer),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound),
            };
        });
    }

    private static ImagePrediction Predict(FakeHttpHandler registry, string cache, string dockerfile)
    {
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.None, MaxRetries = 0, RetryDelay = TimeSpan.Zero }, registry);
        var sizer = new BaseImageSizer(client, new BaseImageSizerOptions { MeasureLayers = true, CacheDirectory = cache });
        using var predictor = new ImagePredictor();
        predictor.EnableNetwork(new OnlineAptPredictionTests.MirrorFetcher(new() { ["/debian/dists/bookworm/main/binary-amd64/Packages"] = Packages }), sizer);
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", dockerfile)]);
        ImagePrediction? prediction = predictor.PredictImage(new CheckContext(project, CheckOptions.Default), "Dockerfile");
        Assert.NotNull(prediction);
        return prediction;
    }

    [Fact]
    public void The_base_is_measured_from_its_layers_and_apt_counts_only_what_it_lacks()
    {
        using var cache = new TempDir();
        ImagePrediction prediction = Predict(Registry(official: true), cache.Path, $"FROM {Reference}\nRUN apt-get update && apt-get install -y --no-install-recommends tool\n");

        PredictedComponent root = Assert.Single(prediction.Components, c => c.Kind == "base");
        Assert.Equal(LayerBytes + OfficialAptFiles.Sum(f => (long)f.Content.Length), root.Bytes);
        Assert.True(root.Exact);
        Assert.Equal("python 3.11", root.Version);
        Assert.Contains("uncompressed bytes measured by reading every layer", root.How, StringComparison.Ordinal);
        Assert.Equal("3.11", prediction.Python);

        // The image's own dpkg list (libc6, libtool1) is what apt already has: only tool is installed. With the
        // official images' apt settings, nothing but the lists of the one suite its sources name stays behind.
        PredictedComponent apt = Assert.Single(prediction.Components, c => c.Name == "tool");
        Assert.Equal(1000 * 1024L, apt.Bytes);
        Assert.Contains("from the debian 12 indexes", apt.How, StringComparison.Ordinal);
        Assert.Equal(50_060_337, Assert.Single(prediction.Components, c => c.Name == "apt lists").Bytes);
        Assert.Equal(2, prediction.Components.Count(c => c.Kind == "apt"));
        Assert.Single(Directory.GetFiles(cache.Path, "sha256-*.json"));
    }

    [Fact]
    public void A_base_without_docker_clean_keeps_the_archives_the_package_cache_and_the_translations()
    {
        using var cache = new TempDir();
        ImagePrediction prediction = Predict(Registry(), cache.Path, $"FROM {Reference}\nRUN apt-get update && apt-get install -y --no-install-recommends tool\n");
        Assert.Equal(1000 * 1024L, Assert.Single(prediction.Components, c => c.Name == "tool").Bytes);
        Assert.Equal(400_000, Assert.Single(prediction.Components, c => c.Name == "apt archives").Bytes);
        Assert.Equal(50_060_337 + 32_699_363, Assert.Single(prediction.Components, c => c.Name == "apt lists").Bytes);
        long packageCache = Assert.Single(prediction.Components, c => c.Name == "apt package cache").Bytes;
        Assert.InRange(packageCache, (2 * 39_092_108) - 2, 2 * 39_092_108);

        // apt-get clean in the same RUN removes the archives and the package cache, not the lists.
        ImagePrediction cleaned = Predict(Registry(), cache.Path, $"FROM {Reference}\nRUN apt-get update && apt-get install -y --no-install-recommends tool && apt-get clean\n");
        Assert.DoesNotContain(cleaned.Components, c => c.Name is "apt archives" or "apt package cache");
        Assert.Contains(cleaned.Components, c => c.Name == "apt lists");
    }

    [Fact]
    public void A_digest_measured_once_is_read_from_the_cache()
    {
        using var cache = new TempDir();
        string dockerfile = $"FROM {Reference}\n";
        Predict(Registry(), cache.Path, dockerfile);

        // The same manifest again, with every blob gone: the figures come from the cache.
        FakeHttpHandler noBlobs = Registry(blobs: false);
        PredictedComponent root = Assert.Single(Predict(noBlobs, cache.Path, dockerfile).Components, c => c.Kind == "base");
        Assert.Equal(LayerBytes, root.Bytes);
        Assert.True(root.Exact);
        Assert.Contains("(cached by digest)", root.How, StringComparison.Ordinal);
        Assert.DoesNotContain(noBlobs.Requests, r => r.Uri.AbsolutePath.Contains("/blobs/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_registry_that_fails_leaves_the_embedded_table_with_a_note()
    {
        using var cache = new TempDir();
        var down = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        ImagePrediction known = Predict(down, cache.Path, "FROM python:3.12-slim-bookworm\n");
        PredictedComponent root = Assert.Single(known.Components, c => c.Kind == "base");
        Assert.Equal(124_300_000, root.Bytes);
        Assert.StartsWith("embedded table: ", root.How, StringComparison.Ordinal);
        Assert.Contains(known.Notes, n => n.StartsWith("base image python:3.12-slim-bookworm: registry docker.io: ", StringComparison.Ordinal) && n.EndsWith("; using embedded knowledge", StringComparison.Ordinal));

        ImagePrediction unknown = Predict(down, cache.Path, $"FROM {Reference}\n");
        Assert.Equal(0, Assert.Single(unknown.Components, c => c.Kind == "base").Bytes);
        Assert.Contains(unknown.Notes, n => n.Contains("the embedded base-image table does not know this image", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(cache.Path));
    }

    [Fact]
    public void Offline_never_asks_the_registry()
    {
        using var cache = new TempDir();
        FakeHttpHandler registry = Registry();
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.None, MaxRetries = 0 }, registry);
        using var predictor = new ImagePredictor();
        predictor.EnableNetwork(new OnlineAptPredictionTests.MirrorFetcher([]), new BaseImageSizer(client, new BaseImageSizerOptions { MeasureLayers = true, CacheDirectory = cache.Path }));
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", "FROM python:3.12-slim-bookworm\n")]);
        ImagePrediction prediction = predictor.PredictImage(new CheckContext(project, CheckOptions.Default with { Offline = true }), "Dockerfile")!;
        Assert.Equal(124_300_000, Assert.Single(prediction.Components, c => c.Kind == "base").Bytes);
        Assert.Empty(registry.Requests);
    }
}
