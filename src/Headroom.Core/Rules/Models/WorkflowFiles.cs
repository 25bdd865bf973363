using Headroom.Project;
using Headroom.Shell;
using Headroom.Shell.Invocations;
using Headroom.Text;
using Headroom.Workflows;
using Headroom.Yaml;

namespace Headroom.Rules.Models;

/// <summary>
/// The project's GitHub Actions workflows as the JS, PY and DF011 rules read them: parsed once, the
/// steps that use an action, and the tool invocations of <c>run:</c> scripts with the folder they run in.
/// </summary>
public static class WorkflowFiles
{
    /// <summary>Every workflow of the project, sharing <see cref="WorkflowDocument"/>'s single parse.</summary>
    public static IReadOnlyList<Workflow> All(CheckContext context) =>
        [.. WorkflowDocument.All(context).Select(d => d.Workflow)];

    /// <summary>The steps that use <paramref name="action"/> (<c>owner/repo</c>, any version).</summary>
    public static IEnumerable<WorkflowStep> StepsUsing(CheckContext context, string action) =>
        from workflow in All(context)
        from pair in workflow.AllSteps()
        where string.Equals(pair.Step.Uses?.ActionName, action, StringComparison.OrdinalIgnoreCase)
        select new WorkflowStep(workflow, pair.Job, pair.Step);

    /// <summary>The invocations of one tool kind in every <c>run:</c> step, with the folder each runs in.</summary>
    public static IEnumerable<WorkflowInvocation<T>> Invocations<T>(CheckContext context)
        where T : ToolInvocation
    {
        foreach (Workflow workflow in All(context))
        {
            foreach ((Job job, Step step) in workflow.AllSteps())
            {
                if (step.Run is not { } run)
                {
                    continue;
                }
                ShellScript script = ShellScript.Analyze(run.Text);
                Dictionary<SimpleCommand, string?> folders = Folders(script, StartFolder(run.WorkingDirectory));
                foreach (T invocation in script.InvocationsOf<T>())
                {
                    yield return new WorkflowInvocation<T>(new WorkflowStep(workflow, job, step), run, invocation, folders.GetValueOrDefault(invocation.Command));
                }
            }
        }
    }

    /// <summary>The repository folder of a <c>working-directory</c> ("" for the root), or null when it is an expression.</summary>
    public static string? StartFolder(YamlScalar? workingDirectory)
    {
        if (workingDirectory is null || workingDirectory.IsNull)
        {
            return string.Empty;
        }
        string value = workingDirectory.Value.Trim();
        return value.Contains("${{", StringComparison.Ordinal) ? null : RepositoryPath.Normalize(value);
    }

    /// <summary>The span of a node's first line (a whole step or mapping would cover several lines).</summary>
    public static TextSpan FirstLine(SourceText source, YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(node);
        TextSpan line = source.GetLineSpan(node.Start.Line);
        return TextSpan.FromBounds(node.Span.Start, Math.Min(line.End, node.Span.End));
    }

    // Follows top-level "cd DIR" commands through the script, so "cd frontend && npm ci" runs in frontend/.
    private static Dictionary<SimpleCommand, string?> Folders(ShellScript script, string? start)
    {
        var folders = new Dictionary<SimpleCommand, string?>();
        string? current = start;
        foreach (SimpleCommand command in script.Commands)
        {
            folders[command] = current;
            if (command.NestingLevel == 0 && command.CommandName == "cd")
            {
                string? target = command.Arguments.FirstOrDefault()?.Value;
                current = current is null || target is null || target.StartsWith('/') || target.StartsWith('~') || target == "-"
                    ? null
                    : RepositoryPath.Combine(current, target);
            }
        }
        return folders;
    }
}

/// <summary>A step of a job of a workflow.</summary>
public sealed record WorkflowStep(Workflow Workflow, Job Job, Step Step)
{
    public SourceText Source => Workflow.Source;

    public string Path => Workflow.Path ?? string.Empty;

    /// <summary>The <c>with:</c> input's value node, or null.</summary>
    public YamlScalar? Input(string name) => Step.With?.GetScalar(name) is { IsNull: false } s ? s : null;
}

/// <summary>A tool invocation in a workflow's <c>run:</c> script; <see cref="Folder"/> is where it runs (null when unknown).</summary>
public sealed record WorkflowInvocation<T>(WorkflowStep Step, RunScript Run, T Invocation, string? Folder)
    where T : ToolInvocation
{
    /// <summary>The invocation's place in the workflow file (the whole <c>run:</c> value when YAML folding hides it).</summary>
    public TextSpan SourceSpan
    {
        get
        {
            SourceText source = Step.Source;
            if (Run.TryMapOffset(Invocation.Span.Start, out LinePosition start) && Run.TryMapOffset(Invocation.Span.End, out LinePosition end))
            {
                return TextSpan.FromBounds(Offset(source, start), Offset(source, end));
            }
            return WorkflowFiles.FirstLine(source, Run.Node);
        }
    }

    private static int Offset(SourceText source, LinePosition position) => source.GetLineStart(position.Line) + position.Column - 1;
}
