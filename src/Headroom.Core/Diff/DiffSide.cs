namespace Headroom.Diff;

/// <summary>One side of a diff: what was compared and its size.</summary>
/// <param name="Source">The side as the user named it (an image source, a Dockerfile path, <c>REV:path</c>).</param>
/// <param name="Kind"><c>image</c> (measured from a built image) or <c>prediction</c> (predicted from a Dockerfile).</param>
/// <param name="Platform"><c>linux/amd64</c>.</param>
/// <param name="Bytes">The image's size: an image's <c>totals.bytes</c> (the sum of its layers), a prediction's <c>imageBytes</c>.</param>
/// <param name="BytesLow">The low end of a prediction's range (equal to <paramref name="Bytes"/> for an image).</param>
/// <param name="BytesHigh">The high end of a prediction's range (equal to <paramref name="Bytes"/> for an image).</param>
/// <param name="Exact">True for a measured image, and for a prediction whose every size came from data that states it.</param>
public sealed record DiffSide(string Source, string Kind, string Platform, long Bytes, long BytesLow, long BytesHigh, bool Exact)
{
    /// <summary>The kind of a side measured from a built image.</summary>
    public const string ImageKind = "image";

    /// <summary>The kind of a side predicted from a Dockerfile.</summary>
    public const string PredictionKind = "prediction";

    /// <summary>True when the side was predicted, not measured.</summary>
    public bool IsPrediction => Kind == PredictionKind;
}
