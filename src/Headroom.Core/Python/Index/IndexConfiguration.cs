using Headroom.Diagnostics;

namespace Headroom.Python.Index;

/// <summary>
/// Which indexes an install asks, in priority order, and how their files combine: built from pip's options
/// (<c>--index-url</c>, <c>--extra-index-url</c>, <c>-f</c>, <c>--no-index</c>, from a requirements file or the
/// command line) or from uv's (<c>--default-index</c>/<c>--index-url</c>, <c>--index</c>/<c>--extra-index-url</c>,
/// <c>[[tool.uv.index]]</c>, <c>[tool.uv.sources]</c>, <c>--index-strategy</c>).
/// </summary>
public sealed class IndexConfiguration
{
    /// <summary>PyPI's simple API, the default index of pip and uv.</summary>
    public const string PyPI = "https://pypi.org/simple/";

    private readonly Dictionary<string, string> _pins;

    /// <param name="strategy">How the indexes' files combine.</param>
    /// <param name="indexes">The repositories in priority order (uv: the default index last).</param>
    /// <param name="findLinks">Find-links pages and folders; their files join every project's candidates.</param>
    /// <param name="pins">Normalized project name → the name of the index it must come from (uv sources).</param>
    public IndexConfiguration(IndexStrategy strategy, IReadOnlyList<IndexSource> indexes, IReadOnlyList<IndexSource> findLinks, IReadOnlyDictionary<string, string>? pins = null)
    {
        Strategy = strategy;
        Indexes = indexes;
        FindLinks = findLinks;
        _pins = pins is null ? [] : new Dictionary<string, string>(pins, StringComparer.Ordinal);
    }

    public IndexStrategy Strategy { get; }

    public IReadOnlyList<IndexSource> Indexes { get; }

    public IReadOnlyList<IndexSource> FindLinks { get; }

    public IReadOnlyDictionary<string, string> Pins => _pins;

    /// <summary>
    /// pip's indexes: <paramref name="indexUrl"/> (PyPI when null) then the extra ones, all equal; with
    /// <paramref name="noIndex"/> only the find-links. Duplicate URLs are asked once.
    /// </summary>
    public static IndexConfiguration ForPip(string? indexUrl, IEnumerable<string>? extraIndexUrls = null, IEnumerable<string>? findLinks = null, bool noIndex = false)
    {
        var indexes = new List<IndexSource>();
        if (!noIndex)
        {
            foreach (string url in new[] { indexUrl ?? PyPI }.Concat(extraIndexUrls ?? []))
            {
                AddDistinct(indexes, new IndexSource(url));
            }
        }

        return new IndexConfiguration(IndexStrategy.PipBestMatch, indexes, FindLinksOf(findLinks));
    }

    /// <summary>pip's indexes from a requirements file's options.</summary>
    public static IndexConfiguration ForPip(RequirementsSet requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        return ForPip(requirements.IndexUrl, requirements.ExtraIndexUrls, requirements.FindLinks, requirements.NoIndex);
    }

    /// <summary>
    /// uv's indexes, highest priority first: the <c>--index</c>/<c>--extra-index-url</c> ones in the order given,
    /// then <c>[[tool.uv.index]]</c> entries in definition order, then the default index (<paramref name="defaultIndex"/>,
    /// else the <c>default = true</c> entry, else PyPI). <c>[tool.uv.sources]</c> entries naming an index pin
    /// their package to it (when their marker holds for <paramref name="environment"/>; without one, always).
    /// </summary>
    public static IndexConfiguration ForUv(
        IndexStrategy strategy = IndexStrategy.UvFirstIndex,
        string? defaultIndex = null,
        IEnumerable<string>? extraIndexUrls = null,
        IEnumerable<string>? findLinks = null,
        bool noIndex = false,
        PyProject? project = null,
        MarkerEnvironment? environment = null)
    {
        if (strategy == IndexStrategy.PipBestMatch)
        {
            throw new ArgumentException("uv's strategies are first-index and unsafe-best-match", nameof(strategy));
        }

        var indexes = new List<IndexSource>();
        var pins = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!noIndex)
        {
            foreach (string url in extraIndexUrls ?? [])
            {
                AddDistinct(indexes, new IndexSource(url));
            }

            UvIndex? projectDefault = null;
            foreach (UvIndex index in project?.UvIndexes ?? [])
            {
                if (index.IsDefault)
                {
                    projectDefault ??= index;
                    continue;
                }

                AddDistinct(indexes, new IndexSource(index.Url, false, index.Name, index.IsExplicit));
            }

            AddDistinct(indexes, defaultIndex is not null ? new IndexSource(defaultIndex) : projectDefault is not null ? new IndexSource(projectDefault.Url, false, projectDefault.Name, false) : new IndexSource(PyPI));
            foreach (UvSource source in project?.UvSources ?? [])
            {
                if (source.Index is not null && (source.Marker is null || environment is null || source.Marker.Evaluate(environment)))
                {
                    pins.TryAdd(PackageName.Normalize(source.Package), source.Index);
                }
            }
        }

        return new IndexConfiguration(strategy, indexes, FindLinksOf(findLinks), pins);
    }

    /// <summary>The repositories asked for <paramref name="normalizedName"/>, highest priority first.</summary>
    public IReadOnlyList<IndexSource> IndexesFor(string normalizedName)
    {
        if (_pins.TryGetValue(normalizedName, out string? pinned))
        {
            IndexSource? index = Indexes.FirstOrDefault(i => i.Name == pinned);
            return index is null
                ? throw new InputException($"[tool.uv.sources] takes {normalizedName} from the index '{pinned}', which no [[tool.uv.index]] defines")
                : [index];
        }

        return [.. Indexes.Where(i => !i.IsExplicit)];
    }

    private static void AddDistinct(List<IndexSource> indexes, IndexSource source)
    {
        if (!indexes.Any(i => i.DisplayUrl == source.DisplayUrl))
        {
            indexes.Add(source);
        }
    }

    private static List<IndexSource> FindLinksOf(IEnumerable<string>? findLinks) =>
        [.. (findLinks ?? []).Distinct(StringComparer.Ordinal).Select(url => new IndexSource(url, IsFindLinks: true))];
}
