namespace Headroom.Apt;

/// <summary>
/// What <c>apt-get install</c> would add to an image: the packages it would unpack (sorted by name) and
/// their sizes. <see cref="InstalledBytes"/> sums the packages' <c>Installed-Size</c>, which dpkg computes
/// when the package is built as the sum of its files rounded up to KiB each, so it is an estimate of the
/// bytes in the layer, not a measurement: <see cref="Exact"/> is always false. Maintainer scripts
/// (ldconfig caches, byte-compiled .pyc files, alternatives) add bytes that no index records.
/// </summary>
/// <param name="Packages">The packages to unpack, sorted by name.</param>
/// <param name="Unresolved">Operands and relations that nothing satisfies (apt would refuse), in the order met.</param>
/// <param name="InstallRecommends">Whether Recommends were followed.</param>
public sealed record AptClosure(IReadOnlyList<AptClosureEntry> Packages, IReadOnlyList<AptUnresolved> Unresolved, bool InstallRecommends)
{
    /// <summary>Σ Installed-Size × 1024 over <see cref="Packages"/>.</summary>
    public long InstalledBytes => Packages.Sum(p => p.Package.InstalledBytes);

    /// <summary>Σ Size (the .deb files apt downloads into /var/cache/apt/archives).</summary>
    public long DownloadBytes => Packages.Sum(p => p.Package.Size ?? 0);

    /// <summary>Installed-Size is dpkg's estimate: never exact.</summary>
    public bool Exact => false;

    /// <summary>Packages whose index entry has no Installed-Size (counted as 0).</summary>
    public IEnumerable<AptClosureEntry> WithoutInstalledSize => Packages.Where(p => p.Package.InstalledSizeKiB is null);
}
