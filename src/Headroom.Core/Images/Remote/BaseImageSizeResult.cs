using Headroom.Knowledge;

namespace Headroom.Images.Remote;

/// <summary>How big a base image is, and how that is known.</summary>
/// <param name="Reference">The reference asked for, as written.</param>
/// <param name="Platform">The platform sized (<c>linux/amd64</c>).</param>
/// <param name="CompressedBytes">The stored layers (what a pull downloads), or null when unknown.</param>
/// <param name="UncompressedBytes">The unpacked layers, or null when unknown.</param>
/// <param name="UncompressedExact">True when <paramref name="UncompressedBytes"/> was measured by reading every layer.</param>
/// <param name="FromRegistry">True when the manifest was read from the registry; false for embedded knowledge (offline or on failure).</param>
/// <param name="Digest">The manifest digest, when read from the registry.</param>
/// <param name="Knowledge">The embedded table's row, when one matches.</param>
/// <param name="Source">One line: where the figures come from (the registry, or the table row's source and date).</param>
/// <param name="Notes">Anything the caller should say: a registry failure that forced the fallback, a skipped layer pass, a near table row.</param>
public sealed record BaseImageSizeResult(
    string Reference,
    string Platform,
    long? CompressedBytes,
    long? UncompressedBytes,
    bool UncompressedExact,
    bool FromRegistry,
    string? Digest,
    BaseImage? Knowledge,
    string Source,
    IReadOnlyList<string> Notes);
