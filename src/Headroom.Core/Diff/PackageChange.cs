namespace Headroom.Diff;

/// <summary>
/// A package (image) or component (prediction) that differs between the two sides, keyed by ecosystem and name.
/// </summary>
/// <param name="Ecosystem">An image package's ecosystem (<c>pip</c>, <c>dpkg</c>, <c>apk</c>, <c>npm</c>, <c>conda</c>) or a
/// predicted component's kind (<c>base</c>, <c>pip</c>, <c>apt</c>, <c>apk</c>, <c>npm</c>, <c>copy</c>, <c>run</c>).</param>
/// <param name="Name">The package's or component's name as the side reports it (the after side's spelling when both have it).</param>
/// <param name="Change"><c>removed</c>, <c>added</c> or <c>changed</c> (version or bytes differ).</param>
/// <param name="VersionBefore">The version before, or null when added (empty when the side knows none).</param>
/// <param name="VersionAfter">The version after, or null when removed.</param>
/// <param name="BytesBefore">The bytes before (0 when added).</param>
/// <param name="BytesAfter">The bytes after (0 when removed).</param>
/// <param name="Exact">False when a predicted side's size was estimated.</param>
public sealed record PackageChange(string Ecosystem, string Name, string Change, string? VersionBefore, string? VersionAfter, long BytesBefore, long BytesAfter, bool Exact)
{
    /// <summary><c>BytesAfter - BytesBefore</c>.</summary>
    public long Delta => BytesAfter - BytesBefore;
}
