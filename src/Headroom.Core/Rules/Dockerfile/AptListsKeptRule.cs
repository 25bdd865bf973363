using Headroom.Diagnostics;
using Headroom.Dockerfiles.Run;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF006: a RUN that runs <c>apt-get update</c> (and usually <c>install</c>) leaves the package lists it downloaded in
/// <c>/var/lib/apt/lists</c>, in the layer: no <c>rm</c> of them later in the same RUN and no cache or tmpfs mount on
/// them. <c>apt-get clean</c> does not count: it empties <c>/var/cache/apt/archives</c>, not the lists.
/// </summary>
public sealed class AptListsKeptRule : IRule
{
    /// <summary>Where APT keeps the downloaded package lists (Dir::State::Lists).</summary>
    public const string ListsDirectory = "/var/lib/apt/lists";

    public RuleDescriptor Descriptor { get; } = new(
        "DF006", "apt-lists-kept", DiagnosticSeverity.Warning,
        "apt-get update/install without removing /var/lib/apt/lists in the same RUN", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (IGrouping<RunScript, RunInvocation<AptInvocation>> script in RunInvocations.Of<AptInvocation>(context).GroupBy(r => r.Script))
        {
            RunInvocation<AptInvocation>[] runs = [.. script];
            RunInvocation<AptInvocation>? update = runs.LastOrDefault(r => r.Invocation.Action == AptAction.Update);
            if (update is null || RunMounts.DiscardingMountOver(update.Instruction, ListsDirectory) is not null || RemovedAfter(script.Key, update.Invocation))
            {
                continue;
            }

            RunInvocation<AptInvocation> shown = runs.FirstOrDefault(r => r.Invocation.Action == AptAction.Install && r.Invocation.Span.Start > update.Invocation.Span.Start) ?? update;
            TextEdit? edit = RunCommandAppender.Append(script.Key, update.Document.Source, "rm -rf /var/lib/apt/lists/*");
            Fix? fix = edit is null || update.Invocation.Command.NestingLevel > 0 ? null : Fix.InFile("remove /var/lib/apt/lists in the same RUN", update.Document.Path, edit);
            findings.Report(
                update.Document.Source,
                shown.SourceSpan,
                $"'{update.Invocation.ToolWord.Value} update' leaves the package lists in {ListsDirectory} in this layer (apt-get clean does not remove them); end the same RUN with 'rm -rf {ListsDirectory}/*' or use a cache mount on it",
                shown.AnchorLine,
                fix);
        }
    }

    /// <summary>True when an <c>rm</c> or <c>apt-get dist-clean</c> after <paramref name="update"/> in the same script removes the lists.</summary>
    internal static bool RemovedAfter(RunScript script, AptInvocation update) =>
        script.Script.InvocationsOf<RemoveInvocation>().Any(rm => rm.Span.Start > update.Span.End && rm.RemovesContentsOf(ListsDirectory))
        || script.Script.InvocationsOf<AptInvocation>().Any(a => a.Action == AptAction.DistClean && a.Span.Start > update.Span.End);
}
