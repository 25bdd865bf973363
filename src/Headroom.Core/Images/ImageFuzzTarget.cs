using Headroom.Diagnostics;

namespace Headroom.Images;

/// <summary>
/// Entry points for fuzzing harnesses (SharpFuzz, property tests): they feed arbitrary bytes to the
/// readers. The contract: nothing but <see cref="InputException"/> ever escapes, and every call ends.
/// </summary>
public static class ImageFuzzTarget
{
    /// <summary>Reads <paramref name="data"/> as a docker-archive stream (manifest, configs, layers)
    /// and analyses it, with small limits.</summary>
    public static void ReadArchive(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var source = new DockerArchiveStreamSource(new MemoryStream(data, writable: false), "fuzz.tar");
        ImageAnalyzer.Analyze(source, new ImageAnalysisOptions
        {
            Hash = true,
            Selector = new ImageSelector(Verify: true),
            Limits = new ReadLimits(MaxExpansion: 100, ExpansionFloor: 1 << 20, MaxTotalBytes: 16 << 20),
        });
    }

    /// <summary>Reads <paramref name="data"/> as one layer blob (plain, gzip or zstd tar) and merges it.</summary>
    public static void ReadLayer(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var settings = new ScanSettings
        {
            Hash = true,
            Verify = true,
            Limits = new ReadLimits(MaxExpansion: 100, ExpansionFloor: 1 << 20, MaxTotalBytes: 16 << 20),
        };
        LayerScan scan = LayerScanner.Scan(new MemoryStream(data, writable: false), data.Length, settings, "fuzz layer", CancellationToken.None);
        var tree = new FileTree();
        tree.Apply(0, scan);
        PackageAttribution.Find(tree, tree.MetadataNodes, new HashSet<FsNode>(ReferenceEqualityComparer.Instance));
    }

    /// <summary>Parses <paramref name="data"/> as an OCI index or manifest whose blobs are all absent
    /// except itself.</summary>
    public static void ReadIndex(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        OciImageResolver.Resolve(data, "fuzz", new ImageSelector(), _ => data, d => d);
    }
}
