using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>A Python lock file (uv.lock, pylock.toml, poetry.lock) as packages with their recorded wheels and sizes.</summary>
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

    /// <summary>The packages with this (normalized) name; a lock may hold several versions (forks by marker).</summary>
    public IEnumerable<LockedPackage> Find(string name) =>
        Packages.Where(p => p.NormalizedName == PackageName.Normalize(name));

    /// <summary>Reads by file name: <c>uv.lock</c>, <c>poetry.lock</c>, else PEP 751.</summary>
    public static LockFile Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string file = (source.Path ?? string.Empty).Replace('\\', '/');
        file = file[(file.LastIndexOf('/') + 1)..];
        return file switch
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
        var packages = new List<LockedPackage>();
        string tableName = kind == LockFileKind.Pylock ? "packages" : "package";
        foreach (Dictionary<string, object> p in TomlTree.Tables(root, tableName))
        {
            string? name = TomlTree.String(p, "name")?.Value;
            if (name is null)
            {
                continue;
            }

            string? version = TomlTree.String(p, "version")?.Value;
            packages.Add(kind switch
            {
                LockFileKind.Uv => new LockedPackage(name, version, UvSource(TomlTree.Table(p, "source")), null, [.. TomlTree.Tables(p, "wheels").Select(ReadFile)], Optional(TomlTree.Table(p, "sdist"))),
                LockFileKind.Pylock => new LockedPackage(name, version, TomlTree.String(p, "index")?.Value, ReadMarker(TomlTree.String(p, "marker")?.Value), [.. TomlTree.Tables(p, "wheels").Select(ReadFile)], Optional(TomlTree.Table(p, "sdist"))),
                _ => PoetryPackage(p, name, version),
            });
        }

        string? requiresPython = kind == LockFileKind.Poetry
            ? TomlTree.String(TomlTree.Table(root, "metadata"), "python-versions")?.Value
            : TomlTree.String(root, "requires-python")?.Value;
        return new LockFile(kind, requiresPython, packages, diagnostics);
    }

    private static LockedPackage PoetryPackage(Dictionary<string, object> p, string name, string? version)
    {
        LockedFile[] files = [.. TomlTree.Tables(p, "files").Select(ReadFile)];
        return new LockedPackage(
            name,
            version,
            TomlTree.String(TomlTree.Table(p, "source"), "url")?.Value,
            null,
            [.. files.Where(f => f.Filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))],
            files.FirstOrDefault(f => !f.Filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)));
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

    private static Marker? ReadMarker(string? text) =>
        text is not null && Marker.TryParse(text, out Marker? m, out _) ? m : null;
}
