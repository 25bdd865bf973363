namespace Headroom.Apk;

/// <summary>One package stanza of an Alpine <c>APKINDEX</c> (or of apk's installed database), with what sizing needs.</summary>
/// <param name="Name"><c>P:</c>, the package name.</param>
/// <param name="Version"><c>V:</c>, e.g. <c>8.11.1-r0</c>.</param>
/// <param name="Architecture"><c>A:</c>, e.g. <c>x86_64</c>.</param>
/// <param name="InstalledBytes"><c>I:</c>, the installed size in bytes (0 when absent).</param>
/// <param name="Size"><c>S:</c>, the <c>.apk</c> file's size in bytes (0 when absent).</param>
/// <param name="Depends"><c>D:</c>, the dependencies (conflicts, <c>!name</c>, included and marked).</param>
/// <param name="Provides"><c>p:</c>, the names this package also satisfies (<c>so:libcurl.so.4</c>, <c>cmd:curl</c>).</param>
/// <param name="ProviderPriority"><c>k:</c>, the priority among packages providing one name (higher wins), 0 when absent.</param>
/// <param name="Source">Where the stanza came from, for messages.</param>
public sealed record ApkPackage(
    string Name,
    string Version,
    string Architecture,
    long InstalledBytes,
    long Size,
    IReadOnlyList<ApkDependency> Depends,
    IReadOnlyList<string> Provides,
    int ProviderPriority,
    string Source)
{
    public override string ToString() => $"{Name}-{Version}";
}
