namespace Headroom.Prediction.Ci;

/// <summary>Something a CI job's step does to the runner's disk, in step order (see docs/ci-disk-model.md).</summary>
/// <param name="StepIndex">The step's 0-based position in the job.</param>
/// <param name="Line">The line of the workflow that does it.</param>
/// <param name="Label">What it is, for the breakdown ("build backend/Dockerfile", "pull postgres:16").</param>
public abstract record CiDiskEvent(int StepIndex, int Line, string Label);

/// <summary>An image build and where its result goes.</summary>
/// <param name="Cost">The predicted cost of the build; null when it could not be predicted.</param>
/// <param name="ContainerBuilder">True for a buildx builder with its own store (docker-container, kubernetes, remote drivers); false for the engine's own builder (the <c>docker</c> driver, <c>docker build</c>, compose).</param>
/// <param name="Load">The result is loaded into the engine's store (<c>load: true</c>, <c>--load</c>, <c>type=docker</c>); always true in effect for the engine's own builder.</param>
/// <param name="Push">The result is pushed (compressed layer blobs are made).</param>
/// <param name="CacheExport">The cache export (<c>cache-to</c>): none, min (the image's layers) or max (every stage's layers).</param>
/// <param name="FileOutput">An <c>outputs</c> file export: none, a compressed archive (oci, docker) or an unpacked tree (tar, local).</param>
public sealed record CiImageBuild(
    int StepIndex,
    int Line,
    string Label,
    ImageBuildCost? Cost,
    bool ContainerBuilder,
    bool Load,
    bool Push,
    CiCacheExport CacheExport,
    CiFileOutput FileOutput) : CiDiskEvent(StepIndex, Line, Label);

/// <summary>An image pulled into the engine's store (<c>docker pull</c>, <c>docker run</c> of an image not built here, <c>services:</c>, <c>container:</c>).</summary>
/// <param name="Image">The reference as written.</param>
/// <param name="UnpackedBytes">Its unpacked size, from the base-image table; null when unknown.</param>
/// <param name="CompressedBytes">Its download size; null when unknown.</param>
public sealed record CiImagePull(int StepIndex, int Line, string Label, string Image, long? UnpackedBytes, long? CompressedBytes) : CiDiskEvent(StepIndex, Line, Label);

/// <summary>A clean-up step that deletes preinstalled software and gives the space back.</summary>
public sealed record CiCleanup(int StepIndex, int Line, string Label, long FreedBytes) : CiDiskEvent(StepIndex, Line, Label);

/// <summary>What a build's <c>cache-to</c> exports.</summary>
public enum CiCacheExport
{
    None,
    Min,
    Max,
}

/// <summary>What a build's <c>outputs</c> writes to a file or folder.</summary>
public enum CiFileOutput
{
    None,
    CompressedArchive,
    UnpackedTree,
}
