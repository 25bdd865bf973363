using Headroom.Diagnostics;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>DF007: <c>apt-get install</c> without <c>--no-install-recommends</c> (or the equivalent APT setting).</summary>
public sealed class AptRecommendsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "DF007", "apt-recommends", DiagnosticSeverity.Warning,
        "apt-get install without --no-install-recommends", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (RunInvocation<AptInvocation> run in RunInvocations.Of<AptInvocation>(context))
        {
            AptInvocation apt = run.Invocation;
            if (apt.Action != AptAction.Install || apt.NoInstallRecommends)
            {
                continue;
            }

            Fix? fix = run.IsEditable
                ? Fix.InFile("add --no-install-recommends", run.Document.Path, TextEdit.Insert(run.ToSourceOffset(apt.FlagInsertionOffset), " --no-install-recommends"))
                : null;
            findings.Report(
                run.Document.Source,
                run.SourceSpan,
                $"'{apt.ToolWord.Value} install' without --no-install-recommends also installs every recommended package; add the flag and name what you need",
                run.AnchorLine,
                fix);
        }
    }
}
