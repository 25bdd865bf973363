using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.JavaScript;

/// <summary>One tsconfig.json file as written (no inheritance): see <see cref="TsConfigProject"/> for the resolved chain.</summary>
public sealed class TsConfig
{
    private TsConfig(SourceText source, JsonNode? root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Root = root;
        Diagnostics = diagnostics;
    }

    public SourceText Source { get; }

    /// <summary>Repository-relative path of the file ("" when read from text).</summary>
    public string Path => Source.Path ?? string.Empty;

    public JsonNode? Root { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The <c>extends</c> specifiers (a string or, since TypeScript 5.0, an array).</summary>
    public IReadOnlyList<JsonNode> Extends => Root?["extends"] switch
    {
        { Kind: JsonNodeKind.String } s => [s],
        { Kind: JsonNodeKind.Array } a => a.Items.Where(i => i.Kind == JsonNodeKind.String).ToList(),
        _ => [],
    };

    public JsonNode? CompilerOptions => Root?["compilerOptions"] is { Kind: JsonNodeKind.Object } o ? o : null;

    /// <summary><c>compilerOptions.types</c>, or null when not set here.</summary>
    public JsonNode? Types => CompilerOptions?["types"] is { Kind: JsonNodeKind.Array } t ? t : null;

    public IReadOnlyList<string>? Include => Root?.GetStrings("include");

    public IReadOnlyList<string>? Files => Root?.GetStrings("files");

    public IReadOnlyList<string>? Exclude => Root?.GetStrings("exclude");

    /// <summary>The <c>path</c> of each entry of <c>references</c>.</summary>
    public IReadOnlyList<string> References => Root?["references"] is { Kind: JsonNodeKind.Array } a
        ? a.Items.Select(i => i.GetString("path")).OfType<string>().ToList()
        : [];

    public static TsConfig Read(string text, string? path = null) => Read(new SourceText(text, path));

    public static TsConfig Read(SourceText source)
    {
        var (root, diagnostics) = JsonReader.Read(source);
        return new TsConfig(source, root?.Kind == JsonNodeKind.Object ? root : null, diagnostics);
    }
}
