namespace Headroom.Net;

/// <summary>The answer to <see cref="HttpFetcher.GetRangeAsync"/>.</summary>
/// <param name="Offset">Where <paramref name="Bytes"/> starts in the file (0 when the server sent the whole file).</param>
/// <param name="Bytes">The bytes received.</param>
/// <param name="TotalLength">The file's length from <c>Content-Range</c> (or the whole body), when known.</param>
/// <param name="IsWholeFile">The server ignored the range and the whole (small enough) file was read instead.</param>
public sealed record HttpRange(long Offset, byte[] Bytes, long? TotalLength, bool IsWholeFile);
