namespace Headroom.Images.Remote;

/// <summary>
/// What a tag (or digest) named for one platform when the registry was last asked, kept by <see cref="BaseImageSizeCache"/>
/// so that a run within <see cref="BaseImageSizerOptions.TagFreshness"/> asks the registry nothing.
/// </summary>
/// <param name="ManifestDigest">The platform's image manifest digest (the key of the measured figures).</param>
/// <param name="Digest">The digest the reference resolved to: the index's when there was one, else the manifest's.</param>
/// <param name="CompressedBytes">The sum of the manifest's layer sizes.</param>
/// <param name="ResolvedAt">When the registry gave this answer.</param>
public sealed record BaseImageTagEntry(string ManifestDigest, string Digest, long CompressedBytes, DateTimeOffset ResolvedAt);
