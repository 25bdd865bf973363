namespace Headroom.Knowledge;

/// <summary>One npm package version's sizes as the registry serves it.</summary>
/// <param name="Name">The package.</param>
/// <param name="Version">The version measured.</param>
/// <param name="UnpackedBytes">The unpacked tar's length (the gzip trailer of the tarball): what lands in node_modules, headers included.</param>
/// <param name="TarballBytes">The tarball's length: what the npm cache keeps.</param>
public sealed record NpmPackageSize(string Name, string Version, long UnpackedBytes, long TarballBytes);

/// <summary>
/// Embedded npm knowledge for predictions without the registry: the real sizes of a few common packages
/// (<c>tools/knowledge/gen-npm-sizes.py</c> reads them from the registry's tarballs; <see cref="Date"/> says when),
/// what a direct dependency brings when there is no lock file, and the assumptions used for anything else.
/// </summary>
public static partial class NpmPackageSizes
{
    /// <summary>
    /// A package that is not in the table: 250 kB unpacked (range 60 kB to 1 MB). An assumption of this tool: most
    /// packages are small (the table's median is 0.14 MB) and a few native or compiler packages are tens of MB.
    /// </summary>
    public static (long Point, long Low, long High) UnknownPackage { get; } = (250_000, 60_000, 1_000_000);

    /// <summary>
    /// A direct dependency with no lock file to say what it pulls in, when the table has no closure for it: 5 MB
    /// (0.3 MB to 50 MB). An assumption of this tool.
    /// </summary>
    public static (long Point, long Low, long High) UnknownDirectDependency { get; } = (5_000_000, 300_000, 50_000_000);

    /// <summary>
    /// Tarball bytes per unpacked byte, for the npm cache when only the unpacked size is estimated: the table's
    /// rows sum to about 0.27 (tarball over unpacked); 0.3 is used.
    /// </summary>
    public static double TarballRatio => 0.3;

    /// <summary>
    /// The packages a direct dependency installs on linux/x64 (the lock file <c>npm install --package-lock-only</c> made
    /// for the example's vite 5 and typescript 5, and for react 18 and react-dom 18, 2026-11-30).
    /// </summary>
    private static readonly Dictionary<string, string[]> Closures = new(StringComparer.Ordinal)
    {
        ["vite"] = ["vite", "esbuild", "@esbuild/linux-x64", "rollup", "@rollup/rollup-linux-x64-gnu", "postcss", "nanoid", "picocolors", "source-map-js", "@types/estree"],
        ["typescript"] = ["typescript"],
        ["react"] = ["react", "loose-envify", "js-tokens"],
        ["react-dom"] = ["react-dom", "scheduler", "loose-envify", "js-tokens"],
    };

    /// <summary>The row of a package (any version measured), or null.</summary>
    public static NpmPackageSize? Find(string name) => Rows.FirstOrDefault(r => r.Name == name);

    /// <summary>Every row.</summary>
    public static IReadOnlyList<NpmPackageSize> All => Rows;

    /// <summary>
    /// The packages <paramref name="dependency"/> installs as a direct dependency with the platform's native packages
    /// (<paramref name="musl"/> picks rollup's musl build), or null when the table does not know.
    /// </summary>
    public static IReadOnlyList<NpmPackageSize>? Closure(string dependency, bool musl)
    {
        if (!Closures.TryGetValue(dependency, out string[]? names))
        {
            return null;
        }

        return [.. names.Select(n => musl && n == "@rollup/rollup-linux-x64-gnu" ? "@rollup/rollup-linux-x64-musl" : n).Select(Find).OfType<NpmPackageSize>()];
    }
}
