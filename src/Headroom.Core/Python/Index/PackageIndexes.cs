using System.Collections.Concurrent;
using Headroom.Diagnostics;
using Headroom.Net;

namespace Headroom.Python.Index;

/// <summary>
/// The package indexes a check may ask (PY001, PY002): one <see cref="IPackageRepository"/> per index
/// configuration, opened once per run and shared by every re-check of <c>fix</c>. When an index fails (no
/// network, an HTTP error without a cached copy) the failure becomes one line in <see cref="Notices"/> and no
/// index is asked again in this run: callers fall back to the embedded knowledge and say so.
/// </summary>
public sealed class PackageIndexes
{
    private readonly Func<IndexConfiguration, IPackageRepository> _open;
    private readonly ConcurrentDictionary<string, IPackageRepository> _repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<DistributionFile>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _notices = new();
    private volatile bool _failed;

    /// <param name="open">Opens the repository of an index configuration (tests return an in-memory one).</param>
    public PackageIndexes(Func<IndexConfiguration, IPackageRepository> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    /// <summary>Over HTTP with <paramref name="fetcher"/> (its disk cache and retries); the caller disposes the fetcher.</summary>
    public static PackageIndexes OverHttp(HttpFetcher fetcher)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        return new PackageIndexes(configuration => new PackageIndex(configuration, fetcher));
    }

    /// <summary>True once an index failed: every later question is answered from the embedded knowledge.</summary>
    public bool Failed => _failed;

    /// <summary>The first failure of the run in one line (naming the index), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Failures and stale copies, one line each, for the caller to print.</summary>
    public IReadOnlyList<string> Notices =>
        [.. _notices, .. _repositories.Values.OfType<PackageIndex>().SelectMany(i => i.Notices).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The files of a project on the indexes of <paramref name="configuration"/> (empty when none has it), or
    /// null when they cannot be had because an index failed (now or earlier in the run).
    /// </summary>
    public IReadOnlyList<DistributionFile>? GetFiles(IndexConfiguration configuration, string normalizedName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(normalizedName);
        string key = KeyOf(configuration);
        if (_files.TryGetValue(key + "\n" + normalizedName, out IReadOnlyList<DistributionFile>? known))
        {
            return known;
        }

        if (_failed)
        {
            return null;
        }

        try
        {
            IPackageRepository repository = _repositories.GetOrAdd(key, _ => _open(configuration));
            IReadOnlyList<DistributionFile> files = repository.GetFilesAsync(normalizedName, CancellationToken.None).GetAwaiter().GetResult();
            _files[key + "\n" + normalizedName] = files;
            return files;
        }
        catch (InputException e)
        {
            Fail(e.Message);
            return null;
        }
    }

    /// <summary>
    /// The repository of <paramref name="configuration"/> (shared with <see cref="GetFiles"/>: one cache of pages and
    /// wheels per configuration), for callers that resolve (the predictor); null once an index failed in this run.
    /// </summary>
    public IPackageRepository? RepositoryFor(IndexConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _failed ? null : _repositories.GetOrAdd(KeyOf(configuration), _ => _open(configuration));
    }

    /// <summary>
    /// Records that an index failed (<paramref name="message"/> names it): one notice, and no index is asked again in
    /// this run.
    /// </summary>
    public void Fail(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_notices)
        {
            if (_failed)
            {
                return;
            }

            _failed = true;
            Failure = message;
            _notices.Enqueue($"{message}; PY001/PY002 and the pip sizes of predictions use the embedded knowledge instead");
        }
    }

    /// <summary>The indexes of a configuration as one line: "https://pypi.org/simple/, https://download.pytorch.org/whl/cpu/".</summary>
    public static string Describe(IndexConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Join(", ", configuration.Indexes.Concat(configuration.FindLinks).Select(i => i.DisplayUrl));
    }

    private static string KeyOf(IndexConfiguration configuration) =>
        $"{configuration.Strategy}|{string.Join(' ', configuration.Indexes.Select(i => i.Url + (i.IsExplicit ? "!" : string.Empty)))}|{string.Join(' ', configuration.FindLinks.Select(i => i.Url))}|{string.Join(' ', configuration.Pins.Select(p => p.Key + "=" + p.Value))}";
}
