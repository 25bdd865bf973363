namespace Headroom.Python.Index;

/// <summary>What reading a wheel's zip directory told (or why it told nothing).</summary>
/// <param name="Size">The file's size in bytes, when known.</param>
/// <param name="InstalledSize">The sum of the central directory's uncompressed sizes, when the directory was read.</param>
/// <param name="Metadata">The bytes of <c>*.dist-info/METADATA</c>, when read.</param>
/// <param name="Reason">Why something is missing, in one line naming the URL; null when all is there.</param>
public sealed record WheelInspection(long? Size, long? InstalledSize, byte[]? Metadata, string? Reason);
