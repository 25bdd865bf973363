using Headroom.Apt;
using Headroom.Knowledge;

namespace Headroom.Prediction;

/// <summary>
/// The apt closures the predictor needs, from the distribution's real <c>Packages</c> indexes (online) minus
/// the base image's packages. One instance per prediction run: each release's index is read once.
/// </summary>
public sealed class AptSizing : IDisposable
{
    private readonly IAptFetcher _fetcher;
    private readonly HttpAptFetcher? _owned;
    private readonly Dictionary<string, AptPackageIndex?> _indexes = new(StringComparer.Ordinal);

    /// <param name="fetcher">Where the indexes come from; null for the mirrors over HTTP with the on-disk cache.</param>
    public AptSizing(IAptFetcher? fetcher = null)
    {
        if (fetcher is null)
        {
            _owned = new HttpAptFetcher();
            fetcher = _owned;
        }

        _fetcher = fetcher;
    }

    /// <summary>Why an index could not be read (said once), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// The closure of <paramref name="packages"/> on <paramref name="distro"/> <paramref name="release"/> for
    /// <paramref name="architecture"/>, over the packages of <paramref name="packagesKey"/> (a
    /// <see cref="BaseImagePackages"/> key, or null to take a minimal Debian or Ubuntu image's set) and
    /// <paramref name="alreadyInstalled"/>; null when the index cannot be read. <paramref name="basePackages"/>, when
    /// given, are the base image's package names as read from its layers, and replace the key's list.
    /// </summary>
    public AptClosure? Closure(string distro, string release, string architecture, string? packagesKey, IEnumerable<string> packages, bool recommends, IEnumerable<string> alreadyInstalled, IReadOnlyCollection<string>? basePackages = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        AptPackageIndex? index = Index(distro, release, architecture);
        if (index is null)
        {
            return null;
        }

        var installed = new List<AptPackage>(basePackages is null ? BasePackages(index, distro, packagesKey) : basePackages.Select(index.Candidate).OfType<AptPackage>());
        installed.AddRange(alreadyInstalled.Select(index.Candidate).OfType<AptPackage>());
        return new AptClosureCalculator(index, installed).Compute(packages, recommends);
    }

    /// <summary>The base image's packages: its own list, else a minimal image's names at this release's candidate versions.</summary>
    internal static IEnumerable<AptPackage> BasePackages(AptPackageIndex index, string distro, string? packagesKey)
    {
        if (packagesKey is not null && BaseImagePackages.Find(packagesKey) is { } own)
        {
            return own;
        }

        string stand = distro == "ubuntu" ? "ubuntu:24.04" : "debian:bookworm-slim";
        return (BaseImagePackages.Find(stand) ?? []).Select(p => index.Candidate(p.Name) ?? p);
    }

    public void Dispose() => _owned?.Dispose();

    private AptPackageIndex? Index(string distro, string release, string architecture)
    {
        string key = $"{distro}/{release}/{architecture}";
        if (_indexes.TryGetValue(key, out AptPackageIndex? cached))
        {
            return cached;
        }

        AptPackageIndex? index = null;
        if (AptDistribution.Find(distro, release) is { } distribution)
        {
            try
            {
                index = AptIndexLoader.LoadAsync(distribution, architecture, _fetcher).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is Diagnostics.InputException or HttpRequestException or IOException or TaskCanceledException or InvalidDataException)
            {
                Failure ??= $"the {distribution} package index could not be read ({e.Message}); apt sizes come from the embedded table";
            }
        }

        _indexes[key] = index;
        return index;
    }
}
