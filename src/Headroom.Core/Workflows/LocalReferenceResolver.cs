using Headroom.Diagnostics;
using Headroom.Project;
using Headroom.Text;

namespace Headroom.Workflows;

/// <summary>
/// Follows local references: <c>uses: ./path</c> on a step (an action folder with action.yml or
/// action.yaml) and on a job (a reusable workflow file). Paths are relative to the repository root,
/// as on GitHub. Files are read once; cycles and chains deeper than <see cref="MaxDepth"/> become diagnostics.
/// </summary>
public sealed class LocalReferenceResolver
{
    /// <summary>How many local files deep <see cref="CollectUses"/> follows (GitHub allows 10 nested composites).</summary>
    public const int MaxDepth = 10;

    private readonly IRepositoryFiles _files;
    private readonly Dictionary<string, ActionMetadata?> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Workflow?> _workflows = new(StringComparer.Ordinal);

    public LocalReferenceResolver(IRepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
    }

    /// <summary>The action.yml (or action.yaml) of a local action reference, or null when there is none.</summary>
    public ActionMetadata? ResolveAction(ActionReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Kind != ActionReferenceKind.Local || reference.LocalPath is null || RepositoryPath.Normalize(reference.LocalPath) is not { } folder)
        {
            return null;
        }

        if (_actions.TryGetValue(folder, out ActionMetadata? cached))
        {
            return cached;
        }

        ActionMetadata? result = null;
        foreach (string name in (string[])["action.yml", "action.yaml"])
        {
            string path = RepositoryPath.Combine(folder, name)!;
            if (_files.ReadText(path) is { } text)
            {
                result = ActionMetadata.Read(new SourceText(text, path));
                break;
            }
        }

        _actions[folder] = result;
        return result;
    }

    /// <summary>The workflow a local job-level <c>uses:</c> calls, or null when the file is missing.</summary>
    public Workflow? ResolveWorkflow(ActionReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Kind != ActionReferenceKind.Local || reference.LocalPath is null || RepositoryPath.Normalize(reference.LocalPath) is not { } path)
        {
            return null;
        }

        if (!_workflows.TryGetValue(path, out Workflow? workflow))
        {
            workflow = _files.ReadText(path) is { } text ? WorkflowReader.Read(new SourceText(text, path)) : null;
            _workflows[path] = workflow;
        }

        return workflow;
    }

    /// <summary>
    /// Every <c>uses:</c> the workflow reaches, in order: its own, then (right after each local one)
    /// those inside the local action or reusable workflow it names. Local references that cannot be
    /// read, cycles and too deep chains are reported in <paramref name="diagnostics"/>.
    /// </summary>
    public IReadOnlyList<ActionUse> CollectUses(Workflow workflow, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var uses = new List<ActionUse>();
        string self = workflow.Path ?? "<workflow>";
        VisitWorkflow(workflow, [], [self], uses, diagnostics);
        return uses;
    }

    private void VisitWorkflow(Workflow workflow, List<string> via, HashSet<string> active, List<ActionUse> uses, List<Diagnostic> diagnostics)
    {
        foreach (Job job in workflow.Jobs)
        {
            if (job.Uses is { } call)
            {
                uses.Add(new ActionUse(call, workflow.Path, [.. via], job, null));
                if (call.Kind == ActionReferenceKind.Local)
                {
                    Follow(workflow.Source, call, via, active, uses, diagnostics, isWorkflow: true, job);
                }
            }

            VisitSteps(workflow.Source, job.Steps, job, via, active, uses, diagnostics);
        }
    }

    private void VisitSteps(SourceText source, IReadOnlyList<Step> steps, Job? job, List<string> via, HashSet<string> active, List<ActionUse> uses, List<Diagnostic> diagnostics)
    {
        foreach (Step step in steps)
        {
            if (step.Uses is not { } reference)
            {
                continue;
            }

            uses.Add(new ActionUse(reference, source.Path, [.. via], job, step));
            if (reference.Kind == ActionReferenceKind.Local)
            {
                Follow(source, reference, via, active, uses, diagnostics, isWorkflow: false, job);
            }
        }
    }

    private void Follow(SourceText source, ActionReference reference, List<string> via, HashSet<string> active, List<ActionUse> uses, List<Diagnostic> diagnostics, bool isWorkflow, Job? job)
    {
        string key = RepositoryPath.Normalize(reference.LocalPath ?? string.Empty) ?? reference.Raw;
        string file = isWorkflow ? key : key + "/action.yml";
        if (active.Contains(key))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.LocalReferenceCycle, $"\"{reference.Raw}\" refers back to a file that is already being followed ({string.Join(" -> ", via.Append(key))})", source, reference.Span));
            return;
        }

        if (via.Count >= MaxDepth)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.LocalReferenceTooDeep, $"local references are nested more than {MaxDepth} deep at \"{reference.Raw}\"", source, reference.Span));
            return;
        }

        string from = source.Path ?? "<workflow>";
        active.Add(key);
        via.Add(from);
        try
        {
            if (isWorkflow)
            {
                if (ResolveWorkflow(reference) is { } called)
                {
                    VisitWorkflow(called, via, active, uses, diagnostics);
                    return;
                }
            }
            else if (ResolveAction(reference) is { } action)
            {
                file = action.Path ?? file;
                diagnostics.AddRange(action.Document.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
                VisitSteps(action.Source, action.Steps, job, via, active, uses, diagnostics);
                return;
            }

            string what = isWorkflow ? "workflow file" : "action.yml or action.yaml";
            diagnostics.Add(Diagnostic.Create(DiagnosticSeverity.Error, WorkflowDiagnosticCodes.LocalReferenceMissing, $"\"{reference.Raw}\": no {what} at {file}", source, reference.Span));
        }
        finally
        {
            via.RemoveAt(via.Count - 1);
            active.Remove(key);
        }
    }
}
