namespace Headroom.Prediction;

/// <summary>
/// The predicted image and build of one Dockerfile for one target and set of build arguments: the
/// contract's <c>predictions[]</c> entry plus what the text output says about how it was found.
/// </summary>
public sealed record ImagePrediction
{
    /// <summary>Relative to the checked root, with <c>/</c>.</summary>
    public required string Dockerfile { get; init; }

    /// <summary>The target stage's name, or its index when it has none.</summary>
    public required string Target { get; init; }

    /// <summary><c>linux/amd64</c>.</summary>
    public required string Platform { get; init; }

    /// <summary>The target's Python (<c>3.12</c>), or null when it has none that is known.</summary>
    public string? Python { get; init; }

    public required long ImageBytes { get; init; }

    public required long ImageBytesLow { get; init; }

    public required long ImageBytesHigh { get; init; }

    /// <summary>The builder's peak disk for this build alone (every stage, transient downloads); no CI mode.</summary>
    public required long PeakBuildBytes { get; init; }

    /// <summary>Bytes downloaded: base layers (compressed), wheels, apt archives.</summary>
    public required long DownloadBytes { get; init; }

    /// <summary>What reaches the image, sorted by bytes (largest first), then line, then name.</summary>
    public required IReadOnlyList<PredictedComponent> Components { get; init; }

    /// <summary>What the build holds that the image does not (stages the target does not copy from, transient files).</summary>
    public IReadOnlyList<PredictedComponent> BuildOnly { get; init; } = [];

    public PredictionBudget? Budget { get; init; }

    /// <summary>True when only the embedded knowledge was used (<c>--offline</c>, or the network failed).</summary>
    public bool Offline { get; init; }

    /// <summary>Things to know about the figures (network failures, unknown images, assumptions), each said once.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when every component's size came from data that states it.</summary>
    public bool Exact => Components.All(c => c.Exact);

    /// <summary>The figures the rules need (DF012, GH005).</summary>
    public ImageBuildCost ToCost(string? target) =>
        new(Dockerfile, target, ImageBytes, ImageBytesLow, ImageBytesHigh, PeakBuildBytes, DownloadBytes, Exact);
}
