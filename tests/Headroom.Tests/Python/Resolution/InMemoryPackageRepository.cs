using System.Collections.Concurrent;
using Headroom.Python;
using Headroom.Python.Index;

namespace Headroom.Tests.Python.Resolution;

/// <summary>
/// An <see cref="IPackageRepository"/> held in memory and written in a small text format, so that
/// resolver cases read like an index listing:
/// <code>
/// torch 2.5.1 wheels=cp312-cp312-manylinux_2_17_x86_64 python=&gt;=3.9
///   nvidia-cublas-cu12==12.4.5.8; platform_system == "Linux" and platform_machine == "x86_64"
///   filelock
/// torch 2.5.1+cpu index=cpu wheels=cp312-cp312-linux_x86_64
/// </code>
/// A line without indentation is one version of a project: <c>name version</c> then options:
/// <c>wheels=TAG[,TAG]</c> (wheel tags <c>py-abi-platform</c>; default <c>py3-none-any</c>),
/// <c>sdist</c> (adds a source distribution), <c>sdist-only</c> (only that), <c>python=SPEC</c>
/// (Requires-Python on the files and in the metadata), <c>meta-python=SPEC</c> (in the metadata only),
/// <c>yanked</c>, <c>index=NAME</c>, <c>no-metadata</c>. Indented lines below it are its Requires-Dist;
/// the extras it provides are those its markers name. Several blocks may describe one project.
/// </summary>
internal sealed class InMemoryPackageRepository : IPackageRepository
{
    private readonly Dictionary<string, List<DistributionFile>> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CoreMetadata?> _metadata = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _metadataCalls = new(StringComparer.Ordinal);
    private int _listingCalls;
    private int _inFlight;
    private int _maxInFlight;

    public InMemoryPackageRepository(string listing)
    {
        Add(listing);
    }

    /// <summary>Simulated latency of every call (zero: calls complete after a yield).</summary>
    public TimeSpan Latency { get; init; }

    public int ListingCalls => _listingCalls;

    public int MetadataCalls => _metadataCalls.Values.Sum();

    /// <summary>The most calls that were in flight at the same time.</summary>
    public int MaxInFlight => _maxInFlight;

    /// <summary>How often the metadata of <c>name version</c> was asked for.</summary>
    public int MetadataCallsFor(string name, string version) => _metadataCalls.GetValueOrDefault($"{name} {version}");

    public InMemoryPackageRepository Add(string listing)
    {
        string? name = null;
        string? version = null;
        Dictionary<string, string>? options = null;
        var requires = new List<Requirement>();
        foreach (string raw in listing.Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                requires.Add(Requirement.Parse(line.Trim()));
                continue;
            }

            Flush();
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            (name, version) = (parts[0], parts[1]);
            options = parts.Skip(2).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
            requires = [];
        }

        Flush();
        return this;

        void Flush()
        {
            if (name is null || version is null || options is null)
            {
                return;
            }

            AddVersion(name, version, options, requires);
            name = null;
        }
    }

    public async Task<IReadOnlyList<DistributionFile>> GetFilesAsync(string normalizedName, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listingCalls);
        await DelayAsync(cancellationToken);
        return _files.TryGetValue(normalizedName, out List<DistributionFile>? files) ? files : [];
    }

    public async Task<CoreMetadata?> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string key = $"{PackageName.Normalize(file.Filename.Split('-')[0])} {file.Version}";
        _metadataCalls.AddOrUpdate(key, 1, (_, n) => n + 1);
        await DelayAsync(cancellationToken);
        return _metadata.GetValueOrDefault(key);
    }

    public Task<long?> GetInstalledSizeAsync(DistributionFile file, CancellationToken cancellationToken) => Task.FromResult(file.Size * 2);

    private async Task DelayAsync(CancellationToken cancellationToken)
    {
        int now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, cancellationToken);
            }
            else
            {
                await Task.Yield();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void AddVersion(string name, string versionText, Dictionary<string, string> options, List<Requirement> requires)
    {
        string normalized = PackageName.Normalize(name);
        PythonVersion version = PythonVersion.Parse(versionText);
        string index = options.TryGetValue("index", out string? i) ? $"https://{i}.example/simple" : "https://pypi.example/simple";
        string? python = options.GetValueOrDefault("python");
        bool yanked = options.ContainsKey("yanked");
        string fileStem = $"{name.Replace('-', '_')}-{versionText}";
        if (!_files.TryGetValue(normalized, out List<DistributionFile>? files))
        {
            _files[normalized] = files = [];
        }

        if (!options.ContainsKey("sdist-only"))
        {
            string tags = options.GetValueOrDefault("wheels") ?? "py3-none-any";
            foreach (string tag in tags.Split(','))
            {
                files.Add(File($"{fileStem}-{tag}.whl"));
            }
        }

        if (options.ContainsKey("sdist") || options.ContainsKey("sdist-only"))
        {
            files.Add(File($"{fileStem}.tar.gz"));
        }

        string key = $"{normalized} {version}";
        if (options.ContainsKey("no-metadata"))
        {
            _metadata[key] = null;
            return;
        }

        string? metaPython = options.GetValueOrDefault("meta-python") ?? python;
        var extras = requires
            .SelectMany(r => r.Marker?.Root.Comparisons() ?? [])
            .Where(c => c.Variable == "extra")
            .Select(c => c.Left.IsVariable ? c.Right.Text : c.Left.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        _metadata[key] = new CoreMetadata(name, version, [.. requires], metaPython is null ? SpecifierSet.Empty : SpecifierSet.Parse(metaPython), extras);

        DistributionFile File(string filename) => new(
            filename,
            new Uri($"{index.Replace("/simple", "/files", StringComparison.Ordinal)}/{filename.Replace("+", "%2B", StringComparison.Ordinal)}"),
            index,
            version,
            1000,
            new Dictionary<string, string>(),
            python,
            yanked,
            true);
    }
}
