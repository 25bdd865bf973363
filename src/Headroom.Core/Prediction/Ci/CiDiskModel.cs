namespace Headroom.Prediction.Ci;

/// <summary>
/// The CI-mode disk model: a job's image builds, pulls and clean-ups (in step order) to its peak disk use.
/// Pure arithmetic on the figures it is given; the rules are written down in docs/ci-disk-model.md:
/// <list type="bullet">
/// <item>Every build needs its <see cref="ImageBuildCost.PeakBuildBytes"/> on top of what is already held while it
/// runs; afterwards the builder keeps the image's layers (<see cref="ImageBuildCost.ImageBytes"/>) as its cache until the job ends.</item>
/// <item>On the engine's own builder the image is in the engine's store already: that is the one copy.</item>
/// <item>On a container builder, loading exports a tarball of compressed layers and the engine unpacks it: while
/// loading, the builder's copy, the tarball and the loaded copy all exist; afterwards the tarball is gone.</item>
/// <item>Pushing and exporting a cache make compressed layer blobs in the builder's content store, which stay:
/// the image's layers for a push and <c>mode=min</c>, every stage's (the build's peak) for <c>mode=max</c>; the
/// largest of these counts once, they share blobs.</item>
/// <item>A file output is kept: a compressed archive (oci, docker) or the unpacked image (tar, local).</item>
/// <item>A pull keeps the unpacked layers (each layer's download is removed once it is unpacked, so only the unpacked copy counts).</item>
/// <item>A clean-up gives its figure back from then on. The peak that must fit is max over time of (held - freed).</item>
/// </list>
/// </summary>
public static class CiDiskModel
{
    /// <summary>
    /// Compressed layer bytes per unpacked byte. The inverse of the installed/download ratio of a CUDA stack,
    /// ≈1.65× (shared/reference/ml-wheels.md §6, an inference from a 3.9 GB download taking 6.5 GB installed,
    /// blog.laiqwq.com/archives/682 and drose.io, read 2026-11-29): ML images are mostly shared libraries that compress about this much.
    /// </summary>
    public const double CompressedPerUnpacked = 1 / 1.65;

    public static CiDiskEstimate Estimate(IEnumerable<CiDiskEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var held = new List<CiDiskPart>();
        var unknown = new List<string>();
        long freed = 0;
        long bestNet = 0;
        long bestPeak = 0;
        long bestFreed = 0;
        int bestLine = 0;
        bool any = false;
        List<CiDiskPart> bestParts = [];

        void Consider(IReadOnlyList<CiDiskPart> transient, int line)
        {
            long total = held.Sum(p => p.Bytes) + transient.Sum(p => p.Bytes);
            if (total - freed > bestNet || !any)
            {
                any = true;
                bestNet = total - freed;
                bestPeak = total;
                bestFreed = freed;
                bestLine = line;
                bestParts = [.. held, .. transient];
            }
        }

        foreach (CiDiskEvent e in events)
        {
            switch (e)
            {
                case CiCleanup cleanup:
                    freed += cleanup.FreedBytes;
                    break;
                case CiImagePull pull when pull.UnpackedBytes is long unpacked:
                    held.Add(new CiDiskPart($"{pull.Image} pulled", unpacked, pull.Line));
                    Consider([], pull.Line);
                    break;
                case CiImagePull pull:
                    unknown.Add(pull.Image);
                    break;
                case CiImageBuild build when build.Cost is { } cost:
                    Build(build, cost, held, Consider);
                    break;
                case CiImageBuild build:
                    unknown.Add(build.Label);
                    break;
            }
        }

        if (!any)
        {
            return new CiDiskEstimate(0, freed, 0, [], unknown);
        }

        return new CiDiskEstimate(bestPeak, bestFreed, bestLine, [.. bestParts.Where(p => p.Bytes > 0).OrderByDescending(p => p.Bytes)], unknown);
    }

    private static void Build(CiImageBuild build, ImageBuildCost cost, List<CiDiskPart> held, Action<IReadOnlyList<CiDiskPart>, int> consider)
    {
        string name = build.Label;
        long image = cost.ImageBytes;
        long peak = Math.Max(cost.PeakBuildBytes, image);
        consider([new CiDiskPart($"{name} building ({(build.ContainerBuilder ? "builder" : "engine")})", peak, build.Line)], build.Line);
        held.Add(new CiDiskPart(build.ContainerBuilder ? $"{name} in the builder's store" : $"{name} in the engine's store", image, build.Line));
        if (build.ContainerBuilder && build.Load)
        {
            var tarball = new CiDiskPart($"{name} tarball for the load", Compressed(image), build.Line);
            var loaded = new CiDiskPart($"{name} loaded into the engine", image, build.Line);
            consider([tarball, loaded], build.Line);
            held.Add(loaded);
        }

        long blobs = Math.Max(
            build.Push || build.CacheExport == CiCacheExport.Min ? Compressed(image) : 0,
            build.CacheExport == CiCacheExport.Max ? Compressed(peak) : 0);
        if (blobs > 0)
        {
            string why = build.CacheExport == CiCacheExport.Max ? "cache-to mode=max" : build.CacheExport == CiCacheExport.Min ? "cache-to" : "push";
            held.Add(new CiDiskPart($"{name} compressed blobs ({why})", blobs, build.Line));
        }

        if (build.FileOutput != CiFileOutput.None)
        {
            held.Add(new CiDiskPart($"{name} output file", build.FileOutput == CiFileOutput.CompressedArchive ? Compressed(image) : image, build.Line));
        }

        consider([], build.Line);
    }

    private static long Compressed(long bytes) => (long)Math.Round(bytes * CompressedPerUnpacked);
}
