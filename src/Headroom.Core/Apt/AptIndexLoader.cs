using Headroom.Diagnostics;

namespace Headroom.Apt;

/// <summary>Builds an <see cref="AptPackageIndex"/> from a distribution's mirror indexes through an <see cref="IAptFetcher"/>.</summary>
public static class AptIndexLoader
{
    /// <summary>
    /// Reads every suite and component of <paramref name="distribution"/> for <paramref name="architecture"/>.
    /// A missing index of the release itself is an <see cref="InputException"/>; a missing optional
    /// (-updates, -security) one is left out and listed in <paramref name="skipped"/>.
    /// </summary>
    public static async Task<AptPackageIndex> LoadAsync(
        AptDistribution distribution,
        string architecture,
        IAptFetcher fetcher,
        ICollection<Uri>? read = null,
        ICollection<string>? skipped = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(fetcher);
        var index = new AptPackageIndex(architecture);
        foreach (AptSuite suite in distribution.Suites(architecture))
        {
            foreach (string component in suite.Components)
            {
                Uri? found = await AddAsync(index, suite.PackagesUris(component, architecture), fetcher, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    read?.Add(found);
                }
                else if (suite.Optional)
                {
                    skipped?.Add($"{suite.Suite}/{component}");
                }
                else
                {
                    throw new InputException($"{suite.PackagesUris(component, architecture).First()}: not found on the mirror ({distribution} {architecture})");
                }
            }
        }

        return index;
    }

    /// <summary>Adds the first of <paramref name="candidates"/> that exists; returns its URL, or null when none does.</summary>
    public static async Task<Uri?> AddAsync(AptPackageIndex index, IEnumerable<Uri> candidates, IAptFetcher fetcher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(fetcher);
        foreach (Uri uri in candidates)
        {
            Stream? stream = await fetcher.OpenAsync(uri, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                continue;
            }

            using (stream)
            {
                // A file of the on-disk cache: its parsed form is kept beside it (the 56 MB indexes take seconds to parse).
                index.AddRange(stream is FileStream file ? AptParsedIndexCache.Load(file.Name, stream, uri.ToString(), uri.AbsoluteUri) : AptPackageReader.Read(stream, uri.ToString()));
            }

            return uri;
        }

        return null;
    }
}
