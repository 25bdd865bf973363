namespace Headroom.Prediction;

/// <summary>
/// One part of a predicted image or build: the base image, a pip/apt/apk/npm install, a COPY from the
/// context or another stage, or another RUN's output.
/// </summary>
/// <param name="Kind"><c>base</c>, <c>pip</c>, <c>apt</c>, <c>apk</c>, <c>npm</c>, <c>copy</c> or <c>run</c> (the contract's kinds).</param>
/// <param name="Name">What it is: the image, the package, the copied source, <c>pip cache</c>.</param>
/// <param name="Version">The version, or the empty string.</param>
/// <param name="Bytes">The bytes it adds to the layer (or the image, for the base): the point estimate.</param>
/// <param name="Line">The Dockerfile line (1-based) of the instruction that adds it.</param>
/// <param name="Exact">True when the size comes from data that states it (see the contract).</param>
public sealed record PredictedComponent(string Kind, string Name, string Version, long Bytes, int Line, bool Exact)
{
    /// <summary>The low end of the estimate (equal to <see cref="Bytes"/> when exact).</summary>
    public long LowBytes { get; init; } = Bytes;

    /// <summary>The high end of the estimate.</summary>
    public long HighBytes { get; init; } = Bytes;

    /// <summary>Bytes downloaded to produce it (wheels, .deb archives, compressed base layers).</summary>
    public long DownloadBytes { get; init; }

    /// <summary>Bytes that exist on the builder's disk only while its RUN runs (wheel files, apt archives) and are not in the layer.</summary>
    public long TransientBytes { get; init; }

    /// <summary>How the size was found or estimated, for the text output; null when nothing needs saying.</summary>
    public string? How { get; init; }

    /// <summary>The group this component belongs to for the "cause" line (<c>CUDA stack</c>), or null.</summary>
    public string? Group { get; init; }

    /// <summary>Where it lands in the filesystem (for <c>COPY --from</c> shares), or null when unknown.</summary>
    public string? Location { get; init; }

    /// <summary>The stage (0-based index) whose layer holds it.</summary>
    public int Stage { get; init; }
}
