using System.Text;
using Headroom.Diagnostics;
using Headroom.Images;
using Headroom.Tests.Cli;
using static Headroom.Tests.Images.Fx;

namespace Headroom.Tests.Images;

public sealed class BadInputTests
{
    private static string OneLineError(CliResult result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("headroom: error: ", line, StringComparison.Ordinal);
        return line;
    }

    private static (TempDir Dir, string Layout, ImageFixture Fixture) Layout(params FxLayer[] layers)
    {
        var dir = new TempDir();
        var fx = new ImageFixture(layers);
        string layout = Path.Combine(dir.Path, "layout");
        ImageFixture.WriteDirectory(fx.OciFiles(), layout);
        return (dir, layout, fx);
    }

    private static string Short(byte[] blob) => ImageFixture.Sha(blob)[..19] + "…";

    [Theory]
    [InlineData(LayerCompression.Gzip, "gzip stream")]
    [InlineData(LayerCompression.Zstd, "zstd stream")]
    [InlineData(LayerCompression.None, "tar stream")]
    public void Truncated_layer(LayerCompression compression, string stream)
    {
        (TempDir dir, string layout, ImageFixture fx) = Layout(new FxLayer([F("big", 200_000, 5)], compression));
        using (dir)
        {
            string blob = Path.Combine(layout, ImageFixture.BlobPath(fx.Blobs[0]));
            File.WriteAllBytes(blob, fx.Blobs[0][..(fx.Blobs[0].Length / 2)]);

            string line = OneLineError(CliRunner.Run("image", "oci:" + layout));

            Assert.Equal($"headroom: error: {layout}: layer 0 ({Short(fx.Blobs[0])}): unexpected end of {stream}", line);
        }
    }

    [Theory]
    [InlineData(LayerCompression.Gzip, "corrupt gzip stream")]
    [InlineData(LayerCompression.Zstd, "corrupt zstd stream")]
    public void Corrupt_compressed_layer(LayerCompression compression, string expected)
    {
        (TempDir dir, string layout, ImageFixture fx) = Layout(new FxLayer([F("a", "x"), F("big", 100_000, 5)], compression));
        using (dir)
        {
            byte[] broken = (byte[])fx.Blobs[0].Clone();
            for (int i = 20; i < broken.Length - 20; i += 7)
            {
                broken[i] ^= 0x5A;
            }

            File.WriteAllBytes(Path.Combine(layout, ImageFixture.BlobPath(fx.Blobs[0])), broken);

            string line = OneLineError(CliRunner.Run("image", "oci:" + layout));

            Assert.StartsWith($"headroom: error: {layout}: layer 0 ({Short(fx.Blobs[0])}): ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_blob()
    {
        (TempDir dir, string layout, ImageFixture fx) = Layout(new FxLayer([F("a", "x")]), new FxLayer([F("b", "y")]));
        using (dir)
        {
            File.Delete(Path.Combine(layout, ImageFixture.BlobPath(fx.Blobs[1])));

            string line = OneLineError(CliRunner.Run("image", "oci:" + layout));

            Assert.Equal($"headroom: error: {layout}: blob '{ImageFixture.BlobPath(fx.Blobs[1])}' ({ImageFixture.Sha(fx.Blobs[1])}) is missing", line);
        }
    }

    [Fact]
    public void Digest_mismatch_is_found_with_verify()
    {
        (TempDir dir, string layout, ImageFixture fx) = Layout(new FxLayer([F("a", "hello world")], LayerCompression.None));
        using (dir)
        {
            string blob = Path.Combine(layout, ImageFixture.BlobPath(fx.Blobs[0]));
            byte[] changed = (byte[])fx.Blobs[0].Clone();
            int at = Encoding.ASCII.GetString(changed).IndexOf("hello world", StringComparison.Ordinal);
            changed[at] = (byte)'j';
            File.WriteAllBytes(blob, changed);

            Assert.Equal(0, CliRunner.Run("image", "oci:" + layout).ExitCode);
            string line = OneLineError(CliRunner.Run("image", "oci:" + layout, "--verify"));

            Assert.Equal($"headroom: error: {layout}: layer 0 ({Short(fx.Blobs[0])}): digest mismatch: the blob's sha256 is {ImageFixture.Sha(changed)}", line);
        }
    }

    [Fact]
    public void Diff_id_mismatch_in_a_classic_docker_archive()
    {
        var fx = new ImageFixture(new FxLayer([F("a", "hello world")], LayerCompression.None));
        Dictionary<string, byte[]> files = fx.DockerClassicFiles();
        string layerPath = files.Keys.Single(k => k.EndsWith("/layer.tar", StringComparison.Ordinal));
        byte[] changed = (byte[])files[layerPath].Clone();
        changed[Encoding.ASCII.GetString(changed).IndexOf("hello", StringComparison.Ordinal)] = (byte)'j';
        files[layerPath] = changed;
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(files));

        string line = OneLineError(CliRunner.Run("image", "docker-archive:" + path, "--verify"));

        Assert.Contains($"{path}: layer 0 ({Short(fx.Tars[0])}): digest mismatch: the uncompressed layer's sha256 is {ImageFixture.Sha(changed)}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompression_bomb_is_refused()
    {
        (TempDir dir, string layout, ImageFixture fx) = Layout(new FxLayer([new FileFx("zeros", new byte[3_000_000])]));
        using (dir)
        {
            string line = OneLineError(CliRunner.Run("image", "oci:" + layout, "--max-decompressed", "1MB"));
            Assert.Contains("decompresses to more than 1000000 bytes", line, StringComparison.Ordinal);

            using IImageSource source = ImageSources.Open("oci:" + layout, () => Stream.Null, out _);
            var ex = Assert.Throws<InputException>(() => ImageAnalyzer.Analyze(
                source,
                new ImageAnalysisOptions { Limits = new ReadLimits(MaxExpansion: 100, ExpansionFloor: 10_000) },
                TestContext.Current.CancellationToken));
            Assert.StartsWith($"oci:{layout}".Length > 0 ? $"{layout}: layer 0 ({Short(fx.Blobs[0])}): decompresses to more than {100 * fx.Blobs[0].Length} bytes" : string.Empty, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Manifest_path_outside_the_archive_is_an_error()
    {
        var fx = new ImageFixture(new FxLayer([F("a", "x")]));
        Dictionary<string, byte[]> files = fx.DockerClassicFiles();
        string config = files.Keys.Single(k => k.EndsWith(".json", StringComparison.Ordinal) && k != "manifest.json");
        files["manifest.json"] = ImageFixture.DockerManifestJson(config, "app:1", ["../x/layer.tar"]);
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(files));

        string line = OneLineError(CliRunner.Run("image", path));

        Assert.Equal($"headroom: error: {path}: manifest.json: layer 0: path '../x/layer.tar' points outside the archive", line);
    }

    [Fact]
    public void Unsupported_layer_media_type()
    {
        var fx = new ImageFixture(new FxLayer([F("a", "x")]));
        Dictionary<string, byte[]> files = fx.OciFiles();
        byte[] manifest = fx.Manifest(fx.Config());
        byte[] changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(manifest).Replace("tar\\u002Bgzip", "tar+encrypted", StringComparison.Ordinal));
        files[ImageFixture.BlobPath(changed)] = changed;
        files["index.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["index.json"])
            .Replace(ImageFixture.Sha(manifest), ImageFixture.Sha(changed), StringComparison.Ordinal)
            .Replace($"\"size\":{manifest.Length}", $"\"size\":{changed.Length}", StringComparison.Ordinal));
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(files));

        string line = OneLineError(CliRunner.Run("image", "oci-archive:" + path));

        Assert.Equal($"headroom: error: {path}: manifest {ImageFixture.Sha(changed)}: layer 0 ({Short(fx.Blobs[0])}): unsupported media type application/vnd.oci.image.layer.v1.tar+encrypted", line);
    }

    [Fact]
    public void Truncated_archive_file()
    {
        using var dir = new TempDir();
        byte[] tar = ImageFixture.TarOf(new ImageFixture(new FxLayer([F("a", 5000)], LayerCompression.None)).DockerClassicFiles());
        string path = dir.File("image.tar", tar[..(tar.Length / 2)]);

        string line = OneLineError(CliRunner.Run("image", path));

        Assert.Contains($"{path}: unexpected end of tar archive", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_an_archive_and_not_a_file()
    {
        using var dir = new TempDir();
        string path = dir.File("notes.txt", Encoding.UTF8.GetBytes(new string('x', 2000)));

        Assert.Contains($"{path}: tar archive: tar header at offset 0: bad header checksum (not a tar archive?)", OneLineError(CliRunner.Run("image", path)), StringComparison.Ordinal);
        Assert.Equal("headroom: error: /no/such/image.tar: no such file or directory", OneLineError(CliRunner.Run("image", "/no/such/image.tar")));
        Assert.Contains("unknown source transport 'podman'", OneLineError(CliRunner.Run("image", "podman:x")), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_header_inside_a_layer_names_the_offset()
    {
        var garbage = new byte[512];
        Array.Fill(garbage, (byte)'Z');
        (TempDir dir, string layout, ImageFixture fx) = Layout(new FxLayer([F("a", "x"), Raw(garbage), F("b", "y")], LayerCompression.Zstd));
        using (dir)
        {
            string line = OneLineError(CliRunner.Run("image", layout));

            Assert.Matches(@"layer 0 \(sha256:[0-9a-f]{12}…\): zstd stream: tar header at offset \d+: bad header checksum", line);
        }
    }

    [Fact]
    public void Invalid_json_manifest()
    {
        var fx = new ImageFixture(new FxLayer([F("a", "x")]));
        Dictionary<string, byte[]> files = fx.DockerClassicFiles();
        files["manifest.json"] = "[{\"Config\": "u8.ToArray();
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(files));

        Assert.Contains($"{path}: manifest.json is not valid JSON", OneLineError(CliRunner.Run("image", path)), StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzz_targets_throw_only_input_exceptions()
    {
        ImageFixture fx = ImageAnalyzerTests.Standard();
        byte[] archive = ImageFixture.TarOf(fx.DockerOciFiles(), "manifest.json");
        byte[] layer = fx.Blobs[0];
        byte[] plainLayer = fx.Tars[1];
        byte[] index = fx.OciFiles()["index.json"];
        var random = new Random(1234);
        int inputErrors = 0;
        for (int round = 0; round < 400; round++)
        {
            foreach ((byte[] seed, Action<byte[]> target) in new (byte[], Action<byte[]>)[]
            {
                (archive, ImageFuzzTarget.ReadArchive),
                (layer, ImageFuzzTarget.ReadLayer),
                (plainLayer, ImageFuzzTarget.ReadLayer),
                (index, ImageFuzzTarget.ReadIndex),
            })
            {
                byte[] data = Mutate(seed, random);
                try
                {
                    target(data);
                }
                catch (InputException)
                {
                    inputErrors++;
                }
            }
        }

        Assert.True(inputErrors > 100, $"only {inputErrors} inputs were rejected");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] data = (byte[])seed.Clone();
        switch (random.Next(4))
        {
            case 0:
                return data[..random.Next(data.Length)];
            case 1:
                for (int i = 0; i < 1 + random.Next(8); i++)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }

                return data;
            case 2:
                int at = random.Next(data.Length);
                random.NextBytes(data.AsSpan(at, Math.Min(64, data.Length - at)));
                return data;
            default:
                var bytes = new byte[random.Next(2048)];
                random.NextBytes(bytes);
                return bytes;
        }
    }
}
