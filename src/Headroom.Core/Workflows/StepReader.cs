using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>Reads a <c>steps:</c> sequence; shared by workflows and composite actions.</summary>
internal static class StepReader
{
    public static List<Step> Read(SourceText source, YamlNode? stepsNode, RunDefaults? jobDefaults, RunDefaults? workflowDefaults, List<Diagnostic> diagnostics)
    {
        var steps = new List<Step>();
        if (stepsNode is null)
        {
            return steps;
        }

        if (stepsNode is not YamlSequence seq)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.Structure, "\"steps\" must be a sequence", source, stepsNode.Span));
            return steps;
        }

        foreach (YamlNode item in seq.Items)
        {
            if (item is not YamlMapping map)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.Structure, "a step must be a mapping", source, item.Span));
                continue;
            }

            ActionReference? uses = map.GetScalar("uses") is { IsNull: false } u
                ? ActionReference.Parse(u.Value, u.Span, u.Start)
                : null;
            RunScript? run = null;
            if (map.GetScalar("run") is { } script)
            {
                YamlScalar? shell = map.GetScalar("shell") ?? jobDefaults?.Shell ?? workflowDefaults?.Shell;
                YamlScalar? directory = map.GetScalar("working-directory") ?? jobDefaults?.WorkingDirectory ?? workflowDefaults?.WorkingDirectory;
                run = new RunScript(source, script, shell, directory);
            }

            steps.Add(new Step(steps.Count, map, uses, run));
        }

        return steps;
    }
}
