using Headroom.Prediction;
using Headroom.Prediction.Ci;

namespace Headroom.Tests.Prediction;

public sealed class CiDiskModelTests
{
    private const long GB = 1_000_000_000;

    private static ImageBuildCost Cost(long image, long peak) => new("backend/Dockerfile", null, image, image, image, peak, 0, Exact: false);

    private static CiImageBuild Build(long image, long peak, bool container, bool load, bool push = false, CiCacheExport cache = CiCacheExport.None, CiFileOutput output = CiFileOutput.None, int line = 10) =>
        new(0, line, "backend/Dockerfile", Cost(image, peak), container, load, push, cache, output);

    private static long Compressed(long bytes) => (long)Math.Round(bytes * CiDiskModel.CompressedPerUnpacked);

    [Fact]
    public void The_story_a_6GB_image_loaded_from_a_container_builder_holds_three_copies()
    {
        CiDiskEstimate estimate = CiDiskModel.Estimate([Build(6 * GB, 7 * GB, container: true, load: true)]);
        Assert.Equal(6 * GB + Compressed(6 * GB) + 6 * GB, estimate.PeakBytes);
        Assert.True(estimate.NetPeakBytes > 14 * GB);
        Assert.Equal(["backend/Dockerfile in the builder's store", "backend/Dockerfile loaded into the engine", "backend/Dockerfile tarball for the load"], estimate.Parts.Select(p => p.Label));
    }

    [Fact]
    public void The_engine_builder_keeps_one_copy_and_peaks_while_building()
    {
        CiDiskEstimate estimate = CiDiskModel.Estimate([Build(6 * GB, 7 * GB, container: false, load: true)]);
        Assert.Equal(7 * GB, estimate.PeakBytes);
        Assert.True(estimate.NetPeakBytes < 14 * GB);
    }

    [Fact]
    public void A_container_builder_without_load_keeps_the_image_in_its_store_only()
    {
        CiDiskEstimate estimate = CiDiskModel.Estimate([Build(6 * GB, 7 * GB, container: true, load: false), Build(1 * GB, 1 * GB, container: true, load: false, line: 20)]);
        Assert.Equal(7 * GB, estimate.PeakBytes);
        Assert.Equal(10, estimate.PeakLine);
    }

    [Theory]
    [InlineData(CiCacheExport.Max, false)]
    [InlineData(CiCacheExport.Min, false)]
    [InlineData(CiCacheExport.None, true)]
    [InlineData(CiCacheExport.Max, true)]
    public void Cache_exports_and_pushes_add_compressed_blobs_once(CiCacheExport cache, bool push)
    {
        CiDiskEstimate estimate = CiDiskModel.Estimate([Build(4 * GB, 5 * GB, container: true, load: false, push: push, cache: cache), Build(0, 0, container: false, load: true, line: 30)]);
        long blobs = cache == CiCacheExport.Max ? Compressed(5 * GB) : Compressed(4 * GB);
        Assert.Equal(4 * GB + blobs, estimate.Parts.Sum(p => p.Bytes));
    }

    [Fact]
    public void File_outputs_stay_on_disk()
    {
        CiDiskEstimate tar = CiDiskModel.Estimate([Build(2 * GB, 2 * GB, container: true, load: false, output: CiFileOutput.UnpackedTree), new CiCleanup(1, 40, "nothing", 0)]);
        CiDiskEstimate oci = CiDiskModel.Estimate([Build(2 * GB, 2 * GB, container: true, load: false, output: CiFileOutput.CompressedArchive), new CiCleanup(1, 40, "nothing", 0)]);
        Assert.Equal(4 * GB, tar.PeakBytes);
        Assert.Equal(2 * GB + Compressed(2 * GB), oci.PeakBytes);
    }

    [Fact]
    public void Pulls_count_the_unpacked_copy()
    {
        CiDiskEstimate estimate = CiDiskModel.Estimate([new CiImagePull(-1, 5, "pull postgres:16", "postgres:16", 400_000_000, 150_000_000), Build(1 * GB, 1 * GB, container: false, load: true)]);
        Assert.Equal(1 * GB + 400_000_000, estimate.PeakBytes);
        Assert.Contains(estimate.Parts, p => p.Label == "postgres:16 pulled");
    }

    [Fact]
    public void A_cleanup_before_the_peak_gives_its_space_back_and_one_after_does_not()
    {
        CiDiskEvent big = Build(6 * GB, 7 * GB, container: true, load: true, line: 50);
        CiDiskEstimate before = CiDiskModel.Estimate([new CiCleanup(0, 20, "rm -rf /usr/share/dotnet", 3 * GB), big]);
        CiDiskEstimate after = CiDiskModel.Estimate([big, new CiCleanup(2, 60, "rm -rf /usr/share/dotnet", 3 * GB)]);
        Assert.Equal(before.PeakBytes - (3 * GB), before.NetPeakBytes);
        Assert.Equal(3 * GB, before.FreedBytes);
        Assert.Equal(after.PeakBytes, after.NetPeakBytes);
    }

    [Fact]
    public void Unknown_sizes_are_listed_and_the_peak_is_a_lower_bound()
    {
        CiDiskEstimate estimate = CiDiskModel.Estimate([
            new CiImageBuild(0, 10, "frontend/Dockerfile", null, false, true, false, CiCacheExport.None, CiFileOutput.None),
            new CiImagePull(1, 12, "pull example.com/x:1", "example.com/x:1", null, null),
            Build(1 * GB, 1 * GB, container: false, load: true),
        ]);
        Assert.False(estimate.Complete);
        Assert.Equal(["frontend/Dockerfile", "example.com/x:1"], estimate.Unknown);
        Assert.Equal(1 * GB, estimate.PeakBytes);
    }

    [Fact]
    public void No_events_use_no_disk() =>
        Assert.Equal(0, CiDiskModel.Estimate([]).PeakBytes);
}
