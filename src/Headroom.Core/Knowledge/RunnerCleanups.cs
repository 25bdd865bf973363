namespace Headroom.Knowledge;

/// <summary>A folder of preinstalled software on a GitHub-hosted Ubuntu runner, and what deleting it gives back on the root disk.</summary>
/// <param name="Name">What it is (".NET runtime").</param>
/// <param name="Paths">The folders (an <c>rm -rf</c> of any of them counts).</param>
/// <param name="FreedBytes">Bytes given back, as measured by the source; 0 when the source measured nothing there.</param>
/// <param name="Source">Where the figure is stated.</param>
/// <param name="Date">When the source was read.</param>
public sealed record RunnerCleanup(string Name, IReadOnlyList<string> Paths, long FreedBytes, string Source, string Date);

/// <summary>
/// What the known clean-up steps give back on a GitHub-hosted Ubuntu runner's root disk (where Docker keeps its
/// images). The figures are jlumbroso/free-disk-space's README ("Typical Output", an ubuntu-20.04.4 runner, 2022;
/// its headline: "up to 31 GB in about 3 minutes"); newer images differ, so they are orders of magnitude, not promises.
/// Swap storage is left out: the swap file is on <c>/mnt</c>, not on the root disk.
/// </summary>
public static class RunnerCleanups
{
    private const string FreeDiskSpaceReadme = "https://github.com/jlumbroso/free-disk-space README, \"Typical Output\" on ubuntu-20.04.4";
    private const string Read = "2026-11-30";
    private const long GiB = 1L << 30;

    public static RunnerCleanup Android { get; } = new("Android SDK", ["/usr/local/lib/android"], 14 * GiB, FreeDiskSpaceReadme, Read);

    public static RunnerCleanup DotNet { get; } = new(".NET runtime", ["/usr/share/dotnet"], (long)(2.7 * GiB), FreeDiskSpaceReadme, Read);

    /// <summary>"Haskell runtime: Saved 0B" on ubuntu-20.04.4 (later images install GHC elsewhere; not measured).</summary>
    public static RunnerCleanup Haskell { get; } = new("Haskell runtime", ["/opt/ghc", "/usr/local/.ghcup"], 0, FreeDiskSpaceReadme, Read);

    public static RunnerCleanup ToolCache { get; } = new("tool cache", ["/opt/hostedtoolcache", "$AGENT_TOOLSDIRECTORY", "${AGENT_TOOLSDIRECTORY}"], (long)(5.9 * GiB), FreeDiskSpaceReadme, Read);

    /// <summary>free-disk-space's <c>large-packages</c> (an <c>apt-get remove</c> of llvm, dotnet, php, browsers, ...).</summary>
    public static RunnerCleanup LargePackages { get; } = new("large apt packages", [], (long)(5.3 * GiB), FreeDiskSpaceReadme, Read);

    /// <summary>Boost is named by actions/runner-images#2840's manual clean-up; no measured figure, so it counts 0.</summary>
    public static RunnerCleanup Boost { get; } = new("Boost", ["/usr/local/share/boost"], 0, "actions/runner-images#2840", Read);

    /// <summary>The folders an <c>rm -rf</c> may name.</summary>
    public static IReadOnlyList<RunnerCleanup> Folders { get; } = [Android, DotNet, Haskell, ToolCache, Boost];

    /// <summary>The row whose folder is <paramref name="path"/> (trailing slashes and a <c>/*</c> ignored), or null.</summary>
    public static RunnerCleanup? ForPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string p = path.Trim().Trim('"', '\'');
        if (p.EndsWith("/*", StringComparison.Ordinal))
        {
            p = p[..^2];
        }

        p = p.TrimEnd('/');
        return Folders.FirstOrDefault(c => c.Paths.Contains(p, StringComparer.Ordinal));
    }

    /// <summary>
    /// What jlumbroso/free-disk-space frees with the given inputs (the action's defaults: android, dotnet, haskell,
    /// large-packages on; tool-cache only when set to true; swap-storage does not count, see the class remarks).
    /// </summary>
    public static IReadOnlyList<RunnerCleanup> FreeDiskSpace(Func<string, string?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        bool On(string name, bool byDefault) => input(name)?.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => byDefault,
        };

        var rows = new List<RunnerCleanup>();
        if (On("android", true))
        {
            rows.Add(Android);
        }

        if (On("dotnet", true))
        {
            rows.Add(DotNet);
        }

        if (On("haskell", true))
        {
            rows.Add(Haskell);
        }

        if (On("large-packages", true))
        {
            rows.Add(LargePackages);
        }

        if (On("tool-cache", false))
        {
            rows.Add(ToolCache);
        }

        return rows;
    }

    /// <summary>What easimon/maximize-build-space's <c>remove-*</c> inputs delete (all off by default).</summary>
    public static IReadOnlyList<RunnerCleanup> MaximizeBuildSpace(Func<string, string?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rows = new List<RunnerCleanup>();
        foreach ((string name, RunnerCleanup row) in (ReadOnlySpan<(string, RunnerCleanup)>)[("remove-android", Android), ("remove-dotnet", DotNet), ("remove-haskell", Haskell)])
        {
            if (string.Equals(input(name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
