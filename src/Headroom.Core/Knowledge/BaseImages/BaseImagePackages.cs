using Headroom.Apt;

namespace Headroom.Knowledge;

/// <summary>
/// The dpkg packages that common Debian and Ubuntu base images already hold, for subtracting them
/// from an <c>apt-get install</c> closure. How each list was made (debootstrap runs and published
/// package lists, with dates) is written in <c>tools/knowledge/gen-base-packages.py</c>, which
/// regenerates <c>BaseImagePackages.Data.cs</c>.
/// </summary>
public static partial class BaseImagePackages
{
    /// <summary>Where each list comes from, by image.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["debian:bookworm-slim"] = "debootstrap --variant=minbase bookworm from deb.debian.org, 2026-11-30 (Debian 12.15); the same package names as debuerreotype's rootfs.manifest of debian:bookworm-slim (docker-debian-artifacts dist-amd64, 2024-12-02)",
        ["ubuntu:24.04"] = "debootstrap --variant=minbase noble from archive.ubuntu.com, 2026-11-30: an approximation (Canonical's image is built otherwise)",
        ["python:3.12-slim-bookworm"] = "debian:bookworm-slim's list plus the 17 packages docker-library/repo-info lists for python:3.12.13-slim-bookworm (repos/python/local/3.12-slim-bookworm.md, commit 33cda30, image of 2026-08-05), at the versions of bookworm's indexes on 2026-11-30",
    };

    /// <summary>The images with a package list.</summary>
    public static IEnumerable<string> Images => AllRows.Select(r => r.Image);

    /// <summary>
    /// The installed packages of <paramref name="image"/> (a key of <see cref="Sources"/>, e.g.
    /// <c>debian:bookworm-slim</c>), as <see cref="AptPackage"/>s for <see cref="AptClosureCalculator"/>; null when unknown.
    /// </summary>
    public static IReadOnlyList<AptPackage>? Find(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        foreach ((string name, InstalledPackageRow[] rows) in AllRows)
        {
            if (name == image)
            {
                return [.. rows.Select(r => ToPackage(r, name))];
            }
        }

        return null;
    }

    private static AptPackage ToPackage(InstalledPackageRow row, string image) => new(
        row.Name,
        DebianVersion.Parse(row.Version),
        row.Architecture,
        row.InstalledSizeKiB,
        null,
        [],
        [],
        [],
        row.Provides.Length == 0 ? [] : AptRelationParser.ParseList(row.Provides),
        null,
        false,
        null,
        $"embedded dpkg status of {image}");
}
