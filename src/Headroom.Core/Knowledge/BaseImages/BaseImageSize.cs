namespace Headroom.Knowledge;

/// <summary>A base image's size on one platform, with where the figure comes from.</summary>
/// <param name="Platform"><c>linux/amd64</c>, <c>linux/arm64</c>.</param>
/// <param name="CompressedBytes">The layers' stored (transfer) size: what a pull downloads; null when unknown.</param>
/// <param name="UncompressedBytes">The unpacked layers, as <c>docker images</c> shows them; null when unknown.</param>
/// <param name="Estimate">True when a figure is rounded, second-hand or derived rather than read from the image's manifest.</param>
/// <param name="Source">Where the figures are stated, or how they were derived.</param>
/// <param name="Date">When the source was read or the image built (ISO date).</param>
public sealed record BaseImageSize(string Platform, long? CompressedBytes, long? UncompressedBytes, bool Estimate, string Source, string Date);
