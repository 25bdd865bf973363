using Headroom.Images;
using static Headroom.Tests.Images.Fx;

namespace Headroom.Tests.Images;

public sealed class GroundTruthTests
{
    [Fact]
    public void Final_bytes_and_file_count_match_gnu_tar_on_the_standard_fixture()
    {
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(ImageAnalyzerTests.Standard().DockerClassicFiles()));

        (long finalBytes, long files) = GroundTruth.Measure(path);
        ImageReport r = ImageAnalyzerTests.Analyze(path);

        Assert.Equal(1205, finalBytes);
        Assert.Equal(finalBytes, r.Totals.FinalBytes);
        Assert.Equal(files, r.Totals.FileCount);
    }

    [Fact]
    public void Final_bytes_match_gnu_tar_with_sparse_files_long_names_and_replacements()
    {
        string longPath = "deep/" + string.Join('/', Enumerable.Repeat("abcdefghij", 20)) + "/file.bin";
        var fx = new ImageFixture(
            new FxLayer([F(longPath, 33), F("p", 10), D("keep"), F("keep/a", 70), F("keep/b", 80), F("x/y/z", 5)], LayerCompression.Gzip),
            new FxLayer([F("gnu/" + new string('n', 150), 44), D("p"), F("p/q", 3), Opaque("keep"), F("keep/c", 6)], LayerCompression.None, Format: System.Formats.Tar.TarEntryFormat.Gnu),
            new FxLayer([Sparse("disk.img", 1_000_000, 1024), Wh("x"), F("x", 9), F("after", 5)], LayerCompression.Zstd));
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(fx.OciFiles()));

        (long finalBytes, long files) = GroundTruth.Measure(path);
        ImageReport r = ImageAnalyzerTests.Analyze(path);

        Assert.Equal(33 + 44 + 3 + 6 + 1_000_000 + 9 + 5, finalBytes);
        Assert.Equal(finalBytes, r.Totals.FinalBytes);
        Assert.Equal(files, r.Totals.FileCount);
    }
}
