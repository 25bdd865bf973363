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
    IReadOnlyList<string> Notes)
{
    /// <summary>The distribution's <c>os-release</c> <c>ID</c> (<c>debian</c>, <c>ubuntu</c>, <c>alpine</c>), when the layers were read.</summary>
    public string? Distro { get; init; }

    /// <summary>The distribution's <c>VERSION_ID</c> (<c>12</c>, <c>24.04</c>), when the layers were read.</summary>
    public string? DistroVersion { get; init; }

    /// <summary>The image's Python (<c>3.12.7</c> from <c>PYTHON_VERSION</c>, or <c>3.11</c> from a <c>python3.11</c> package), or null.</summary>
    public string? Python { get; init; }

    /// <summary>The dpkg packages installed in the image (names), when the layers were read.</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    /// <summary>How apt behaves in the image (its caches, archives and sources), when the layers were read and it has apt.</summary>
    public Apt.AptImageSetup? AptSetup { get; init; }

    /// <summary>True when the figures were read from the on-disk cache of an earlier pass over the same manifest digest.</summary>
    public bool FromCache { get; init; }
}
