using Headroom.Apk;
using Headroom.Apt;
using Headroom.Diagnostics;

namespace Headroom.Prediction;

/// <summary>
/// The apk closures the predictor needs, from the release's real <c>APKINDEX.tar.gz</c> files (main and
/// community) read through the same on-disk HTTP cache as the apt indexes. One instance per predictor: each
/// release's indexes are read once.
/// </summary>
public sealed class ApkSizing : IDisposable
{
    private readonly IAptFetcher _fetcher;
    private readonly HttpAptFetcher? _owned;
    private readonly Uri _mirror;
    private readonly Dictionary<string, (ApkIndex Index, long IndexBytes)?> _indexes = new(StringComparer.Ordinal);

    /// <param name="fetcher">Where the files come from; null for HTTP with the on-disk cache.</param>
    /// <param name="mirror">The Alpine mirror; null for <see cref="ApkRepository.Mirror"/>.</param>
    public ApkSizing(IAptFetcher? fetcher = null, Uri? mirror = null)
    {
        if (fetcher is null)
        {
            _owned = new HttpAptFetcher(Path.Combine(Path.GetDirectoryName(HttpAptFetcher.DefaultCacheDirectory())!, "apk"));
            fetcher = _owned;
        }

        _fetcher = fetcher;
        _mirror = mirror ?? ApkRepository.Mirror;
    }

    /// <summary>Why an index could not be read (said once), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// The closure of <paramref name="packages"/> on Alpine <paramref name="release"/> over the packages already
    /// installed (names), and the size of the downloaded indexes; null when the indexes cannot be read.
    /// </summary>
    public (ApkClosure Closure, long IndexBytes)? Closure(string release, string architecture, IEnumerable<string> packages, IEnumerable<string> installed)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(installed);
        if (Index(release, architecture) is not { } loaded)
        {
            return null;
        }

        ApkPackage[] present = [.. installed.Select(loaded.Index.Find).OfType<ApkPackage>()];
        return (ApkClosure.Compute(loaded.Index, packages, present), loaded.IndexBytes);
    }

    public void Dispose() => _owned?.Dispose();

    private (ApkIndex Index, long IndexBytes)? Index(string release, string architecture)
    {
        string key = release + "/" + architecture;
        if (_indexes.TryGetValue(key, out var cached))
        {
            return cached;
        }

        (ApkIndex, long)? result = null;
        try
        {
            var index = new ApkIndex();
            long bytes = 0;
            foreach (Uri uri in ApkRepository.IndexUris(_mirror, release, architecture))
            {
                using Stream? stream = _fetcher.OpenAsync(uri, CancellationToken.None).GetAwaiter().GetResult();
                if (stream is null)
                {
                    throw new InputException($"{uri}: not found on the mirror");
                }

                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                bytes += buffer.Length;
                buffer.Position = 0;
                index.AddRange(ApkIndexReader.ReadArchive(buffer, uri.ToString()));
            }

            result = (index, bytes);
        }
        catch (Exception e) when (e is InputException or HttpRequestException or IOException or TaskCanceledException or InvalidDataException)
        {
            Failure ??= $"the Alpine {release} index could not be read ({e.Message}); apk sizes come from the embedded table";
        }

        _indexes[key] = result;
        return result;
    }
}
