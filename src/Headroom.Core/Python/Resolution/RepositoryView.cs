using System.Collections.Concurrent;
using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>
/// The repository as one resolution sees it: project listings and core metadata, each fetched once
/// (metadata per name and version), at most <see cref="ResolverOptions.MaxConcurrency"/> calls at a
/// time, and fetched ahead (<see cref="Speculate"/>) when prefetching is on.
/// </summary>
internal sealed class RepositoryView : IDisposable
{
    private readonly IPackageRepository _repository;
    private readonly TargetEnvironment _target;
    private readonly IReadOnlyList<WheelTag> _tags;
    private readonly ResolverOptions _options;
    private readonly MarkerEnvironment _markers;
    private readonly CancellationToken _cancellation;
    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentDictionary<string, Lazy<Task<ProjectListing>>> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<CoreMetadata?>>> _metadata = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DistributionFile> _direct = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _speculated = new(StringComparer.Ordinal);
    private int _listingFetches;
    private int _metadataFetches;

    public RepositoryView(IPackageRepository repository, TargetEnvironment target, ResolverOptions options, CancellationToken cancellation)
    {
        _repository = repository;
        _target = target;
        _tags = CompatibleTags.For(target);
        _options = options;
        _markers = MarkerEnvironment.ForTarget(target);
        _cancellation = cancellation;
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
    }

    public int ListingFetches => Volatile.Read(ref _listingFetches);

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    /// <summary>Makes <paramref name="file"/> (a wheel named by a direct URL) the only file of <paramref name="name"/>.</summary>
    public void AddDirect(string name, DistributionFile file) => _direct[name] = file;

    public Task<ProjectListing> GetListingAsync(string name) =>
        _listings.GetOrAdd(name, n => new Lazy<Task<ProjectListing>>(() => FetchListingAsync(n))).Value;

    /// <summary>The listing of a project whose fetch has completed (the resolver awaits listings before it reads them).</summary>
    public ProjectListing Listing(string name)
    {
        Task<ProjectListing> task = GetListingAsync(name);
        return task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException($"the listing of {name} was read before it was fetched");
    }

    /// <summary>Fetches the listings of <paramref name="names"/> concurrently.</summary>
    public Task LoadListingsAsync(IEnumerable<string> names) => Task.WhenAll(names.Distinct(StringComparer.Ordinal).Select(GetListingAsync));

    /// <summary>The metadata of one version (of its chosen file), fetched once per name and version.</summary>
    public Task<CoreMetadata?> GetMetadataAsync(string name, VersionEntry entry) =>
        _metadata.GetOrAdd($"{name} {entry.Version}", _ => new Lazy<Task<CoreMetadata?>>(() => FetchMetadataAsync(entry.File!))).Value;

    /// <summary>True when the metadata of that version was requested (for the statistics).</summary>
    public bool HasMetadataTask(string name, PythonVersion version) => _metadata.ContainsKey($"{name} {version}");

    /// <summary>
    /// Starts fetching, without waiting, what resolving <paramref name="name"/> will probably need: its
    /// listing, the metadata of its newest version that <paramref name="specifier"/> allows, and so on
    /// down that version's dependencies. Each project is speculated on once; failures are left for the
    /// resolver to meet (and report) when it asks for the same thing.
    /// </summary>
    public void Speculate(string name, SpecifierSet specifier, bool pre)
    {
        if (!_options.Prefetch || _cancellation.IsCancellationRequested || !_speculated.TryAdd(name, true))
        {
            return;
        }

        _ = SpeculateAsync(name, specifier, pre);
    }

    /// <summary>Starts fetching the metadata of a candidate the resolver may try next.</summary>
    public void Prefetch(string name, VersionEntry entry)
    {
        if (_options.Prefetch && entry.File is not null)
        {
            _ = ObserveAsync(GetMetadataAsync(name, entry));
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task SpeculateAsync(string name, SpecifierSet specifier, bool pre)
    {
        try
        {
            ProjectListing listing = await GetListingAsync(name).ConfigureAwait(false);
            bool allowPre = pre || specifier.ImpliesPreReleases;
            VersionEntry? best = listing.Entries.FirstOrDefault(e => e.File is not null && !e.Yanked
                && (allowPre || !e.Version.IsPreRelease) && specifier.Contains(e.Version, prereleases: true));
            if (best is null)
            {
                return;
            }

            CoreMetadata? metadata = await GetMetadataAsync(name, best).ConfigureAwait(false);
            foreach (Requirement dependency in metadata?.RequiresDist ?? [])
            {
                if (dependency.AppliesTo(_markers))
                {
                    Speculate(dependency.NormalizedName, dependency.Specifier, pre);
                }
            }
        }
        catch (Exception)
        {
            // Speculation only: the resolver meets the same failure when it needs the same thing, and reports it there.
        }
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Observed here; the resolver awaits the same cached task and reports the failure.
        }
    }

    private async Task<ProjectListing> FetchListingAsync(string name)
    {
        IReadOnlyList<DistributionFile> files;
        if (_direct.TryGetValue(name, out DistributionFile? direct))
        {
            files = [direct];
        }
        else
        {
            await _gate.WaitAsync(_cancellation).ConfigureAwait(false);
            try
            {
                Interlocked.Increment(ref _listingFetches);
                files = await _repository.GetFilesAsync(name, _cancellation).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        return ProjectListing.Build(name, files, _target, _tags, _options.AllowSourceDistributions);
    }

    private async Task<CoreMetadata?> FetchMetadataAsync(DistributionFile file)
    {
        await _gate.WaitAsync(_cancellation).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _metadataFetches);
            return await _repository.GetMetadataAsync(file, _cancellation).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
