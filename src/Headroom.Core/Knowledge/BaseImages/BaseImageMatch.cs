using Headroom.Images.Remote;

namespace Headroom.Knowledge;

/// <summary>A table row found for an image reference.</summary>
/// <param name="Image">The row (for a patch tag, with that tag's Python version).</param>
/// <param name="Reference">The parsed reference.</param>
/// <param name="ExactTag">True when the tag is the row's tag or one of its aliases; false when a near row stands in (a patch tag, another CUDA version).</param>
/// <param name="Note">Why a near row was taken, or null.</param>
public sealed record BaseImageMatch(BaseImage Image, ImageReference Reference, bool ExactTag, string? Note);
