namespace Headroom.Images;

/// <summary>One layer of a resolved image, in order, as a source describes it.</summary>
/// <param name="BlobKey">How the source finds the blob: a path inside an archive or directory
/// (<c>blobs/sha256/HEX</c>, <c>ID/layer.tar</c>) or a digest for a registry. Two layers with the
/// same key are the same blob and are read once.</param>
/// <param name="Digest">What reports show: the blob digest (OCI) or the diff ID (classic docker-archive).</param>
/// <param name="ExpectedBlobDigest">The sha256 the stored blob must have (<c>--verify</c>), when known.</param>
/// <param name="DiffId">The sha256 of the uncompressed tar from the config's <c>rootfs.diff_ids</c>, when known.</param>
/// <param name="Size">The blob's stored size from the manifest, when known.</param>
/// <param name="MediaType">The descriptor's media type, when known (only checked, never used to pick a decoder).</param>
/// <param name="CreatedBy">The config history's <c>created_by</c> for this layer.</param>
/// <param name="IsEmptyDescriptor">An <c>application/vnd.oci.empty.v1+json</c> layer: no files, nothing to read.</param>
public sealed record LayerDescriptor(
    string BlobKey,
    string Digest,
    string? ExpectedBlobDigest,
    string? DiffId,
    long? Size,
    string? MediaType,
    string? CreatedBy,
    bool IsEmptyDescriptor = false);

/// <summary>An image picked from a source: its identity, platform and ordered layers.</summary>
public sealed record ResolvedImage(string ImageId, string Platform, IReadOnlyList<LayerDescriptor> Layers);

/// <summary>Which image to pick from a source that holds several.</summary>
/// <param name="Platform"><c>os/arch[/variant]</c>, or null for the default (linux/amd64, else the only one).</param>
/// <param name="Reference">A tag or <c>org.opencontainers.image.ref.name</c>, or null when the source holds one image.</param>
/// <param name="Verify">Check the digest of every blob and of every uncompressed layer while reading.</param>
public sealed record ImageSelector(string? Platform = null, string? Reference = null, bool Verify = false);

/// <summary>A layer's place in the report.</summary>
public sealed record FileChangeCounts(int Added, int Modified, int Removed);

public sealed record LayerReport(
    int Index,
    string Digest,
    string? CreatedBy,
    long CompressedBytes,
    long Bytes,
    FileChangeCounts Files,
    string Compression);

public sealed record ImageTotals(long Bytes, long FinalBytes, long ReclaimableBytes, long CompressedBytes, double Efficiency, long FileCount);

/// <summary>An installed package and the bytes its files hold in the final filesystem.</summary>
public sealed record PackageUsage(string Ecosystem, string Name, string Version, long Bytes, int Layer, long FileCount);

/// <summary>Bytes of the final filesystem in one category (each byte in at most one).</summary>
public sealed record CategoryUsage(string Name, long Bytes, long FileCount);

/// <summary>A file of the final filesystem, with the layer that wrote the visible version.</summary>
public sealed record FileUsage(string Path, long Bytes, int Layer);

/// <summary>Files with the same content (<c>--hash</c>), across all layers, hidden ones included.</summary>
public sealed record DuplicateGroup(string Sha256, long Bytes, long WastedBytes, IReadOnlyList<FileUsage> Files);

/// <summary>One gate's outcome. Max gates fail when <c>Value &gt;= Threshold</c>; min-efficiency passes when <c>Value &gt;= Threshold</c>.</summary>
public sealed record GateResult(string Name, double Threshold, double Value, bool Passed, string Unit);

/// <summary>Everything <c>headroom image</c> reports (the JSON document of the contract).</summary>
public sealed record ImageReport(
    string Source,
    string Platform,
    string ImageId,
    IReadOnlyList<LayerReport> Layers,
    ImageTotals Totals,
    IReadOnlyList<PackageUsage> Packages,
    IReadOnlyList<CategoryUsage> Categories,
    IReadOnlyList<FileUsage> LargestFiles,
    IReadOnlyList<DuplicateGroup>? Duplicates)
{
    public IReadOnlyList<GateResult> Gates { get; init; } = [];

    /// <summary>Bytes by layer and folder of the final filesystem, plus each layer's hidden bytes (only with
    /// <see cref="ImageAnalysisOptions.SizeTree"/>; not part of the JSON document).</summary>
    public Reports.SizeNode? Tree { get; init; }

    /// <summary>
    /// The text of the small system files visible in the final filesystem that tell how the image behaves
    /// (<c>etc/os-release</c> or <c>usr/lib/os-release</c>, apt's <c>etc/apt/apt.conf.d/*</c> and sources), by path
    /// without the leading <c>/</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> SystemFiles { get; init; } = new Dictionary<string, string>();

    public bool GatesPassed => Gates.All(g => g.Passed);
}
