using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// A Python lock file (uv.lock, pylock.toml, poetry.lock) as packages with their recorded wheels and sizes and,
/// where the format has them, the dependency edges, extras and groups that say which packages an install takes
/// (<see cref="LockSelection"/>). A TOML error or an unparsable marker is an error diagnostic with its line.
/// </summary>
public sealed class LockFile
{
    private LockFile(LockFileKind kind, string? requiresPython, IReadOnlyList<LockedPackage> packages, IReadOnlyList<Diagnostic> diagnostics)
    {
        Kind = kind;
        RequiresPython = requiresPython;
        Packages = packages;
        Diagnostics = diagnostics;
    }

    public LockFileKind Kind { get; }

    /// <summary>The lock's <c>requires-python</c> (poetry: <c>metadata.python-versions</c>), as written.</summary>
    public string? RequiresPython { get; }

    public IReadOnlyList<LockedPackage> Packages { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>pylock's <c>extras</c>: the extras its markers may name.</summary>
    public IReadOnlyList<string> Extras { get; private init; } = [];

    /// <summary>pylock's <c>dependency-groups</c>: the groups its markers may name.</summary>
    public IReadOnlyList<string> DependencyGroups { get; private init; } = [];

    /// <summary>pylock's <c>default-groups</c>: the groups an installer takes when none is asked for.</summary>
    public IReadOnlyList<string> DefaultGroups { get; private init; } = [];

    /// <summary>The packages with this (normalized) name; a lock may hold several versions (forks by marker).</summary>
    public IEnumerable<LockedPackage> Find(string name) =>
        Packages.Where(p => p.NormalizedName == PackageName.Normalize(name));

    /// <summary>True for a file name that names a lock file: <c>uv.lock</c>, <c>poetry.lock</c>, <c>pylock.toml</c>, <c>pylock.NAME.toml</c>.</summary>
    public static bool IsLockFileName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = FileName(path);
        return file is "uv.lock" or "poetry.lock" || IsPylockName(file);
    }

    /// <summary>PEP 751's names: <c>pylock.toml</c> or <c>pylock.NAME.toml</c>.</summary>
    public static bool IsPylockName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = FileName(path);
        return file.StartsWith("pylock.", StringComparison.Ordinal) && file.EndsWith(".toml", StringComparison.Ordinal);
    }

    /// <summary>Reads by file name: <c>uv.lock</c>, <c>poetry.lock</c>, else PEP 751.</summary>
    public static LockFile Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return FileName(source.Path ?? string.Empty) switch
        {
            "uv.lock" => Parse(source, LockFileKind.Uv),
            "poetry.lock" => Parse(source, LockFileKind.Poetry),
            _ => Parse(source, LockFileKind.Pylock),
        };
    }

    public static LockFile Parse(SourceText source, LockFileKind kind)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new List<Diagnostic>();
        Dictionary<string, object> root = TomlTree.Read(source, diagnostics);
        var reader = new Reader(source, diagnostics);
        var packages = new List<LockedPackage>();
        string tableName = kind == LockFileKind.Pylock ? "packages" : "package";
        foreach (Dictionary<string, object> p in TomlTree.Tables(root, tableName))
        {
            if (TomlTree.String(p, "name") is not { } name)
            {
                continue;
            }

            string? version = TomlTree.String(p, "version")?.Value;
            LockedPackage package = kind switch
            {
                LockFileKind.Uv => reader.UvPackage(p, name.Value, version),
                LockFileKind.Pylock => reader.PylockPackage(p, name.Value, version),
                _ => reader.PoetryPackage(p, name.Value, version),
            };
            packages.Add(package with { Line = source.GetPosition(name.Span.Start).Line });
        }

        string? requiresPython = kind == LockFileKind.Poetry
            ? TomlTree.String(TomlTree.Table(root, "metadata"), "python-versions")?.Value
            : TomlTree.String(root, "requires-python")?.Value;
        return new LockFile(kind, requiresPython, packages, diagnostics)
        {
            Extras = Strings(TomlTree.Array(root, "extras")),
            DependencyGroups = Strings(TomlTree.Array(root, "dependency-groups")),
            DefaultGroups = Strings(TomlTree.Array(root, "default-groups")),
        };
    }

    private static string FileName(string path)
    {
        string file = path.Replace('\\', '/');
        return file[(file.LastIndexOf('/') + 1)..];
    }

    private static string[] Strings(List<object> values) => [.. values.OfType<TomlString>().Select(s => s.Value)];

    /// <summary>Reads package tables, reporting bad markers to the diagnostics.</summary>
    private sealed class Reader(SourceText source, List<Diagnostic> diagnostics)
    {
        public LockedPackage UvPackage(Dictionary<string, object> p, string name, string? version)
        {
            Dictionary<string, object>? sourceTable = TomlTree.Table(p, "source");
            return new LockedPackage(name, version, UvSource(sourceTable), null, [.. TomlTree.Tables(p, "wheels").Select(ReadFile)], Optional(TomlTree.Table(p, "sdist")))
            {
                IsLocalProject = TomlTree.String(sourceTable, "editable") is not null || TomlTree.String(sourceTable, "virtual") is not null || TomlTree.String(sourceTable, "directory") is not null,
                Dependencies = UvEdges(TomlTree.Array(p, "dependencies")),
                OptionalDependencies = UvEdgeTable(TomlTree.Table(p, "optional-dependencies")),
                DependencyGroups = UvEdgeTable(TomlTree.Table(p, "dev-dependencies")),
                ResolutionMarkers = [.. TomlTree.Array(p, "resolution-markers").OfType<TomlString>().Select(ReadMarker).OfType<Marker>()],
            };
        }

        public LockedPackage PylockPackage(Dictionary<string, object> p, string name, string? version)
        {
            Dictionary<string, object>? directory = TomlTree.Table(p, "directory");
            string? where = TomlTree.String(p, "index")?.Value
                ?? TomlTree.String(directory, "path")?.Value
                ?? TomlTree.String(TomlTree.Table(p, "vcs"), "url")?.Value
                ?? TomlTree.String(TomlTree.Table(p, "archive"), "url")?.Value;
            return new LockedPackage(name, version, where, ReadMarker(TomlTree.String(p, "marker")), [.. TomlTree.Tables(p, "wheels").Select(ReadFile)], Optional(TomlTree.Table(p, "sdist")))
            {
                IsLocalProject = directory is not null,
            };
        }

        public LockedPackage PoetryPackage(Dictionary<string, object> p, string name, string? version)
        {
            LockedFile[] files = [.. TomlTree.Tables(p, "files").Select(ReadFile)];
            Marker? marker = null;
            var groupMarkers = new Dictionary<string, Marker>(StringComparer.Ordinal);
            if (p.TryGetValue("markers", out object? markers))
            {
                if (markers is TomlString one)
                {
                    marker = ReadMarker(one);
                }
                else if (markers is Dictionary<string, object> perGroup)
                {
                    foreach ((string group, object value) in perGroup)
                    {
                        if (value is TomlString text && ReadMarker(text) is { } m)
                        {
                            groupMarkers[group] = m;
                        }
                    }
                }
            }

            List<object> groups = TomlTree.Array(p, "groups");
            string? category = TomlTree.String(p, "category")?.Value;
            Dictionary<string, object>? sourceTable = TomlTree.Table(p, "source");
            return new LockedPackage(
                name,
                version,
                TomlTree.String(sourceTable, "url")?.Value,
                marker,
                [.. files.Where(f => f.Filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))],
                files.FirstOrDefault(f => !f.Filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)))
            {
                IsLocalProject = TomlTree.String(sourceTable, "type")?.Value == "directory",
                Groups = groups.Count > 0 ? Strings(groups) : category is null ? null : [category],
                GroupMarkers = groupMarkers,
                Dependencies = PoetryEdges(TomlTree.Table(p, "dependencies")),
                OptionalDependencies = PoetryExtras(TomlTree.Table(p, "extras")),
            };
        }

        private LockedDependency[] UvEdges(List<object> entries) =>
            [.. entries.OfType<Dictionary<string, object>>().Where(e => TomlTree.String(e, "name") is not null).Select(e => new LockedDependency(
                TomlTree.String(e, "name")!.Value,
                ReadMarker(TomlTree.String(e, "marker")),
                Strings(TomlTree.Array(e, "extra")),
                TomlTree.String(e, "version")?.Value,
                UvSource(TomlTree.Table(e, "source"))))];

        private Dictionary<string, IReadOnlyList<LockedDependency>> UvEdgeTable(Dictionary<string, object>? table) =>
            (table ?? []).ToDictionary(t => t.Key, t => (IReadOnlyList<LockedDependency>)UvEdges(t.Value as List<object> ?? []), StringComparer.Ordinal);

        /// <summary><c>name = "^1.0"</c>, <c>name = { version, markers, optional, extras }</c>, or a list of such tables.</summary>
        private List<LockedDependency> PoetryEdges(Dictionary<string, object>? table)
        {
            var edges = new List<LockedDependency>();
            foreach ((string name, object value) in table ?? [])
            {
                IEnumerable<object> constraints = value is List<object> many ? many : [value];
                foreach (object constraint in constraints)
                {
                    var d = constraint as Dictionary<string, object>;
                    edges.Add(new LockedDependency(name, ReadMarker(TomlTree.String(d, "markers")), Strings(TomlTree.Array(d, "extras")), null, null, TomlTree.Boolean(d, "optional") ?? false));
                }
            }

            return edges;
        }

        /// <summary><c>[package.extras]</c>: extra → <c>["name (>=1.0)", "other[x] ; marker"]</c>.</summary>
        private static Dictionary<string, IReadOnlyList<LockedDependency>> PoetryExtras(Dictionary<string, object>? table) =>
            (table ?? []).ToDictionary(
                t => t.Key,
                t => (IReadOnlyList<LockedDependency>)[.. (t.Value as List<object> ?? []).OfType<TomlString>().Select(s => PoetryExtraName(s.Value)).Where(n => n.Length > 0).Select(n => new LockedDependency(n, null, [], null, null))],
                StringComparer.Ordinal);

        private static string PoetryExtraName(string text)
        {
            int end = text.IndexOfAny([' ', '(', '[', ';', '<', '>', '=', '!', '~']);
            return (end < 0 ? text : text[..end]).Trim();
        }

        private Marker? ReadMarker(TomlString? text)
        {
            if (text is null)
            {
                return null;
            }

            if (Marker.TryParse(text.Value, out Marker? marker, out string? error))
            {
                return marker;
            }

            diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, "lock-invalid-marker", $"invalid marker '{text.Value}': {error}", source, text.Span));
            return null;
        }
    }

    private static string? UvSource(Dictionary<string, object>? source)
    {
        foreach (string key in (string[])["registry", "url", "git", "path", "directory", "editable", "virtual"])
        {
            if (TomlTree.String(source, key) is { } value)
            {
                return value.Value;
            }
        }

        return null;
    }

    private static LockedFile? Optional(Dictionary<string, object>? table) => table is null ? null : ReadFile(table);

    private static LockedFile ReadFile(Dictionary<string, object> f)
    {
        string? url = TomlTree.String(f, "url")?.Value;
        string? name = TomlTree.String(f, "name")?.Value ?? TomlTree.String(f, "file")?.Value ?? TomlTree.String(f, "path")?.Value;
        if (name is null && url is not null)
        {
            string path = url.Split('#', '?')[0];
            name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        }

        string? hash = TomlTree.String(f, "hash")?.Value;
        if (hash is null && TomlTree.Table(f, "hashes") is { Count: > 0 } hashes && hashes.First() is { Value: TomlString h } first)
        {
            hash = $"{first.Key}:{h.Value}";
        }

        return new LockedFile(name ?? string.Empty, url, hash, TomlTree.Integer(f, "size"));
    }
}
