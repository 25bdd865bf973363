using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>Reads a workflow file. Never throws for bad input: problems are in <see cref="Workflow.Diagnostics"/>.</summary>
public static class WorkflowReader
{
    public static Workflow Read(string text, string? path = null, YamlReaderLimits? limits = null) =>
        Read(new SourceText(text, path), limits);

    public static Workflow Read(SourceText source, YamlReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        YamlDocument document = YamlReader.Read(source, limits);
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        if (document.Root is not YamlMapping root)
        {
            if (document.Root is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.Structure, "a workflow must be a mapping", source, document.Root.Span));
            }

            return new Workflow(document, null, [], null, [], diagnostics);
        }

        RunDefaults? defaults = RunDefaults.From(root);
        var jobs = new List<Job>();
        if (root["jobs"] is YamlMapping jobsNode)
        {
            foreach (YamlMappingEntry entry in jobsNode.Entries)
            {
                if (entry.Key is YamlScalar id && entry.Value is YamlMapping jobNode)
                {
                    jobs.Add(ReadJob(source, id, jobNode, defaults, diagnostics));
                }
                else
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.Structure, "a job must be a mapping", source, entry.Value.Span));
                }
            }
        }
        else if (root["jobs"] is { } other)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.Structure, "\"jobs\" must be a mapping", source, other.Span));
        }

        return new Workflow(document, root, ReadTriggers(root), defaults, jobs, diagnostics);
    }

    private static List<WorkflowTrigger> ReadTriggers(YamlMapping root)
    {
        var triggers = new List<WorkflowTrigger>();
        switch (root["on"])
        {
            case YamlScalar s when !s.IsNull:
                triggers.Add(new WorkflowTrigger(s.Value, s, null));
                break;
            case YamlSequence seq:
                triggers.AddRange(seq.Items.OfType<YamlScalar>().Select(s => new WorkflowTrigger(s.Value, s, null)));
                break;
            case YamlMapping map:
                triggers.AddRange(map.Entries.Where(e => e.KeyText is not null)
                    .Select(e => new WorkflowTrigger(e.KeyText!, e.Key, e.Value is YamlScalar { IsNull: true } ? null : e.Value)));
                break;
        }

        return triggers;
    }

    private static Job ReadJob(SourceText source, YamlScalar id, YamlMapping node, RunDefaults? workflowDefaults, List<Diagnostic> diagnostics)
    {
        RunDefaults? defaults = RunDefaults.From(node);
        IReadOnlyList<YamlScalar> needs = node["needs"] switch
        {
            YamlScalar s when !s.IsNull => [s],
            YamlSequence seq => seq.Items.OfType<YamlScalar>().ToList(),
            _ => [],
        };

        Matrix? matrix = null;
        if (node.GetMapping("strategy")?["matrix"] is { } matrixNode)
        {
            matrix = MatrixExpander.Read(matrixNode);
            if (matrix.Truncated)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticSeverity.Warning,
                    WorkflowDiagnosticCodes.MatrixTruncated,
                    $"the matrix of job \"{id.Value}\" expands to more than {Matrix.MaxCombinations} jobs",
                    source,
                    matrixNode.Span));
            }
        }

        var services = new List<JobContainer>();
        if (node.GetMapping("services") is { } servicesNode)
        {
            foreach (YamlMappingEntry entry in servicesNode.Entries)
            {
                if (JobContainer.From(entry.KeyText, entry.Value) is { } service)
                {
                    services.Add(service);
                }
            }
        }

        ActionReference? uses = node.GetScalar("uses") is { IsNull: false } u ? ActionReference.Parse(u.Value, u.Span, u.Start) : null;
        List<Step> steps = StepReader.Read(source, node["steps"], defaults, workflowDefaults, diagnostics);
        return new Job(id, node, RunsOn.From(node["runs-on"]), needs, matrix, services, JobContainer.From(null, node["container"]), defaults, uses, steps);
    }
}
