using System.Text.RegularExpressions;

namespace Headroom.Apt;

/// <summary>
/// How apt behaves in an image, read from its <c>etc/apt/apt.conf.d/*</c> and sources. The official Debian
/// and Ubuntu images ship <c>docker-clean</c> (no <c>pkgcache.bin</c>/<c>srcpkgcache.bin</c>, the <c>.deb</c>
/// archives deleted after each dpkg run) and <c>docker-no-languages</c> (no <c>Translation-*</c> lists); a
/// debootstrap root filesystem has neither, so every <c>apt-get update</c> and install there leaves ~80 MB of
/// caches and the downloaded archives in the layer unless the same RUN cleans them.
/// </summary>
/// <param name="KeepsArchives">The <c>.deb</c> files stay in <c>/var/cache/apt/archives</c> after an install.</param>
/// <param name="KeepsPackageCache">apt writes <c>/var/cache/apt/pkgcache.bin</c> and <c>srcpkgcache.bin</c>.</param>
/// <param name="DownloadsTranslations"><c>apt-get update</c> fetches the <c>Translation-en</c> lists.</param>
/// <param name="Suites">The suites the sources name (<c>bookworm</c>, <c>bookworm-security</c>); empty when no source was found.</param>
public sealed partial record AptImageSetup(bool KeepsArchives, bool KeepsPackageCache, bool DownloadsTranslations, IReadOnlyList<string> Suites)
{
    /// <summary>The setup of an image whose system files (path → text, as <c>ImageReport.SystemFiles</c>) are given; null when it has no apt configuration at all.</summary>
    public static AptImageSetup? Read(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!files.Keys.Any(k => k.StartsWith("etc/apt/", StringComparison.Ordinal)))
        {
            return null;
        }

        string conf = string.Join('\n', files.Where(f => f.Key.StartsWith("etc/apt/apt.conf", StringComparison.Ordinal)).Select(f => f.Value));
        bool noPackageCache = PackageCacheOff().IsMatch(conf);
        bool archivesRemoved = conf.Contains("Post-Invoke", StringComparison.OrdinalIgnoreCase) && conf.Contains("/var/cache/apt/archives/", StringComparison.Ordinal);
        bool noTranslations = LanguagesNone().IsMatch(conf);
        var suites = new List<string>();
        foreach ((string path, string text) in files.Where(f => f.Key.StartsWith("etc/apt/sources.list", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                if (path.EndsWith(".sources", StringComparison.Ordinal) && line.StartsWith("Suites:", StringComparison.OrdinalIgnoreCase))
                {
                    suites.AddRange(line["Suites:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
                else if (path.EndsWith(".list", StringComparison.Ordinal) && line.StartsWith("deb ", StringComparison.Ordinal))
                {
                    // deb [options] URI SUITE COMPONENT...
                    string[] words = OptionsBlock().Replace(line, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length >= 3)
                    {
                        suites.Add(words[2]);
                    }
                }
            }
        }

        return new AptImageSetup(!archivesRemoved, !noPackageCache, !noTranslations, [.. suites.Distinct(StringComparer.Ordinal)]);
    }

    [GeneratedRegex(@"Dir::Cache::pkgcache\s+""""")]
    private static partial Regex PackageCacheOff();

    [GeneratedRegex(@"Acquire::Languages\s+""none""", RegexOptions.IgnoreCase)]
    private static partial Regex LanguagesNone();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex OptionsBlock();
}
