namespace Headroom.Apt;

/// <summary>
/// The packages apt can install for one architecture, from one or more <c>Packages</c> indexes (a
/// suite with its -updates and -security suites): every version of every package, and who provides
/// each virtual name. As with apt's default pins (every suite at 500), a package's candidate is its
/// highest version.
/// </summary>
public sealed class AptPackageIndex
{
    private readonly Dictionary<string, List<AptPackage>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(AptPackage Package, AptRelation Provided)>> _providers = new(StringComparer.Ordinal);

    /// <param name="architecture">The native architecture (<c>amd64</c>); packages of other architectures are ignored.</param>
    public AptPackageIndex(string architecture)
    {
        ArgumentException.ThrowIfNullOrEmpty(architecture);
        Architecture = architecture;
    }

    public string Architecture { get; }

    /// <summary>How many package stanzas were kept.</summary>
    public int Count { get; private set; }

    /// <summary>The names of the real packages, sorted.</summary>
    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds packages (e.g. <see cref="AptPackageReader.Read"/>); those of another architecture are skipped.</summary>
    public void AddRange(IEnumerable<AptPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        foreach (AptPackage package in packages)
        {
            Add(package);
        }
    }

    public void Add(AptPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (package.Architecture != Architecture && package.Architecture != "all")
        {
            return;
        }

        if (!_byName.TryGetValue(package.Name, out List<AptPackage>? versions))
        {
            _byName[package.Name] = versions = [];
        }
        else if (versions.Any(v => v.Version == package.Version))
        {
            // The same version in two suites (main and -updates before a point release): one copy.
            return;
        }

        versions.Add(package);
        Count++;
        foreach (AptRelation provided in package.Provides)
        {
            if (!_providers.TryGetValue(provided.Name, out var list))
            {
                _providers[provided.Name] = list = [];
            }

            list.Add((package, provided));
        }
    }

    /// <summary>Every version of a real package, highest first; empty when there is none.</summary>
    public IReadOnlyList<AptPackage> Versions(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out List<AptPackage>? versions)
            ? [.. versions.OrderByDescending(v => v.Version)]
            : [];
    }

    /// <summary>The candidate version of a real package (its highest), or null.</summary>
    public AptPackage? Candidate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_byName.TryGetValue(name, out List<AptPackage>? versions))
        {
            return null;
        }

        AptPackage best = versions[0];
        for (int i = 1; i < versions.Count; i++)
        {
            if (versions[i].Version > best.Version)
            {
                best = versions[i];
            }
        }

        return best;
    }

    /// <summary>The candidate packages that provide <paramref name="name"/>, with the Provides entry that names it.</summary>
    public IReadOnlyList<(AptPackage Package, AptRelation Provided)> Providers(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_providers.TryGetValue(name, out var list))
        {
            return [];
        }

        // Only a package's candidate version counts as a provider (apt installs candidates).
        return [.. list.Where(p => ReferenceEquals(Candidate(p.Package.Name), p.Package))];
    }
}
