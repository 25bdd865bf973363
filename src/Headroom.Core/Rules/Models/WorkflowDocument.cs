using Headroom.Diagnostics;
using Headroom.Project;
using Headroom.Shell;
using Headroom.Text;
using Headroom.Workflows;

namespace Headroom.Rules.Models;

/// <summary>
/// A GitHub Actions workflow as the rules see it: its text, the <see cref="Headroom.Workflows.Workflow"/> model,
/// the <c>uses:</c> it reaches through local actions and reusable workflows, and the shell analysis of
/// each <c>run:</c> script. Malformed YAML is an <see cref="InputException"/> naming the file and line (exit 2).
/// </summary>
public sealed class WorkflowDocument
{
    private readonly Dictionary<Step, ShellScript> _scripts = [];
    private readonly Lazy<IReadOnlyList<ActionUse>> _uses;

    private WorkflowDocument(string path, Workflow workflow, IRepositoryFiles repository)
    {
        Path = path;
        Workflow = workflow;
        _uses = new Lazy<IReadOnlyList<ActionUse>>(() => CollectUses(workflow, repository));
    }

    /// <summary>Relative to the checked root, with <c>/</c>.</summary>
    public string Path { get; }

    public SourceText Source => Workflow.Source;

    public Workflow Workflow { get; }

    /// <summary>
    /// Every <c>uses:</c> the workflow reaches, its own and those inside local composite actions and reusable
    /// workflows. A local action whose YAML is malformed is an <see cref="InputException"/> naming its file and line.
    /// </summary>
    public IReadOnlyList<ActionUse> Uses => _uses.Value;

    /// <summary>Every workflow of the project, parsed once.</summary>
    public static IReadOnlyList<WorkflowDocument> All(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. context.Project.FilesOfKind(ProjectFileKind.Workflow).Select(f => Get(context, f.RelativePath))];
    }

    /// <summary>The workflow at <paramref name="path"/>, parsed once per project.</summary>
    public static WorkflowDocument Get(CheckContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Project.GetOrAdd(path, p => Load(context, p));
    }

    /// <summary>The shell analysis of a step's <c>run:</c> script, or null for a <c>uses:</c> step.</summary>
    public ShellScript? ScriptOf(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Run is not { } run)
        {
            return null;
        }

        lock (_scripts)
        {
            if (!_scripts.TryGetValue(step, out ShellScript? script))
            {
                script = ShellScript.Analyze(run.Text);
                _scripts[step] = script;
            }

            return script;
        }
    }

    /// <summary>
    /// The file offset of an offset in a run script, or null when YAML quoting or folding breaks the
    /// one-to-one correspondence (then a rule reports on the step and offers no text fix).
    /// </summary>
    public int? ToSourceOffset(RunScript run, int scriptOffset)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.TryMapOffset(scriptOffset, out LinePosition position))
        {
            return null;
        }

        return Source.GetLineStart(position.Line) + position.Column - 1;
    }

    /// <summary>The file span of a span in a run script, or null when it cannot be mapped (see <see cref="ToSourceOffset"/>).</summary>
    public TextSpan? ToSourceSpan(RunScript run, TextSpan scriptSpan)
    {
        if (ToSourceOffset(run, scriptSpan.Start) is not { } start || ToSourceOffset(run, scriptSpan.End) is not { } end || end < start)
        {
            return null;
        }

        // A mapped span must read the same as the script text (a block scalar's line breaks and indentation differ).
        return end - start == scriptSpan.Length ? new TextSpan(start, end - start) : null;
    }

    private static IReadOnlyList<ActionUse> CollectUses(Workflow workflow, IRepositoryFiles repository)
    {
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<ActionUse> uses = new LocalReferenceResolver(repository).CollectUses(workflow, diagnostics);
        if (diagnostics.FirstOrDefault(d => d.Code.StartsWith("yaml-", StringComparison.Ordinal)) is { } error)
        {
            throw new InputException($"{error.Path}:{error.Start.Line}: {error.Message}");
        }

        return uses;
    }

    private static WorkflowDocument Load(CheckContext context, string path)
    {
        SourceText source = context.Project.ReadSource(path)
            ?? throw new InputException($"{path}: cannot read the file");
        Workflow workflow = WorkflowReader.Read(source);
        if (workflow.Document.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InputException($"{path}:{error.Start.Line}: {error.Message}");
        }

        return new WorkflowDocument(path, workflow, context.Project.Repository);
    }
}
