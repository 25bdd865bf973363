using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// The dependency parts of a <c>pyproject.toml</c>: PEP 621 <c>[project]</c>, uv's indexes and sources,
/// and basic Poetry dependencies. Bad dependency strings are diagnostics.
/// </summary>
public sealed class PyProject
{
    private PyProject()
    {
    }

    public string? Name { get; private init; }

    public string? Version { get; private init; }

    /// <summary><c>requires-python</c>, or null when absent or invalid (invalid is a diagnostic).</summary>
    public SpecifierSet? RequiresPython { get; private init; }

    public IReadOnlyList<PyProjectDependency> Dependencies { get; private init; } = [];

    /// <summary>Optional dependencies by extra name, in file order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PyProjectDependency>> OptionalDependencies { get; private init; } =
        new Dictionary<string, IReadOnlyList<PyProjectDependency>>();

    public IReadOnlyList<UvIndex> UvIndexes { get; private init; } = [];

    public IReadOnlyList<UvSource> UvSources { get; private init; } = [];

    public IReadOnlyList<PoetryDependency> PoetryDependencies { get; private init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; private init; } = [];

    /// <summary>The uv sources of a package (normalized name match).</summary>
    public IEnumerable<UvSource> SourcesFor(string package) =>
        UvSources.Where(s => PackageName.AreSame(s.Package, package));

    public static PyProject Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new List<Diagnostic>();
        Dictionary<string, object> root = TomlTree.Read(source, diagnostics);
        Dictionary<string, object>? project = TomlTree.Table(root, "project");

        SpecifierSet? requiresPython = null;
        if (TomlTree.String(project, "requires-python") is { } rp)
        {
            if (SpecifierSet.TryParse(rp.Value, out SpecifierSet? set, out string? error))
            {
                requiresPython = set;
            }
            else
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, "pyproject-invalid-requires-python", $"invalid requires-python '{rp.Value}': {error}", source, rp.Span));
            }
        }

        var optional = new Dictionary<string, IReadOnlyList<PyProjectDependency>>(StringComparer.Ordinal);
        if (TomlTree.Table(project, "optional-dependencies") is { } groups)
        {
            foreach (string extra in groups.Keys)
            {
                optional[extra] = ReadDependencies(source, TomlTree.Array(groups, extra), extra, diagnostics);
            }
        }

        Dictionary<string, object>? uv = TomlTree.Table(root, "tool", "uv");
        var indexes = TomlTree.Tables(uv, "index")
            .Where(t => TomlTree.String(t, "url") is not null)
            .Select(t => new UvIndex(TomlTree.String(t, "name")?.Value, TomlTree.String(t, "url")!.Value, TomlTree.Boolean(t, "default") ?? false, TomlTree.Boolean(t, "explicit") ?? false))
            .ToList();

        var sources = new List<UvSource>();
        if (TomlTree.Table(uv, "sources") is { } sourceTable)
        {
            foreach ((string package, object value) in sourceTable)
            {
                IEnumerable<Dictionary<string, object>> entries = value switch
                {
                    Dictionary<string, object> one => [one],
                    List<object> many => many.OfType<Dictionary<string, object>>(),
                    _ => [],
                };
                foreach (Dictionary<string, object> e in entries)
                {
                    Marker? marker = null;
                    if (TomlTree.String(e, "marker") is { } m && !Marker.TryParse(m.Value, out marker, out string? error))
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, "pyproject-invalid-marker", $"invalid marker '{m.Value}': {error}", source, m.Span));
                    }

                    sources.Add(new UvSource(
                        package,
                        TomlTree.String(e, "index")?.Value,
                        TomlTree.String(e, "url")?.Value,
                        TomlTree.String(e, "path")?.Value,
                        TomlTree.String(e, "git")?.Value,
                        marker,
                        TomlTree.String(e, "extra")?.Value));
                }
            }
        }

        var poetry = new List<PoetryDependency>();
        if (TomlTree.Table(root, "tool", "poetry", "dependencies") is { } poetryDeps)
        {
            foreach ((string name, object value) in poetryDeps)
            {
                poetry.Add(value switch
                {
                    TomlString s => new PoetryDependency(name, s.Value, null, false),
                    Dictionary<string, object> d => new PoetryDependency(name, TomlTree.String(d, "version")?.Value, TomlTree.String(d, "source")?.Value, TomlTree.Boolean(d, "optional") ?? false),
                    _ => new PoetryDependency(name, null, null, false),
                });
            }
        }

        return new PyProject
        {
            Name = TomlTree.String(project, "name")?.Value,
            Version = TomlTree.String(project, "version")?.Value,
            RequiresPython = requiresPython,
            Dependencies = ReadDependencies(source, TomlTree.Array(project, "dependencies"), null, diagnostics),
            OptionalDependencies = optional,
            UvIndexes = indexes,
            UvSources = sources,
            PoetryDependencies = poetry,
            Diagnostics = diagnostics,
        };
    }

    private static PyProjectDependency[] ReadDependencies(SourceText source, List<object> values, string? extra, List<Diagnostic> diagnostics)
    {
        var result = new List<PyProjectDependency>();
        foreach (TomlString text in values.OfType<TomlString>())
        {
            Requirement? requirement = null;
            if (!Requirement.TryParse(text.Value, out requirement, out string? error))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, "pyproject-invalid-dependency", $"invalid dependency '{text.Value}': {error}", source, text.Span));
            }

            result.Add(new PyProjectDependency(text, requirement, extra));
        }

        return [.. result];
    }
}
