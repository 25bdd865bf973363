using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>A GitHub Actions workflow file read into jobs and steps, every part with its YAML node.</summary>
public sealed class Workflow
{
    internal Workflow(
        YamlDocument document,
        YamlMapping? root,
        IReadOnlyList<WorkflowTrigger> triggers,
        RunDefaults? defaults,
        IReadOnlyList<Job> jobs,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Document = document;
        Root = root;
        Triggers = triggers;
        Defaults = defaults;
        Jobs = jobs;
        Diagnostics = diagnostics;
    }

    public YamlDocument Document { get; }

    public SourceText Source => Document.Source;

    public string? Path => Source.Path;

    /// <summary>The top mapping, or null when the file is empty, malformed or not a mapping.</summary>
    public YamlMapping? Root { get; }

    public string? Name => Root?.GetString("name");

    public IReadOnlyList<WorkflowTrigger> Triggers { get; }

    public YamlMapping? Env => Root?.GetMapping("env");

    public YamlNode? Permissions => Root?["permissions"];

    public RunDefaults? Defaults { get; }

    public IReadOnlyList<Job> Jobs { get; }

    /// <summary>YAML diagnostics followed by the model's own.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public Job? FindJob(string id) => Jobs.FirstOrDefault(j => j.Id == id);

    public IEnumerable<(Job Job, Step Step)> AllSteps() => Jobs.SelectMany(j => j.Steps.Select(s => (j, s)));
}
