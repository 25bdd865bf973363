using System.Collections.Concurrent;
using Headroom.Diagnostics;
using Headroom.Net;

namespace Headroom.Python.Index;

/// <summary>
/// The package indexes of an install over HTTP, as an <see cref="IPackageRepository"/>: project pages of
/// every repository in <see cref="IndexConfiguration"/> (PEP 691 JSON or PEP 503 HTML by content
/// negotiation) and find-links pages or folders, combined the way the installer does
/// (<see cref="IndexStrategy"/>); metadata, download and installed sizes through <see cref="WheelInspector"/>.
/// Pages are fetched once per run (and revalidated against the disk cache). Where a stale cached copy stood
/// in for a failing index, or a wheel's metadata or size could not be had, a line is added to
/// <see cref="Notices"/> for the caller to report.
/// </summary>
public sealed class PackageIndex : IPackageRepository
{
    private readonly HttpFetcher _fetcher;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<DistributionFile>>>> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpDocument?>>> _flatPages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _notices = new();
    private readonly ConcurrentDictionary<string, byte> _noticed = new(StringComparer.Ordinal);

    /// <param name="configuration">The indexes and how they combine.</param>
    /// <param name="fetcher">The HTTP layer (its cache, retries, credentials); the caller disposes it.</param>
    /// <param name="wheels">The wheel reader (its limits); null for one over <paramref name="fetcher"/> with the defaults.</param>
    public PackageIndex(IndexConfiguration configuration, HttpFetcher fetcher, WheelInspector? wheels = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(fetcher);
        Configuration = configuration;
        _fetcher = fetcher;
        Wheels = wheels ?? new WheelInspector(fetcher);
    }

    public IndexConfiguration Configuration { get; }

    public WheelInspector Wheels { get; }

    /// <summary>
    /// When a wheel's metadata has been read (the resolver asks for it), start reading its zip directory for the
    /// installed size at once, without waiting: a prediction sizes every wheel the resolution picks, and this way those
    /// requests overlap with the rest of the resolution instead of following it. A wheel the resolver then rejects costs
    /// one wasted range request or so. On by default.
    /// </summary>
    public bool PrefetchInstalledSizes { get; init; } = true;

    /// <summary>Stale copies used and facts that could not be had, one line each, in the order they happened.</summary>
    public IReadOnlyList<string> Notices => [.. _notices];

    public async Task<IReadOnlyList<DistributionFile>> GetFilesAsync(string normalizedName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedName);
        normalizedName = PackageName.Normalize(normalizedName);
        var found = new List<DistributionFile>();
        foreach (IndexSource links in Configuration.FindLinks)
        {
            found.AddRange(await GetFindLinksAsync(links, normalizedName, cancellationToken).ConfigureAwait(false));
        }

        IReadOnlyList<IndexSource> indexes = Configuration.IndexesFor(normalizedName);
        if (Configuration.Strategy == IndexStrategy.UvFirstIndex)
        {
            foreach (IndexSource index in indexes)
            {
                IReadOnlyList<DistributionFile> files = await GetPageAsync(index, normalizedName, cancellationToken).ConfigureAwait(false);
                if (files.Count > 0)
                {
                    found.AddRange(files);
                    break;
                }
            }

            return found;
        }

        IReadOnlyList<DistributionFile>[] pages = await Task.WhenAll(indexes.Select(i => GetPageAsync(i, normalizedName, cancellationToken))).ConfigureAwait(false);
        foreach (IReadOnlyList<DistributionFile> page in pages)
        {
            found.AddRange(page);
        }

        return found;
    }

    public async Task<CoreMetadata?> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        (CoreMetadata? metadata, string? reason) = await Wheels.GetMetadataAsync(file, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            Notice(reason ?? $"metadata of {file.Filename}: not available");
        }
        else if (PrefetchInstalledSizes && file.Wheel is not null)
        {
            // Not the resolution's token: the resolver cancels its fetches when it is done, and this read is for later.
            _ = Wheels.InspectAsync(file, CancellationToken.None).ContinueWith(
                static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return metadata;
    }

    public async Task<long?> GetInstalledSizeAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Wheel is null)
        {
            Notice($"{file.Filename} is not a wheel: its installed size needs a build");
            return null;
        }

        WheelInspection inspection = await Wheels.InspectAsync(file, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (inspection.InstalledSize is null)
        {
            Notice(inspection.Reason ?? $"installed size of {file.Filename}: not available");
        }

        return inspection.InstalledSize;
    }

    public async Task<long?> GetDownloadSizeAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            long? size = await Wheels.GetSizeAsync(file, cancellationToken).ConfigureAwait(false);
            if (size is null)
            {
                Notice($"size of {HttpFetcher.Redact(file.Url)}: the index does not list it and the server sends no Content-Length");
            }

            return size;
        }
        catch (InputException e)
        {
            Notice(e.Message);
            return null;
        }
    }

    private Task<IReadOnlyList<DistributionFile>> GetPageAsync(IndexSource index, string normalizedName, CancellationToken cancellationToken) =>
        _pages.GetOrAdd(index.Url + "\n" + normalizedName, _ => new Lazy<Task<IReadOnlyList<DistributionFile>>>(() => FetchPageAsync(index, normalizedName, cancellationToken))).Value;

    private async Task<IReadOnlyList<DistributionFile>> FetchPageAsync(IndexSource index, string normalizedName, CancellationToken cancellationToken)
    {
        if (!IndexSource.IsWebUrl(index.Url, out Uri? root))
        {
            throw new InputException($"index {index.Url}: not an http(s) URL");
        }

        root = _fetcher.UseCredentialsOf(root);
        if (!root.AbsolutePath.EndsWith('/'))
        {
            root = new UriBuilder(root) { Path = root.AbsolutePath + "/" }.Uri;
        }

        var page = new Uri(root, Uri.EscapeDataString(normalizedName) + "/");
        string display = index.DisplayUrl;
        Fetched<SimpleProjectPage>? fetched = await _fetcher.GetAsync(page, SimplePageParser.Accept, "index", d => SimplePageParser.Parse(d, normalizedName, display), cancellationToken).ConfigureAwait(false);
        if (fetched is null)
        {
            return [];
        }

        if (fetched.Document.StaleReason is string stale)
        {
            Notice($"{stale}; used the cached copy");
        }

        return fetched.Value.Files;
    }

    private async Task<IReadOnlyList<DistributionFile>> GetFindLinksAsync(IndexSource links, string normalizedName, CancellationToken cancellationToken)
    {
        if (!IndexSource.IsWebUrl(links.Url, out Uri? url))
        {
            string folder = links.Url.StartsWith("file:", StringComparison.Ordinal) && Uri.TryCreate(links.Url, UriKind.Absolute, out Uri? f) ? f.LocalPath : links.Url;
            if (!Directory.Exists(folder))
            {
                Notice($"find-links {links.Url}: no such folder here (it may exist only inside the image)");
                return [];
            }

            return [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(path => LocalFile(path, normalizedName, links.DisplayUrl)).OfType<DistributionFile>()];
        }

        HttpDocument? document = await _flatPages.GetOrAdd(links.Url, _ => new Lazy<Task<HttpDocument?>>(async () =>
        {
            Fetched<HttpDocument>? fetched = await _fetcher.GetAsync(url, "text/html", "find-links", d =>
            {
                SimplePageParser.ParseHtml(d, "-", links.DisplayUrl);
                return d;
            }, cancellationToken).ConfigureAwait(false);
            if (fetched?.Document.StaleReason is string stale)
            {
                Notice($"{stale}; used the cached copy");
            }

            return fetched?.Value;
        })).Value.ConfigureAwait(false);
        return document is null ? [] : SimplePageParser.ParseHtml(document, normalizedName, links.DisplayUrl).Files;
    }

    private static DistributionFile? LocalFile(string path, string normalizedName, string source)
    {
        string name = Path.GetFileName(path);
        PythonVersion? version = DistributionFilenames.VersionOf(name, normalizedName);
        return version is null ? null : new DistributionFile(name, new Uri(Path.GetFullPath(path)), source, version, new FileInfo(path).Length, new Dictionary<string, string>(), null, false, false);
    }

    private void Notice(string line)
    {
        if (_noticed.TryAdd(line, 0))
        {
            _notices.Enqueue(line);
        }
    }
}
