namespace Headroom.Prediction;

/// <summary>What building one Dockerfile (one target, one set of build arguments) costs, as predicted.</summary>
/// <param name="Dockerfile">The Dockerfile's path relative to the checked root, with <c>/</c>.</param>
/// <param name="Target">The target stage (<c>--target</c>), or null for the last stage.</param>
/// <param name="ImageBytes">The predicted image size: the sum of its layers' file bytes.</param>
/// <param name="ImageBytesLow">The low end of the prediction's range.</param>
/// <param name="ImageBytesHigh">The high end of the prediction's range.</param>
/// <param name="PeakBuildBytes">The builder's peak disk for this build alone (every stage's snapshots plus transient downloads), before what the CI mode adds (export, load, cache-to).</param>
/// <param name="DownloadBytes">Bytes downloaded by the build: base layers, wheels, apt archives.</param>
/// <param name="Exact">True when every component's size came from data that states it.</param>
public sealed record ImageBuildCost(
    string Dockerfile,
    string? Target,
    long ImageBytes,
    long ImageBytesLow,
    long ImageBytesHigh,
    long PeakBuildBytes,
    long DownloadBytes,
    bool Exact);
