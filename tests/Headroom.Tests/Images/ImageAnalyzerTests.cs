using System.Formats.Tar;
using Headroom.Images;
using static Headroom.Tests.Images.Fx;

namespace Headroom.Tests.Images;

public sealed class ImageAnalyzerTests
{
    /// <summary>
    /// Layer 0: etc/a.txt 100, usr/bin/tool 1000, opt/data/x 300, opt/data/sub/y 200, a symlink,
    /// a hard link, tmp/gone 50, var/cache/c1 40 → 1690 bytes, 8 added.
    /// Layer 1: deletes the folder opt/data (x, y) and tmp/gone, rewrites etc/a.txt (120), adds new/z 10
    /// → 130 bytes; 1 added, 1 modified, 3 removed.
    /// Layer 2: re-adds tmp/gone (70), opaque var/cache (c1 hidden), var/cache/c2 5 → 75 bytes; 2 added, 1 removed.
    /// Final: a.txt 120 + tool 1000 + z 10 + gone 70 + c2 5 = 1205 (the hard link counts 0).
    /// </summary>
    internal static ImageFixture Standard(LayerCompression c0 = LayerCompression.Gzip, LayerCompression c1 = LayerCompression.Zstd, LayerCompression c2 = LayerCompression.None)
    {
        var fixture = new ImageFixture(
            new FxLayer(
                [
                    D("etc"), F("etc/a.txt", 100), D("usr"), D("usr/bin"), F("usr/bin/tool", 1000),
                    D("opt"), D("opt/data"), F("opt/data/x", 300), D("opt/data/sub"), F("opt/data/sub/y", 200),
                    Sym("usr/bin/link", "tool"), Hard("usr/bin/tool2", "usr/bin/tool"),
                    D("tmp"), F("tmp/gone", 50), D("var"), D("var/cache"), F("var/cache/c1", 40),
                ],
                c0,
                "ADD rootfs.tar /"),
            new FxLayer([Wh("opt/data"), Wh("tmp/gone"), F("etc/a.txt", 120, 9), D("new"), F("new/z", 10)], c1, "RUN cleanup"),
            new FxLayer([F("tmp/gone", 70), Opaque("var/cache"), F("var/cache/c2", 5)], c2, "COPY . ."));
        fixture.EmptyHistory.Add((1, "ENV A=1"));
        fixture.EmptyHistory.Add((3, "CMD [\"x\"]"));
        return fixture;
    }

    internal static ImageReport Analyze(string spec, ImageAnalysisOptions? options = null)
    {
        using IImageSource source = ImageSources.Open(spec, () => throw new InvalidOperationException("no stdin"), out string? reference);
        options ??= new ImageAnalysisOptions();
        return ImageAnalyzer.Analyze(source, options with { Selector = options.Selector with { Reference = reference ?? options.Selector.Reference } });
    }

    internal static void AssertStandard(ImageReport r)
    {
        Assert.Equal(3, r.Layers.Count);
        Assert.Equal([1690L, 130L, 75L], r.Layers.Select(l => l.Bytes));
        Assert.Equal(new FileChangeCounts(8, 0, 0), r.Layers[0].Files);
        Assert.Equal(new FileChangeCounts(1, 1, 3), r.Layers[1].Files);
        Assert.Equal(new FileChangeCounts(2, 0, 1), r.Layers[2].Files);
        Assert.Equal(["ADD rootfs.tar /", "RUN cleanup", "COPY . ."], r.Layers.Select(l => l.CreatedBy));
        Assert.Equal(1895, r.Totals.Bytes);
        Assert.Equal(1205, r.Totals.FinalBytes);
        Assert.Equal(690, r.Totals.ReclaimableBytes);
        Assert.Equal(1205.0 / 1895.0, r.Totals.Efficiency, 12);
        Assert.Equal(6, r.Totals.FileCount);
        Assert.Equal(
            [new FileUsage("/usr/bin/tool", 1000, 0), new FileUsage("/etc/a.txt", 120, 1), new FileUsage("/tmp/gone", 70, 2), new FileUsage("/new/z", 10, 1), new FileUsage("/var/cache/c2", 5, 2)],
            r.LargestFiles);
        Assert.Equal([new CategoryUsage("tmp", 70, 1)], r.Categories);
        Assert.Equal("linux/amd64", r.Platform);
    }

    [Fact]
    public void Docker_archive_classic_layout_gives_the_hand_computed_figures()
    {
        ImageFixture fx = Standard();
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(fx.DockerClassicFiles()));

        ImageReport r = Analyze("docker-archive:" + path);

        AssertStandard(r);
        Assert.Equal(ImageFixture.Sha(fx.Config()), r.ImageId);
        // Classic layout: the digest shown is the diff ID; compressedBytes is the blob as stored.
        Assert.Equal(ImageFixture.Sha(fx.Tars[0]), r.Layers[0].Digest);
        Assert.Equal(fx.Blobs.Sum(b => (long)b.Length), r.Totals.CompressedBytes);
        Assert.Equal(["gzip", "zstd", "none"], r.Layers.Select(l => l.Compression));
    }

    [Fact]
    public void Docker_archive_oci_layout_from_newer_docker()
    {
        ImageFixture fx = Standard();
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(fx.DockerOciFiles()));

        ImageReport r = Analyze(path);

        AssertStandard(r);
        Assert.Equal(ImageFixture.Sha(fx.Blobs[1]), r.Layers[1].Digest);
        Assert.Equal(fx.Blobs[1].Length, r.Layers[1].CompressedBytes);
    }

    [Fact]
    public void Oci_archive_and_oci_directory()
    {
        ImageFixture fx = Standard(LayerCompression.Zstd, LayerCompression.None, LayerCompression.Gzip);
        using var dir = new TempDir();
        string archive = dir.File("image.oci.tar", ImageFixture.TarOf(fx.OciFiles()));
        string layout = System.IO.Path.Combine(dir.Path, "layout");
        ImageFixture.WriteDirectory(fx.OciFiles(), layout);

        AssertStandard(Analyze("oci-archive:" + archive));
        AssertStandard(Analyze("oci:" + layout));
        AssertStandard(Analyze(layout));
        AssertStandard(Analyze("oci:" + layout + ":latest"));
    }

    [Fact]
    public void Stdin_stream_with_manifest_last_is_indexed_as_it_streams()
    {
        ImageFixture fx = Standard();
        byte[] tar = ImageFixture.TarOf(fx.DockerClassicFiles(), "manifest.json");
        using var source = new DockerArchiveStreamSource(new NonSeekableStream(tar), "stdin");

        ImageReport r = ImageAnalyzer.Analyze(source, new ImageAnalysisOptions(), TestContext.Current.CancellationToken);

        AssertStandard(r);
    }

    [Fact]
    public void Stdin_stream_in_oci_in_archive_layout()
    {
        ImageFixture fx = Standard();
        byte[] tar = ImageFixture.TarOf(fx.DockerOciFiles(), "manifest.json", "index.json");
        using var source = new DockerArchiveStreamSource(new NonSeekableStream(tar), "stdin");

        AssertStandard(ImageAnalyzer.Analyze(source, new ImageAnalysisOptions { Selector = new ImageSelector(Verify: true) }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Verify_passes_on_good_blobs_in_every_layout()
    {
        ImageFixture fx = Standard();
        using var dir = new TempDir();
        var verify = new ImageAnalysisOptions { Selector = new ImageSelector(Verify: true) };
        AssertStandard(Analyze(dir.File("a.tar", ImageFixture.TarOf(fx.DockerClassicFiles())), verify));
        AssertStandard(Analyze(dir.File("b.tar", ImageFixture.TarOf(fx.DockerOciFiles())), verify));
        AssertStandard(Analyze(dir.File("c.tar", ImageFixture.TarOf(fx.OciFiles())), verify));
    }

    [Fact]
    public void Same_blob_used_twice_counts_in_both_layers()
    {
        var fx = new ImageFixture(new FxLayer([F("a", 10)]), new FxLayer([F("b", 20)])) { LayerOrder = [0, 1, 0] };
        using var dir = new TempDir();

        ImageReport r = Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())));

        Assert.Equal([10L, 20L, 10L], r.Layers.Select(l => l.Bytes));
        Assert.Equal(new FileChangeCounts(0, 1, 0), r.Layers[2].Files);
        Assert.Equal(40, r.Totals.Bytes);
        Assert.Equal(30, r.Totals.FinalBytes);
        Assert.Equal(10, r.Totals.ReclaimableBytes);
    }

    [Fact]
    public void Docker_save_symlinked_layer_is_followed_in_files_and_streams()
    {
        var fx = new ImageFixture(new FxLayer([F("a", 10)]), new FxLayer([F("b", 20)])) { LayerOrder = [0, 1, 0] };
        Dictionary<string, byte[]> files = fx.DockerClassicFiles();
        string config = files.Keys.Single(k => k.EndsWith(".json", StringComparison.Ordinal) && k != "manifest.json");
        string first = files.Keys.First(k => k.EndsWith("/layer.tar", StringComparison.Ordinal) && files[k] == fx.Blobs[0]);
        string second = files.Keys.Single(k => k.EndsWith("/layer.tar", StringComparison.Ordinal) && files[k] == fx.Blobs[1]);
        files["manifest.json"] = ImageFixture.DockerManifestJson(config, "app:1", [first, second, "dup/layer.tar"]);
        using var ms = new MemoryStream();
        using (var w = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach ((string path, byte[] data) in files.Where(kv => kv.Key != "manifest.json"))
            {
                w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(data) });
            }

            w.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "dup/layer.tar") { LinkName = "../" + first });
            w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(files["manifest.json"]) });
        }

        using var dir = new TempDir();
        string archive = dir.File("i.tar", ms.ToArray());
        using var stream = new DockerArchiveStreamSource(new NonSeekableStream(ms.ToArray()), "stdin");

        foreach (ImageReport r in new[] { Analyze(archive), ImageAnalyzer.Analyze(stream, new ImageAnalysisOptions(), TestContext.Current.CancellationToken) })
        {
            Assert.Equal([10L, 20L, 10L], r.Layers.Select(l => l.Bytes));
            Assert.Equal(30, r.Totals.FinalBytes);
        }
    }

    [Fact]
    public void Empty_image_has_efficiency_one()
    {
        var fx = new ImageFixture(new FxLayer([D("etc")]));
        using var dir = new TempDir();

        ImageReport r = Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())));

        Assert.Equal(0, r.Totals.Bytes);
        Assert.Equal(1.0, r.Totals.Efficiency);
        Assert.Empty(r.LargestFiles);
    }

    [Fact]
    public void Long_names_in_pax_and_gnu_sparse_files_and_hard_links()
    {
        string longPath = "deep/" + string.Join('/', Enumerable.Repeat("abcdefghij", 20)) + "/file.bin";
        string gnuPath = "gnu/" + new string('n', 150) + ".txt";
        var fx = new ImageFixture(
            new FxLayer([F(longPath, 33)], LayerCompression.Gzip),
            new FxLayer([F(gnuPath, 44), Hard("gnu/link", gnuPath)], LayerCompression.None, Format: TarEntryFormat.Gnu),
            new FxLayer([Sparse("disk.img", 10_000_000, 1024), F("after", 5)], LayerCompression.Zstd));
        using var dir = new TempDir();

        ImageReport r = Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())));

        Assert.Equal([33L, 44L, 10_000_005L], r.Layers.Select(l => l.Bytes));
        Assert.Contains(new FileUsage("/" + longPath, 33, 0), r.LargestFiles);
        Assert.Contains(new FileUsage("/" + gnuPath, 44, 1), r.LargestFiles);
        Assert.Equal(new FileUsage("/disk.img", 10_000_000, 2), r.LargestFiles[0]);
        Assert.Equal(10_000_082, r.Totals.FinalBytes);
        Assert.Equal(5, r.Totals.FileCount);
    }

    [Fact]
    public void A_hard_link_whose_target_is_deleted_carries_the_content()
    {
        var fx = new ImageFixture(
            new FxLayer([F("data/a", 100), Hard("keep/b", "data/a")]),
            new FxLayer([Wh("data")]));
        using var dir = new TempDir();

        ImageReport r = Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())));

        Assert.Equal(100, r.Totals.Bytes);
        Assert.Equal(100, r.Totals.FinalBytes);
        Assert.Equal(new FileUsage("/keep/b", 100, 0), Assert.Single(r.LargestFiles));
    }

    [Fact]
    public void Absolute_and_dot_dot_member_names_never_escape_the_root()
    {
        var fx = new ImageFixture(new FxLayer([F("/abs/file", 10), F("../../escape", 20), F("./x/../y", 30)]));
        using var dir = new TempDir();

        ImageReport r = Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())));

        Assert.Equal(["/y", "/escape", "/abs/file"], r.LargestFiles.Select(f => f.Path));
    }

    [Fact]
    public void A_file_replaced_by_a_folder_and_back()
    {
        var fx = new ImageFixture(
            new FxLayer([F("p", 10)]),
            new FxLayer([D("p"), F("p/q", 3)]),
            new FxLayer([F("p", 7)]));
        using var dir = new TempDir();

        ImageReport r = Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())));

        Assert.Equal(new FileChangeCounts(1, 0, 1), r.Layers[1].Files);
        Assert.Equal(new FileChangeCounts(1, 0, 1), r.Layers[2].Files);
        Assert.Equal(7, r.Totals.FinalBytes);
    }

    [Fact]
    public void Multi_platform_index_picks_amd64_by_default_and_platform_on_request()
    {
        var amd = new ImageFixture(new FxLayer([F("amd", 11)]));
        var arm = new ImageFixture(new FxLayer([F("arm", 22)])) { Architecture = "arm64", Variant = "v8" };
        using var dir = new TempDir();
        string path = dir.File("multi.tar", ImageFixture.TarOf(ImageFixture.OciLayoutOf([(amd, "linux/amd64"), (arm, "linux/arm64/v8")])));

        Assert.Equal(11, Analyze(path).Totals.Bytes);
        ImageReport armReport = Analyze(path, new ImageAnalysisOptions { Selector = new ImageSelector("linux/arm64") });
        Assert.Equal(22, armReport.Totals.Bytes);
        Assert.Equal("linux/arm64/v8", armReport.Platform);
        var ex = Assert.Throws<Headroom.Diagnostics.InputException>(() => Analyze(path, new ImageAnalysisOptions { Selector = new ImageSelector("linux/s390x") }));
        Assert.Equal($"{path}: no image for platform linux/s390x; available: linux/amd64, linux/arm64/v8", ex.Message);
    }

    [Fact]
    public void A_classic_docker_archive_refuses_another_platform()
    {
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(Standard().DockerClassicFiles()));

        Assert.Equal(1895, Analyze(path, new ImageAnalysisOptions { Selector = new ImageSelector("linux/amd64") }).Totals.Bytes);
        var ex = Assert.Throws<Headroom.Diagnostics.InputException>(() => Analyze(path, new ImageAnalysisOptions { Selector = new ImageSelector("linux/arm64") }));
        Assert.Equal($"{path}: no image for platform linux/arm64; available: linux/amd64", ex.Message);
    }

    [Fact]
    public void Several_platforms_without_amd64_need_a_choice()
    {
        var arm = new ImageFixture(new FxLayer([F("arm", 22)])) { Architecture = "arm64" };
        var ppc = new ImageFixture(new FxLayer([F("ppc", 33)])) { Architecture = "ppc64le" };
        using var dir = new TempDir();
        string path = dir.File("multi.tar", ImageFixture.TarOf(ImageFixture.OciLayoutOf([(arm, "linux/arm64"), (ppc, "linux/ppc64le")])));

        var ex = Assert.Throws<Headroom.Diagnostics.InputException>(() => Analyze(path));
        Assert.Contains("several platforms (linux/arm64, linux/ppc64le); choose one with --platform", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docker_archive_with_several_images_needs_a_reference()
    {
        var a = new ImageFixture(new FxLayer([F("a", 11)]));
        var b = new ImageFixture(new FxLayer([F("b", 22)], CreatedBy: "RUN b"));
        Dictionary<string, byte[]> files = a.DockerClassicFiles("repo/a:1");
        Dictionary<string, byte[]> bFiles = b.DockerClassicFiles("repo/b:2");
        string aManifest = System.Text.Encoding.UTF8.GetString(files["manifest.json"]);
        string bManifest = System.Text.Encoding.UTF8.GetString(bFiles["manifest.json"]);
        foreach ((string k, byte[] v) in bFiles)
        {
            files[k] = v;
        }

        files["manifest.json"] = System.Text.Encoding.UTF8.GetBytes(aManifest[..^1] + "," + bManifest[1..]);
        using var dir = new TempDir();
        string path = dir.File("two.tar", ImageFixture.TarOf(files));

        Assert.Equal(22, Analyze($"docker-archive:{path}:repo/b:2").Totals.Bytes);
        Assert.Equal(11, Analyze($"docker-archive:{path}:repo/a:1").Totals.Bytes);
        var ex = Assert.Throws<Headroom.Diagnostics.InputException>(() => Analyze(path));
        Assert.Equal($"{path}: the archive holds 2 images (repo/a:1, repo/b:2); name one as docker-archive:PATH:REFERENCE", ex.Message);
    }

    [Fact]
    public void A_gzip_compressed_archive_is_read_as_a_stream()
    {
        ImageFixture fx = Standard();
        using var dir = new TempDir();
        string path = dir.File("image.tar.gz", ImageFixture.Compress(ImageFixture.TarOf(fx.DockerClassicFiles(), "manifest.json"), LayerCompression.Gzip));

        AssertStandard(Analyze(path));
    }

    [Fact]
    public void Duplicates_with_hash_across_layers()
    {
        var fx = new ImageFixture(
            new FxLayer([F("a/lib.so", 500, 3), F("a/other", 100, 4)]),
            new FxLayer([F("b/lib-copy.so", 500, 3)]));
        using var dir = new TempDir();

        ImageReport r = Analyze(dir.File("i.tar", ImageFixture.TarOf(fx.OciFiles())), new ImageAnalysisOptions { Hash = true });

        DuplicateGroup g = Assert.Single(r.Duplicates!);
        Assert.Equal(500, g.Bytes);
        Assert.Equal(500, g.WastedBytes);
        Assert.Equal([new FileUsage("/a/lib.so", 500, 0), new FileUsage("/b/lib-copy.so", 500, 1)], g.Files);
        Assert.Null(Analyze(dir.File("j.tar", ImageFixture.TarOf(fx.OciFiles()))).Duplicates);
    }
}

/// <summary>A read-only stream that cannot seek, like a pipe.</summary>
internal sealed class NonSeekableStream(byte[] data) : ReadOnlyStream
{
    private readonly MemoryStream _inner = new(data);

    public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(buffer.Length, 3000)]);
}
