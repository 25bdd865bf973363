namespace Headroom.Apt;

/// <summary>
/// One binary package stanza of a <c>Packages</c> index (or of dpkg's <c>status</c>), with the fields
/// that decide what <c>apt-get install</c> brings and how big it is.
/// </summary>
/// <param name="Name">Package.</param>
/// <param name="Version">Version.</param>
/// <param name="Architecture"><c>amd64</c>, <c>arm64</c>, <c>all</c>, ...</param>
/// <param name="InstalledSizeKiB">Installed-Size: dpkg's estimate of the unpacked size in KiB (1024 bytes), or null when absent.</param>
/// <param name="Size">Size: the .deb's download size in bytes, or null (dpkg's status has none).</param>
/// <param name="PreDepends">Pre-Depends, as OR-groups.</param>
/// <param name="Depends">Depends, as OR-groups.</param>
/// <param name="Recommends">Recommends, as OR-groups.</param>
/// <param name="Provides">Provides: the virtual (or real) names this package also satisfies, with a version when given.</param>
/// <param name="MultiArch">Multi-Arch (<c>same</c>, <c>foreign</c>, <c>allowed</c>), or null.</param>
/// <param name="Essential">Essential: yes.</param>
/// <param name="Priority">Priority (<c>required</c>, <c>important</c>, <c>standard</c>, <c>optional</c>, <c>extra</c>), or null.</param>
/// <param name="Source">Where the stanza came from, for messages: <c>URL:LINE</c>.</param>
public sealed record AptPackage(
    string Name,
    DebianVersion Version,
    string Architecture,
    long? InstalledSizeKiB,
    long? Size,
    IReadOnlyList<IReadOnlyList<AptRelation>> PreDepends,
    IReadOnlyList<IReadOnlyList<AptRelation>> Depends,
    IReadOnlyList<IReadOnlyList<AptRelation>> Recommends,
    IReadOnlyList<AptRelation> Provides,
    string? MultiArch,
    bool Essential,
    string? Priority,
    string Source)
{
    /// <summary>Installed-Size in bytes (KiB × 1024); 0 when the field is absent.</summary>
    public long InstalledBytes => (InstalledSizeKiB ?? 0) * 1024;

    /// <summary>A rank for choosing among providers: required 0 … extra 4, unknown 5.</summary>
    public int PriorityRank => Priority switch
    {
        "required" => 0,
        "important" => 1,
        "standard" => 2,
        "optional" => 3,
        "extra" => 4,
        _ => 5,
    };

    public override string ToString() => $"{Name} {Version} ({Architecture})";
}
