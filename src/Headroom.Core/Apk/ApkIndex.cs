namespace Headroom.Apk;

/// <summary>
/// The packages apk can install from one or more repositories (<c>main</c>, <c>community</c>) of a
/// release and architecture: the newest stanza per name, and who provides each virtual name
/// (<c>so:</c>, <c>cmd:</c>, <c>pc:</c>, <c>/bin/sh</c>).
/// </summary>
public sealed class ApkIndex
{
    private readonly Dictionary<string, ApkPackage> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ApkPackage>> _providers = new(StringComparer.Ordinal);

    /// <summary>How many packages the index holds.</summary>
    public int Count => _byName.Count;

    /// <summary>Adds packages; a name already present keeps the stanza read first (main before community, as apk's repository order).</summary>
    public void AddRange(IEnumerable<ApkPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        foreach (ApkPackage package in packages)
        {
            if (!_byName.TryAdd(package.Name, package))
            {
                continue;
            }

            foreach (string provided in package.Provides)
            {
                if (!_providers.TryGetValue(provided, out List<ApkPackage>? list))
                {
                    _providers[provided] = list = [];
                }

                list.Add(package);
            }
        }
    }

    /// <summary>The package of that name, or null.</summary>
    public ApkPackage? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>
    /// What apk would pick for <paramref name="name"/>: the package of that name, else the provider with the
    /// highest <c>k:</c> priority (then the smallest name, for a stable choice); null when nothing provides it.
    /// </summary>
    public ApkPackage? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out ApkPackage? package))
        {
            return package;
        }

        return _providers.TryGetValue(name, out List<ApkPackage>? providers)
            ? providers.OrderByDescending(p => p.ProviderPriority).ThenBy(p => p.Name, StringComparer.Ordinal).First()
            : null;
    }

    /// <summary>The packages that provide <paramref name="name"/> (not counting a package of that name).</summary>
    public IReadOnlyList<ApkPackage> Providers(string name) =>
        _providers.TryGetValue(name, out List<ApkPackage>? providers) ? providers : [];
}
