namespace Headroom.Knowledge;

/// <summary>One package's <c>apt-get install</c> closure on a release's minimal image.</summary>
/// <param name="Release"><c>debian/12</c>, <c>debian/13</c>, <c>ubuntu/24.04</c>.</param>
/// <param name="Package">The package asked for.</param>
/// <param name="Recommends">True for a plain install, false with <c>--no-install-recommends</c>.</param>
/// <param name="InstalledBytes">The sum of the closure's <c>Installed-Size</c> fields (KiB × 1024).</param>
/// <param name="DownloadBytes">The sum of the closure's <c>.deb</c> sizes.</param>
/// <param name="PackageCount">How many packages the closure holds.</param>
public sealed record AptInstallSize(string Release, string Package, bool Recommends, long InstalledBytes, long DownloadBytes, int PackageCount);

/// <summary>
/// Embedded apt closures of common packages, for predictions without the mirror. Each row is what
/// Headroom's own <see cref="Apt.AptClosureCalculator"/> computed from the release's real
/// <c>Packages</c> indexes (main, -updates, -security) over the packages of a minimal image
/// (<see cref="BaseImagePackages"/>: debian:bookworm-slim's names at the release's versions for Debian,
/// ubuntu:24.04's for Ubuntu); <c>tools/knowledge/gen-apt-sizes.cs</c> regenerates the rows, and
/// <see cref="Date"/> says when. Several packages in one install share dependencies, so summing rows
/// over-counts: the predictor says so.
/// </summary>
public static partial class AptInstallSizes
{
    /// <summary>The row, or null when the package is not in the table.</summary>
    public static AptInstallSize? Find(string release, string package, bool recommends) =>
        Rows.FirstOrDefault(r => r.Release == release && r.Package == package && r.Recommends == recommends);

    /// <summary>Every row.</summary>
    public static IReadOnlyList<AptInstallSize> All => Rows;
}
