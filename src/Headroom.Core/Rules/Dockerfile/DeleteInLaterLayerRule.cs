using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Text;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF005: a RUN deletes or purges files (<c>rm</c>, <c>find -delete</c>, <c>pip cache purge</c>, <c>uv cache clean</c>,
/// <c>apt-get clean</c>, <c>npm cache clean</c>) that an earlier RUN, COPY or ADD of the same stage (or of its base
/// stages) wrote. Layers only add: the files stay in the earlier layer and the image does not shrink. The fix moves the
/// cleanup to the end of the RUN that wrote the files, when that is safe.
/// </summary>
public sealed class DeleteInLaterLayerRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "DF005", "delete-in-later-layer", DiagnosticSeverity.Warning,
        "a RUN deletes files that an earlier layer wrote: the image does not shrink", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            foreach (BuildStage stage in document.Build.Stages)
            {
                var layers = new LayerWrites(document, stage);
                foreach (BuildInstruction instruction in stage.Instructions.Where(i => i.Instruction.Name == InstructionNames.Run))
                {
                    CheckRun(document, layers, instruction, findings);
                }
            }
        }
    }

    private static void CheckRun(DockerfileDocument document, LayerWrites layers, BuildInstruction instruction, FindingSink findings)
    {
        IReadOnlyList<RunScript> scripts = document.ScriptsOf(instruction);
        List<(LayerCleanup Cleanup, LayerWrite Writer, RunScript Script)> found = [];
        int cleanups = 0;
        foreach (RunScript script in scripts)
        {
            foreach (LayerCleanup cleanup in LayerCleanup.In(script, instruction, layers.WorkdirAt(instruction)))
            {
                cleanups++;
                if (layers.LatestWriterBefore(instruction, cleanup) is { } writer)
                {
                    found.Add((cleanup, writer, script));
                }
            }
        }

        Fix? fix = found.Count > 0 && found.Count == cleanups ? MoveFix(document, layers, instruction, scripts, found) : null;
        foreach ((LayerCleanup cleanup, LayerWrite writer, RunScript script) in found)
        {
            TextSpan span = script.ToSourceSpan(cleanup.Command.Span);
            findings.Report(
                document.Source,
                span,
                $"'{cleanup.Display}' runs in a later layer than line {writer.Instruction.Line}, where {writer.What} wrote {cleanup.Target}: those files stay in that layer and the image does not shrink; clean up in the RUN that writes them",
                instruction.Line,
                fix,
                related: [new RelatedLocation(document.Path, writer.Instruction.Line, 1, $"{writer.What} writes {cleanup.Target} here")]);
            fix = null; // one fix per RUN: it moves every cleanup at once
        }
    }

    /// <summary>
    /// Moves the cleanups to the end of the RUNs that wrote the files and deletes the later RUN, when the later RUN is a
    /// plain <c>&amp;&amp;</c> chain of those cleanups only, every writer is a shell-form RUN, and no RUN in between uses
    /// APT when APT's files are removed.
    /// </summary>
    private static Fix? MoveFix(DockerfileDocument document, LayerWrites layers, BuildInstruction instruction, IReadOnlyList<RunScript> scripts, List<(LayerCleanup Cleanup, LayerWrite Writer, RunScript Script)> found)
    {
        if (scripts is not [{ Origin: RunScriptOrigin.CommandLine } script] || script.Script.HasErrors
            || script.Script.Commands.Length != found.Select(f => f.Cleanup.Command).Distinct().Count()
            || script.Script.Commands.Any(c => c.NestingLevel > 0 || c.PrecedingOperator is not (ShellOperator.None or ShellOperator.And) || !c.Redirections.IsEmpty)
            || found.Any(f => f.Writer.Script is not { Origin: RunScriptOrigin.CommandLine } || (f.Cleanup.IsApt && layers.AptUsedBetween(f.Writer.Instruction, instruction))))
        {
            return null;
        }

        List<TextEdit> edits = [];
        foreach (IGrouping<BuildInstruction, (LayerCleanup Cleanup, LayerWrite Writer, RunScript Script)> writer in found.GroupBy(f => f.Writer.Instruction))
        {
            RunScript target = writer.First().Writer.Script!;
            string commands = string.Join(" && ", writer.Select(f => document.Source.ToString(script.ToSourceSpan(f.Cleanup.Command.Span))).Distinct(StringComparer.Ordinal));
            if (RunCommandAppender.Append(target, document.Source, commands) is not { } edit)
            {
                return null;
            }

            edits.Add(edit);
        }

        SourceText source = document.Source;
        int start = source.GetLineStart(instruction.Instruction.StartLine);
        int end = instruction.Instruction.EndLine < source.LineCount ? source.GetLineStart(instruction.Instruction.EndLine + 1) : source.Length;
        edits.Add(TextEdit.Delete(new TextSpan(start, end - start)));
        return Fix.InFile("move the cleanup into the RUN that writes the files", document.Path, [.. edits]);
    }
}
