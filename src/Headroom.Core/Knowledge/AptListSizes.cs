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

    // Per suite: debian: main of the release, -updates, -security; ubuntu: main + universe of the release, -updates and -security.
    private static readonly Dictionary<string, (string Suite, long Bytes)[]> Suites = new(StringComparer.Ordinal)
    {
        ["debian/13"] = [("trixie", 56_634_892), ("trixie-updates", 2_351), ("trixie-security", 2_261_041)],
        ["debian/12"] = [("bookworm", 50_060_337), ("bookworm-updates", 32_757), ("bookworm-security", 2_559_141)],
        ["ubuntu/24.04"] = [("noble", 7_165_069 + 73_379_142), ("noble-updates", 10_691_489), ("noble-security", 6_710_196 + 7_733_367)], // noble-updates main not read
        ["ubuntu/22.04"] = [("jammy", 6_779_186 + 64_332_414), ("jammy-updates", 22_780_605 + 7_315_242), ("jammy-security", 21_342_111)],
    };

    // The release suite's main/i18n/Translation-en, which apt fetches unless Acquire::Languages is "none" (the official
    // images set it in docker-no-languages): measured in bench/predict's debootstrap bookworm image, 2026-11-30.
    private static readonly Dictionary<string, long> Translations = new(StringComparer.Ordinal)
    {
        ["debian/12"] = 32_699_363,
    };

    /// <summary>
    /// <c>pkgcache.bin</c> (and <c>srcpkgcache.bin</c>, the same size again) per byte of <c>Packages</c> lists read:
    /// 39,092,108 bytes for bookworm main's 50,060,337 in bench/predict's debootstrap image, 2026-11-30 (apt 2.6.1).
    /// An estimate for other releases.
    /// </summary>
    public const double PackageCachePerListByte = 39_092_108.0 / 50_060_337.0;

    /// <summary>The lists' bytes for a distribution release (<c>debian</c>, <c>12</c>), or null when not known.</summary>
    public static long? Find(string distro, string release) =>
        Suites.TryGetValue($"{distro}/{release}", out (string Suite, long Bytes)[]? suites) ? suites.Sum(s => s.Bytes) : null;

    /// <summary>
    /// The <c>Packages</c> bytes of the suites an image's sources name (all the release's suites when
    /// <paramref name="suites"/> is empty), or null when the release is not known.
    /// </summary>
    public static long? Find(string distro, string release, IReadOnlyCollection<string> suites)
    {
        ArgumentNullException.ThrowIfNull(suites);
        if (!Suites.TryGetValue($"{distro}/{release}", out (string Suite, long Bytes)[]? known))
        {
            return null;
        }

        return suites.Count == 0 ? known.Sum(s => s.Bytes) : known.Where(s => suites.Contains(s.Suite)).Sum(s => s.Bytes);
    }

    /// <summary>The release's <c>Translation-en</c> list, or null when not known.</summary>
    public static long? Translation(string distro, string release) =>
        Translations.TryGetValue($"{distro}/{release}", out long bytes) ? bytes : null;
}
