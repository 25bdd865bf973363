namespace Headroom.Apt;

/// <summary>A package that <c>apt-get install</c> would unpack.</summary>
/// <param name="Package">The candidate version that would be installed.</param>
/// <param name="Reason">Why it is in the closure.</param>
/// <param name="RequiredBy">The package whose relation brought it in (null when requested).</param>
/// <param name="Relation">The relation it satisfies, as written (<c>libpython3.11-stdlib (= 3.11.2-6)</c>), or null when requested.</param>
/// <param name="InstalledVersion">The base image's version when this is an upgrade of an installed package, else null.</param>
public sealed record AptClosureEntry(AptPackage Package, AptClosureReason Reason, string? RequiredBy, string? Relation, DebianVersion? InstalledVersion)
{
    /// <summary>An installed package replaced by a newer version (its files are all written again in the new layer).</summary>
    public bool IsUpgrade => InstalledVersion is not null;
}
