using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.JavaScript;

/// <summary>A package.json: name, scripts (with positions), dependencies, packageManager, workspaces.</summary>
public sealed class PackageJson
{
    private PackageJson(SourceText source, JsonNode? root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Root = root;
        Diagnostics = diagnostics;
        Scripts = Members(root?["scripts"]).Select(p => new PackageScript(p.Name, p.Value.Text ?? string.Empty, p.NameStart, p.Value.Span, p.Value.Start)).ToList();
        Dependencies = Members(root?["dependencies"]).Select(p => new PackageDependency(p.Name, p.Value.Text ?? string.Empty, false, p.NameStart)).ToList();
        DevDependencies = Members(root?["devDependencies"]).Select(p => new PackageDependency(p.Name, p.Value.Text ?? string.Empty, true, p.NameStart)).ToList();
        Workspaces = root?["workspaces"] switch
        {
            { Kind: JsonNodeKind.Array } a => a.Items.Select(i => i.Text).OfType<string>().ToList(),
            { Kind: JsonNodeKind.Object } o => o.GetStrings("packages") ?? [],
            _ => [],
        };
    }

    public SourceText Source { get; }

    public JsonNode? Root { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public string? Name => Root?.GetString("name");

    public string? Version => Root?.GetString("version");

    /// <summary>"npm@10.8.2", "pnpm@9.1.0", ... or null.</summary>
    public string? PackageManager => Root?.GetString("packageManager");

    /// <summary>The tool part of <see cref="PackageManager"/> ("npm", "pnpm", "yarn"), or null.</summary>
    public string? PackageManagerName => PackageManager?.Split('@', 2)[0];

    public IReadOnlyList<PackageScript> Scripts { get; }

    public IReadOnlyList<PackageDependency> Dependencies { get; }

    public IReadOnlyList<PackageDependency> DevDependencies { get; }

    public IReadOnlyList<string> Workspaces { get; }

    public PackageScript? FindScript(string name) => Scripts.FirstOrDefault(s => s.Name == name);

    public PackageDependency? FindDependency(string name) =>
        Dependencies.Concat(DevDependencies).FirstOrDefault(d => d.Name == name);

    public static PackageJson Read(string text, string? path = null) => Read(new SourceText(text, path));

    public static PackageJson Read(SourceText source)
    {
        var (root, diagnostics) = JsonReader.Read(source);
        return new PackageJson(source, root?.Kind == JsonNodeKind.Object ? root : null, diagnostics);
    }

    private static IEnumerable<JsonProperty> Members(JsonNode? node) =>
        node?.Kind == JsonNodeKind.Object ? node.Properties.Where(p => p.Value.Kind == JsonNodeKind.String) : [];
}

/// <summary>A script: <see cref="CommandSpan"/> covers the JSON string including its quotes.</summary>
public sealed record PackageScript(string Name, string Command, LinePosition NameStart, TextSpan CommandSpan, LinePosition CommandStart);

public sealed record PackageDependency(string Name, string Range, bool IsDev, LinePosition Start);
