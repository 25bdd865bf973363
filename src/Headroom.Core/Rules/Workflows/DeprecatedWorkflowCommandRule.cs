using Headroom.Diagnostics;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Text;
using Headroom.Workflows;

namespace Headroom.Rules.Workflows;

/// <summary>
/// GH006: a run script echoes a deprecated workflow command (<c>::set-output</c>, <c>::save-state</c>)
/// or a disabled one (<c>::set-env</c>, <c>::add-path</c>) instead of appending to the environment files.
/// </summary>
public sealed class DeprecatedWorkflowCommandRule : IRule
{
    // Facts from shared/reference/ci-breakage.md §1 "Workflow commands" (GitHub changelogs 2020-10-01,
    // 2022-10-11 and 2023-07-24): set-output/save-state deprecated 2022-10-11 and still warned about;
    // set-env/add-path disabled in 2020 unless ACTIONS_ALLOW_UNSECURE_COMMANDS is set.
    private static readonly (string Command, string File, bool Disabled)[] Commands =
    [
        ("set-output", "GITHUB_OUTPUT", false),
        ("save-state", "GITHUB_STATE", false),
        ("set-env", "GITHUB_ENV", true),
        ("add-path", "GITHUB_PATH", true),
    ];

    public RuleDescriptor Descriptor { get; } = new(
        "GH006", "deprecated-workflow-command", DiagnosticSeverity.Error,
        "a run script uses a deprecated workflow command (::set-output, ::save-state, ::set-env, ::add-path)", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (WorkflowDocument document in WorkflowDocument.All(context))
        {
            foreach ((Job _, Step step) in document.Workflow.AllSteps())
            {
                if (step.Run is not { } run || document.ScriptOf(step) is not { } script)
                {
                    continue;
                }

                foreach (SimpleCommand command in script.Commands)
                {
                    if (command.CommandBaseName is not ("echo" or "printf"))
                    {
                        continue;
                    }

                    foreach ((string name, string file, bool disabled) in Commands)
                    {
                        ShellWord? word = command.Arguments.FirstOrDefault(w => w.RawText.Contains("::" + name, StringComparison.Ordinal));
                        if (word is null)
                        {
                            continue;
                        }

                        TextSpan? span = command.NestingLevel == 0 ? document.ToSourceSpan(run, command.Span) : null;
                        string what = disabled
                            ? $"'::{name}' has been disabled since 2020 and fails the step unless ACTIONS_ALLOW_UNSECURE_COMMANDS is set"
                            : $"'::{name}' is deprecated since 2022-10-11 (CI warns \"The `{name}` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.\")";
                        findings.Report(
                            document.Source,
                            span ?? run.Node.Span,
                            $"{what}; append to \"${file}\" instead",
                            fix: span is { } s ? FixFor(document, run, command, word, name, file, s) : null);
                    }
                }
            }
        }
    }

    /// <summary>
    /// For <c>echo "::set-output name=x::value"</c>: <c>echo "x=value" &gt;&gt; "$GITHUB_OUTPUT"</c> (the
    /// same for the other commands); null for printf, redirected echoes and words it cannot rewrite.
    /// </summary>
    private static Fix? FixFor(WorkflowDocument document, RunScript run, SimpleCommand command, ShellWord word, string name, string file, TextSpan commandSpan)
    {
        if (command.CommandBaseName != "echo" || !command.Redirections.IsEmpty || document.ToSourceSpan(run, word.Span) is not { } wordSpan)
        {
            return null;
        }

        string raw = word.RawText;
        string prefix = "::" + name;
        int at = raw.IndexOf(prefix, StringComparison.Ordinal);
        string rest = raw[(at + prefix.Length)..];
        string replacement;
        if (name == "add-path")
        {
            if (!rest.StartsWith("::", StringComparison.Ordinal))
            {
                return null;
            }

            replacement = raw[..at] + rest[2..];
        }
        else
        {
            if (!rest.StartsWith(" name=", StringComparison.Ordinal) || rest.IndexOf("::", StringComparison.Ordinal) is var sep && sep < 0)
            {
                return null;
            }

            replacement = raw[..at] + rest[" name=".Length..sep] + "=" + rest[(sep + 2)..];
        }

        return Fix.InFile(
            $"write to \"${file}\" instead of '::{name}'",
            document.Path,
            new TextEdit(wordSpan, replacement),
            TextEdit.Insert(commandSpan.End, $" >> \"${file}\""));
    }
}
