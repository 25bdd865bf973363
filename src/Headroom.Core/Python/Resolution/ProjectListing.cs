using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>The versions of one project for a target, newest first, each with its chosen file or its rejection.</summary>
internal sealed class ProjectListing
{
    private ProjectListing(string name, IReadOnlyList<VersionEntry> entries, bool found)
    {
        Name = name;
        Entries = entries;
        Found = found;
    }

    public string Name { get; }

    /// <summary>Every version with at least one file, newest first.</summary>
    public IReadOnlyList<VersionEntry> Entries { get; }

    /// <summary>False when no index has the project at all.</summary>
    public bool Found { get; }

    /// <summary>
    /// Groups the files by version and picks, per version, the file pip would install on the target: the
    /// best compatible wheel (not yanked when possible), else an sdist when allowed; or records why none fits.
    /// </summary>
    public static ProjectListing Build(string name, IReadOnlyList<DistributionFile> files, TargetEnvironment target, IReadOnlyList<WheelTag> tags, bool allowSdists)
    {
        PythonVersion python = PythonVersion.Parse($"{target.PythonMajor}.{target.PythonMinor}.{target.PythonMicro}");
        var entries = new List<VersionEntry>();
        foreach (IGrouping<PythonVersion, DistributionFile> group in files
            .Where(f => f.Version is not null)
            .GroupBy(f => f.Version!)
            .OrderByDescending(g => g.Key))
        {
            entries.Add(Choose(name, group.Key, [.. group], target, tags, python, allowSdists));
        }

        return new ProjectListing(name, entries, files.Count > 0);
    }

    private static VersionEntry Choose(string name, PythonVersion version, DistributionFile[] files, TargetEnvironment target, IReadOnlyList<WheelTag> tags, PythonVersion python, bool allowSdists)
    {
        var pythonExcluded = new List<DistributionFile>();
        var wheels = new List<(DistributionFile File, WheelFilename Wheel)>();
        var incompatible = new List<WheelFilename>();
        var sdists = new List<DistributionFile>();
        foreach (DistributionFile file in files)
        {
            WheelFilename? wheel = file.Wheel;
            bool pythonOk = file.RequiresPython is null
                || !SpecifierSet.TryParse(file.RequiresPython, out SpecifierSet? requires, out _)
                || requires.Contains(python, prereleases: true);
            if (!pythonOk)
            {
                pythonExcluded.Add(file);
            }
            else if (wheel is null)
            {
                if (IsSdist(file.Filename))
                {
                    sdists.Add(file);
                }
            }
            else if (WheelSelector.SupportIndex(wheel, tags) is null)
            {
                incompatible.Add(wheel);
            }
            else
            {
                wheels.Add((file, wheel));
            }
        }

        if (wheels.Count > 0)
        {
            var pool = wheels.Where(w => !w.File.Yanked).ToList();
            bool yanked = pool.Count == 0;
            if (yanked)
            {
                pool = wheels;
            }

            WheelFilename best = WheelSelector.ChooseBest(pool.Select(w => w.Wheel), tags)!;
            return new VersionEntry(version, pool.First(w => ReferenceEquals(w.Wheel, best)).File, yanked, null);
        }

        if (allowSdists && sdists.Count > 0)
        {
            var pool = sdists.Where(s => !s.Yanked).ToList();
            bool yanked = pool.Count == 0;
            DistributionFile sdist = (yanked ? sdists : pool)
                .OrderBy(s => s.Filename.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(s => s.Filename, StringComparer.Ordinal)
                .First();
            return new VersionEntry(version, sdist, yanked, null);
        }

        RejectedCandidate rejection;
        if (pythonExcluded.Count > 0 && incompatible.Count == 0)
        {
            string? spec = pythonExcluded.Select(f => f.RequiresPython).FirstOrDefault(s => s is not null);
            rejection = new RejectedCandidate(name, version, RejectionKind.RequiresPython, $"requires Python {spec}, the target has {python}", pythonExcluded[0].Filename);
        }
        else if (incompatible.Count > 0)
        {
            string pythons = Summary(incompatible.SelectMany(w => w.PythonTags));
            string platforms = Summary(incompatible.SelectMany(w => w.PlatformTags).Select(PlatformFamily));
            rejection = new RejectedCandidate(name, version, RejectionKind.NoCompatibleWheel, $"no wheel for {target}; its wheels are for {pythons} on {platforms}", incompatible[0].Filename);
        }
        else
        {
            string? sdist = sdists.Select(s => s.Filename).FirstOrDefault();
            rejection = sdist is null
                ? new RejectedCandidate(name, version, RejectionKind.NoCompatibleWheel, "no installable file (neither a wheel nor a source distribution)")
                : new RejectedCandidate(name, version, RejectionKind.SourceOnly, $"only a source distribution ({sdist}), and building from source is not allowed", sdist);
        }

        return new VersionEntry(version, null, false, rejection);
    }

    /// <summary><c>manylinux_2_17_x86_64</c> and <c>musllinux_1_2_aarch64</c> stay as they are; others too, except that macOS and Windows tags are shortened to their family.</summary>
    private static string PlatformFamily(string platform) =>
        platform.StartsWith("macosx", StringComparison.Ordinal) ? "macosx"
        : platform.StartsWith("win", StringComparison.Ordinal) ? "windows"
        : platform;

    /// <summary>The distinct values, sorted, at most eight of them.</summary>
    private static string Summary(IEnumerable<string> values)
    {
        string[] distinct = [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return string.Join(", ", distinct.Take(8)) + (distinct.Length > 8 ? $" and {distinct.Length - 8} more" : string.Empty);
    }

    private static bool IsSdist(string filename) =>
        filename.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
        || filename.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || filename.EndsWith(".tar.bz2", StringComparison.OrdinalIgnoreCase);
}
