using System.Text.RegularExpressions;
using Headroom.Project;
using Headroom.Text;

namespace Headroom.JavaScript;

/// <summary>
/// A tsconfig with its <c>extends</c> chain resolved through <see cref="IRepositoryFiles"/>: relative
/// paths, and package names ("@tsconfig/node20/tsconfig.json") looked up in node_modules folders upwards
/// (unresolved when not installed). Inherited <c>include</c>/<c>files</c>/<c>exclude</c> keep the folder of
/// the config that wrote them, as TypeScript does.
/// </summary>
public sealed partial class TsConfigProject
{
    private static readonly string[] SourceExtensions = [".ts", ".tsx", ".mts", ".cts"];
    private static readonly string[] DefaultExclude = ["node_modules", "bower_components", "jspm_packages"];
    private readonly IRepositoryFiles _files;

    private TsConfigProject(IRepositoryFiles files, TsConfig config, IReadOnlyList<TsConfig> chain, IReadOnlyList<TsConfigExtends> extends)
    {
        _files = files;
        Config = config;
        Chain = chain;
        Extends = extends;
    }

    public TsConfig Config { get; }

    /// <summary>The config first, then every config it extends (depth first, in TypeScript's override order: later wins last).</summary>
    public IReadOnlyList<TsConfig> Chain { get; }

    /// <summary>Every <c>extends</c> met along the chain, resolved or not.</summary>
    public IReadOnlyList<TsConfigExtends> Extends { get; }

    /// <summary>The effective <c>compilerOptions.types</c> and the config that set it; null when no config in the chain sets it.</summary>
    public (IReadOnlyList<string> Types, TsConfig From)? Types =>
        Chain.FirstOrDefault(c => c.Types is not null) is { } c
            ? (c.Types!.Items.Where(i => i.Kind == JsonNodeKind.String).Select(i => i.Text!).ToList(), c)
            : null;

    public static TsConfigProject? Load(IRepositoryFiles files, string path)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(path);
        string? normalized = RepositoryPath.Normalize(path);
        if (normalized is null || files.ReadText(normalized) is not { } text)
        {
            return null;
        }

        var root = TsConfig.Read(new SourceText(text, normalized));
        var chain = new List<TsConfig> { root };
        var extends = new List<TsConfigExtends>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { normalized };
        var pending = new Queue<TsConfig>();
        pending.Enqueue(root);
        while (pending.Count > 0 && chain.Count < 32)
        {
            TsConfig current = pending.Dequeue();

            // With an array, later entries override earlier ones, so the last is consulted first.
            foreach (JsonNode spec in current.Extends.Reverse())
            {
                string? resolved = ResolveExtends(files, RepositoryPath.GetDirectory(current.Path), spec.Text!);
                extends.Add(new TsConfigExtends(current, spec.Text!, resolved));
                if (resolved is not null && seen.Add(resolved) && files.ReadText(resolved) is { } baseText)
                {
                    var parsed = TsConfig.Read(new SourceText(baseText, resolved));
                    chain.Add(parsed);
                    pending.Enqueue(parsed);
                }
            }
        }

        return new TsConfigProject(files, root, chain, extends);
    }

    /// <summary>Resolves an <c>extends</c> specifier from a config's folder; null when no file is found.</summary>
    public static string? ResolveExtends(IRepositoryFiles files, string fromDirectory, string specifier)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) || specifier is "." or "..")
        {
            return FirstExisting(files, RepositoryPath.Combine(fromDirectory, specifier), asPackage: false);
        }

        string? dir = fromDirectory;
        while (dir is not null)
        {
            if (FirstExisting(files, RepositoryPath.Combine(dir, "node_modules/" + specifier), asPackage: true) is { } found)
            {
                return found;
            }

            dir = dir.Length == 0 ? null : RepositoryPath.GetDirectory(dir);
        }

        return null;
    }

    /// <summary>True when the effective include/files/exclude of this config take in the file.</summary>
    public bool Includes(string file)
    {
        string? path = RepositoryPath.Normalize(file);
        if (path is null)
        {
            return false;
        }

        TsConfig? filesFrom = Chain.FirstOrDefault(c => c.Files is not null);
        if (filesFrom is not null && filesFrom.Files!.Any(f => RepositoryPath.Combine(Dir(filesFrom), f) == path))
        {
            return true;
        }

        if (!SourceExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        foreach ((string pattern, string baseDir) in IncludePatterns(filesFrom is not null))
        {
            if (Matches(baseDir, pattern, path) && !ExcludePatterns().Any(e => Matches(e.BaseDir, e.Pattern, path)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Is <c>vite/client</c> in effect for a file: through <c>compilerOptions.types</c>, an included .d.ts with
    /// <c>/// &lt;reference types="vite/client" /&gt;</c>, or an included declaration of <c>interface ImportMeta</c>
    /// with <c>env</c>. The file is looked up in this config and then in its <c>references</c> (Vite's template
    /// has a root tsconfig with <c>files: []</c> and the app in tsconfig.app.json).
    /// </summary>
    public ViteClientTypes IsViteClientInEffect(string file)
    {
        TsConfigProject? owner = FindOwner(file, new HashSet<string>(StringComparer.Ordinal));
        if (owner is null)
        {
            return new ViteClientTypes(false, false, null, [$"{file} is not included by {Config.Path} or its references"]);
        }

        var reasons = new List<string>();
        if (owner.Types is { } types && types.Types.Contains("vite/client", StringComparer.Ordinal))
        {
            reasons.Add($"compilerOptions.types in {types.From.Path} lists vite/client");
        }

        foreach (string dts in owner.IncludedFiles().Where(f => f.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase)))
        {
            if (_files.ReadText(dts) is not { } text)
            {
                continue;
            }

            var source = new SourceText(text, dts);
            if (ViteReference().Match(text) is { Success: true } m)
            {
                reasons.Add($"{dts}:{source.GetPosition(m.Index).Line} has /// <reference types=\"vite/client\" />");
            }
            else if (ImportMetaEnv().Match(text) is { Success: true } i)
            {
                reasons.Add($"{dts}:{source.GetPosition(i.Index).Line} declares interface ImportMeta with env");
            }
        }

        if (reasons.Count > 0)
        {
            return new ViteClientTypes(true, true, owner.Config.Path, reasons);
        }

        if (owner.Types is { } explicitTypes)
        {
            reasons.Add($"compilerOptions.types in {explicitTypes.From.Path} is [{string.Join(", ", explicitTypes.Types)}] without vite/client");
        }

        reasons.Add($"no included .d.ts of {owner.Config.Path} references vite/client");
        return new ViteClientTypes(false, true, owner.Config.Path, reasons);
    }

    /// <summary>The repository files this config takes in (enumerated below the include patterns' fixed folders).</summary>
    public IEnumerable<string> IncludedFiles()
    {
        TsConfig? filesFrom = Chain.FirstOrDefault(c => c.Files is not null);
        var roots = IncludePatterns(filesFrom is not null).Select(p => StaticPrefix(p.BaseDir, p.Pattern)).OfType<string>().Distinct().ToList();
        var candidates = roots.SelectMany(r => _files.EnumerateFiles(r));
        if (filesFrom is not null)
        {
            candidates = candidates.Concat(filesFrom.Files!.Select(f => RepositoryPath.Combine(Dir(filesFrom), f)).OfType<string>());
        }

        return candidates.Distinct(StringComparer.Ordinal).Where(Includes).ToList();
    }

    private TsConfigProject? FindOwner(string file, HashSet<string> visited)
    {
        if (!visited.Add(Config.Path) || visited.Count > 32)
        {
            return null;
        }

        if (Includes(file))
        {
            return this;
        }

        foreach (string reference in Config.References)
        {
            string? target = RepositoryPath.Combine(RepositoryPath.GetDirectory(Config.Path), reference);
            if (target is null)
            {
                continue;
            }

            string configPath = target.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? target : RepositoryPath.Combine(target, "tsconfig.json")!;
            if (Load(_files, configPath)?.FindOwner(file, visited) is { } owner)
            {
                return owner;
            }
        }

        return null;
    }

    private IEnumerable<(string Pattern, string BaseDir)> IncludePatterns(bool hasFiles)
    {
        TsConfig? includeFrom = Chain.FirstOrDefault(c => c.Include is not null);
        if (includeFrom is not null)
        {
            return includeFrom.Include!.Select(p => (p, Dir(includeFrom)));
        }

        // No include: "**/*" from this config's folder, unless "files" is given.
        return hasFiles ? [] : [("**/*", Dir(Config))];
    }

    private IEnumerable<(string Pattern, string BaseDir)> ExcludePatterns()
    {
        TsConfig? from = Chain.FirstOrDefault(c => c.Exclude is not null);
        return from is not null
            ? from.Exclude!.Select(p => (p, Dir(from)))
            : DefaultExclude.Select(p => (p, Dir(Config)));
    }

    private static string Dir(TsConfig config) => RepositoryPath.GetDirectory(config.Path);

    private static bool Matches(string baseDir, string pattern, string path)
    {
        string? full = RepositoryPath.Combine(baseDir, pattern);
        if (full is null)
        {
            return false;
        }

        string last = full[(full.LastIndexOf('/') + 1)..];
        bool isFolder = !last.Contains('*', StringComparison.Ordinal) && !last.Contains('?', StringComparison.Ordinal) && !last.Contains('.', StringComparison.Ordinal);
        string glob = isFolder ? (full.Length == 0 ? "**/*" : full + "/**/*") : full;
        return GlobToRegex(glob).IsMatch(path);
    }

    private static Regex GlobToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:[^/]+/)*" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static string? StaticPrefix(string baseDir, string pattern)
    {
        string? full = RepositoryPath.Combine(baseDir, pattern);
        if (full is null)
        {
            return null;
        }

        var fixedParts = new List<string>();
        foreach (string part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Contains('*', StringComparison.Ordinal) || part.Contains('?', StringComparison.Ordinal))
            {
                break;
            }

            fixedParts.Add(part);
        }

        string prefix = string.Join('/', fixedParts);
        return prefix.Contains('.', StringComparison.Ordinal) && prefix == full ? RepositoryPath.GetDirectory(prefix) : prefix;
    }

    private static string? FirstExisting(IRepositoryFiles files, string? path, bool asPackage)
    {
        if (path is null)
        {
            return null;
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && files.FileExists(path))
        {
            return path;
        }

        if (files.FileExists(path + ".json"))
        {
            return path + ".json";
        }

        string inside = path + "/tsconfig.json";
        return (asPackage || !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) && files.FileExists(inside) ? inside : null;
    }

    [GeneratedRegex("""^[ \t]*///[ \t]*<reference[ \t]+types[ \t]*=[ \t]*["']vite/client["'][ \t]*/>""", RegexOptions.Multiline)]
    private static partial Regex ViteReference();

    [GeneratedRegex(@"interface\s+ImportMeta\s*\{[^}]*\benv\b")]
    private static partial Regex ImportMetaEnv();
}
