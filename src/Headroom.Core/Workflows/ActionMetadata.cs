using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>An action's metadata file (action.yml / action.yaml): how it runs and, for composites, its steps.</summary>
public sealed class ActionMetadata
{
    internal ActionMetadata(YamlDocument document, YamlMapping? root, IReadOnlyList<Step> steps, IReadOnlyList<Diagnostic> diagnostics)
    {
        Document = document;
        Root = root;
        Steps = steps;
        Diagnostics = diagnostics;
    }

    public YamlDocument Document { get; }

    public SourceText Source => Document.Source;

    public string? Path => Source.Path;

    public YamlMapping? Root { get; }

    public string? Name => Root?.GetString("name");

    public YamlMapping? Inputs => Root?.GetMapping("inputs");

    public YamlMapping? Runs => Root?.GetMapping("runs");

    /// <summary>The <c>runs.using</c> node ("composite", "node20", "docker", ...).</summary>
    public YamlScalar? Using => Runs?.GetScalar("using");

    public ActionRuntime Runtime => ActionRuntimes.Parse(Using?.Value);

    /// <summary><c>runs.main</c> of a JavaScript action.</summary>
    public string? Main => Runs?.GetString("main");

    /// <summary><c>runs.image</c> of a Docker action ("Dockerfile" or "docker://...").</summary>
    public string? Image => Runs?.GetString("image");

    /// <summary>The steps of a composite action (empty otherwise).</summary>
    public IReadOnlyList<Step> Steps { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static ActionMetadata Read(string text, string? path = null) => Read(new SourceText(text, path));

    public static ActionMetadata Read(SourceText source, YamlReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        YamlDocument document = YamlReader.Read(source, limits);
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        var root = document.Root as YamlMapping;
        IReadOnlyList<Step> steps = root?.GetMapping("runs") is { } runs && ActionRuntimes.Parse(runs.GetString("using")) == ActionRuntime.Composite
            ? StepReader.Read(source, runs["steps"], null, null, diagnostics)
            : [];
        return new ActionMetadata(document, root, steps, diagnostics);
    }
}
