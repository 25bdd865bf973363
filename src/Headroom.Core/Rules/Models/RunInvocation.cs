using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Rules.Models;

/// <summary>A tool invocation (pip, apt-get, rm, ...) found in a RUN of a Dockerfile, with the way back to the source.</summary>
public sealed record RunInvocation<T>(DockerfileDocument Document, BuildInstruction Instruction, RunScript Script, T Invocation)
    where T : ToolInvocation
{
    /// <summary>The invocation's place in the Dockerfile.</summary>
    public TextSpan SourceSpan => Script.ToSourceSpan(Invocation.Span);

    /// <summary>The RUN's first line: ignore comments go above it.</summary>
    public int AnchorLine => Instruction.Instruction.StartLine;

    /// <summary>
    /// Whether a text edit at script offsets maps one to one onto the Dockerfile: not inside a nested
    /// <c>sh -c "..."</c> string and not the exec form (whose script is rebuilt from JSON).
    /// </summary>
    public bool IsEditable => Invocation.Command.NestingLevel == 0 && Script.Origin != RunScriptOrigin.ExecForm;

    /// <summary>The Dockerfile offset of a script offset (an insertion point).</summary>
    public int ToSourceOffset(int scriptOffset) => Script.ToSourceSpan(new TextSpan(scriptOffset, 0)).Start;
}

/// <summary>Enumerates the invocations of one kind in every RUN of every Dockerfile of the project.</summary>
public static class RunInvocations
{
    /// <param name="context">The check.</param>
    /// <param name="reachableOnly">Only stages that the build target reaches (for size rules); all stages otherwise.</param>
    public static IEnumerable<RunInvocation<T>> Of<T>(CheckContext context, bool reachableOnly = false)
        where T : ToolInvocation
    {
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            foreach (RunInvocation<T> found in Of<T>(document, reachableOnly))
            {
                yield return found;
            }
        }
    }

    public static IEnumerable<RunInvocation<T>> Of<T>(DockerfileDocument document, bool reachableOnly = false)
        where T : ToolInvocation
    {
        ArgumentNullException.ThrowIfNull(document);
        IEnumerable<BuildStage> stages = reachableOnly ? document.Build.ReachableStages : document.Build.Stages;
        foreach (BuildStage stage in stages)
        {
            foreach (BuildInstruction instruction in stage.Instructions)
            {
                foreach (RunScript script in document.ScriptsOf(instruction))
                {
                    foreach (T invocation in script.Script.InvocationsOf<T>())
                    {
                        yield return new RunInvocation<T>(document, instruction, script, invocation);
                    }
                }
            }
        }
    }
}
