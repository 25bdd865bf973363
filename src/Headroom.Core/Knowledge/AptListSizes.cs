namespace Headroom.Knowledge;

/// <summary>
/// What <c>apt-get update</c> leaves in <c>/var/lib/apt/lists</c> on an official image (amd64): the
/// uncompressed <c>Packages</c> indexes of the suites and components the image's sources name, as
/// their <c>InRelease</c> files state the sizes (read from deb.debian.org and archive.ubuntu.com on
/// 2026-11-30). Ubuntu's restricted and multiverse components, and the small InRelease files, are left out.
/// </summary>
public static class AptListSizes
{
    /// <summary>The date the InRelease files were read.</summary>
    public const string Date = "2026-11-30";

    // debian: main of the release + -updates + -security; ubuntu: main + universe of the release, -updates and -security.
    private static readonly Dictionary<string, long> Sizes = new(StringComparer.Ordinal)
    {
        ["debian/13"] = 56_634_892 + 2_351 + 2_261_041,   // trixie, trixie-updates, trixie-security
        ["debian/12"] = 50_060_337 + 32_757 + 2_559_141,  // bookworm, bookworm-updates, bookworm-security
        ["ubuntu/24.04"] = 7_165_069 + 73_379_142 + 10_691_489 + 6_710_196 + 7_733_367, // noble main+universe, -updates universe, -security main+universe (noble-updates main not read)
        ["ubuntu/22.04"] = 6_779_186 + 64_332_414 + 22_780_605 + 7_315_242 + 21_342_111, // jammy main+universe, -updates main+universe, -security main
    };

    /// <summary>The lists' bytes for a distribution release (<c>debian</c>, <c>12</c>), or null when not known.</summary>
    public static long? Find(string distro, string release) =>
        Sizes.TryGetValue($"{distro}/{release}", out long bytes) ? bytes : null;
}
