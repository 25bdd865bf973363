using Headroom.Diagnostics;
using Headroom.Knowledge;
using Headroom.Rules.Models;
using Headroom.Text;
using Headroom.Workflows;
using Headroom.Yaml;

namespace Headroom.Rules.Workflows;

/// <summary>
/// GH007: a job's <c>runs-on</c> names a GitHub-hosted runner image that GitHub no longer supports
/// (<see cref="ActionDeprecations"/>' runner-label rows, dated and sourced: <c>ubuntu-20.04</c> since 2025-04-15),
/// written as a label or reached through a matrix value (not with <c>self-hosted</c> or a runner group, whose labels are the owner's). The fix writes the closest supported image in place of
/// a label written in <c>runs-on</c>; a matrix value is reported at <c>runs-on</c> and left to the author.
/// </summary>
public sealed class RetiredRunnerLabelRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "GH007", "retired-runner-label", DiagnosticSeverity.Error,
        "runs-on names a GitHub-hosted runner image that is no longer supported", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (WorkflowDocument document in WorkflowDocument.All(context))
        {
            foreach (Job job in document.Workflow.Jobs)
            {
                // A self-hosted runner may carry any label, ubuntu-20.04 included.
                if (job.RunsOn is not { Group: null } runsOn || runsOn.Labels.Any(l => string.Equals(l.Value.Trim(), "self-hosted", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (YamlScalar label in runsOn.Labels)
                {
                    CheckLabel(document, job, label, findings);
                }
            }
        }
    }

    private static void CheckLabel(WorkflowDocument document, Job job, YamlScalar label, FindingSink findings)
    {
        if (!WorkflowExpression.Contains(label.Value))
        {
            if (ActionDeprecations.ForRunnerLabel(label.Value) is [var row, ..])
            {
                Report(document, label, label.Value.Trim(), row, viaMatrix: false, findings);
            }

            return;
        }

        IEnumerable<MatrixCombination> combinations = job.Matrix?.Combinations ?? [];
        foreach (string resolved in combinations.Select(c => WorkflowExpression.SubstituteMatrix(label.Value, c)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (ActionDeprecations.ForRunnerLabel(resolved) is [var row, ..])
            {
                Report(document, label, resolved.Trim(), row, viaMatrix: true, findings);
            }
        }
    }

    private static void Report(WorkflowDocument document, YamlScalar label, string name, ActionDeprecation row, bool viaMatrix, FindingSink findings)
    {
        TextSpan span = label.Span;
        string written = document.Source.ToString(span);
        Fix? fix = !viaMatrix && row.Replacement is { } replacement && written.Contains(name, StringComparison.Ordinal)
            ? Fix.InFile($"run on {replacement} instead of {name}", document.Path, new TextEdit(span, written.Replace(name, replacement, StringComparison.Ordinal)))
            : null;
        string where = viaMatrix ? $"the matrix gives runs-on '{name}'" : $"runs-on '{name}'";
        findings.Report(
            document.Source,
            span,
            $"{where}: {row.Summary}, so a job that asks for it does not run ({row.SourceUrl}); {row.Fix}",
            fix: fix);
    }
}
