using Headroom.Diagnostics;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Text;
using Headroom.Workflows;

namespace Headroom.Rules.Workflows;

/// <summary>
/// GH002: a <c>run:</c> step of a job on a GitHub-hosted runner calls <c>docker-compose</c> (Compose v1), which
/// the runner images no longer have. Quiet when the job installs a <c>docker-compose</c> itself before the call
/// (pip/pipx/apt/brew install of it, a download or link to <c>.../docker-compose</c>, an alias, an action with
/// "compose" in its name) or when the script tests for it first (<c>command -v docker-compose</c>). The fix
/// replaces the command word with <c>docker compose</c>.
/// </summary>
public sealed class DockerComposeV1Rule : IRule
{
    // shared/reference/ci-breakage.md §4 (actions/runner-images#9557, #9692, #9864; GitHub changelog 2024-04-10):
    // removed from the Ubuntu 20.04/22.04 and Windows 2019/2022 images in a rollout that began 2024-07-29;
    // ubuntu-24.04 never had it. macOS images have no Docker at all.
    private const string Error = "docker-compose: command not found";

    private static readonly HashSet<string> Installers = new(StringComparer.Ordinal)
    {
        "pip", "pip3", "pipx", "python", "python3", "uv", "apt-get", "apt", "brew", "choco", "snap", "conda", "mamba",
    };

    private static readonly HashSet<string> Probes = new(StringComparer.Ordinal) { "command", "which", "type", "hash" };

    public RuleDescriptor Descriptor { get; } = new(
        "GH002", "docker-compose-v1", DiagnosticSeverity.Error,
        "docker-compose (Compose v1) is called on a GitHub-hosted runner that no longer has it", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (WorkflowDocument document in WorkflowDocument.All(context))
        {
            foreach (Job job in document.Workflow.Jobs)
            {
                IReadOnlyList<string> labels = HostedRunners.LabelsOf(job);
                if (labels.Count > 0 && job.Container is null)
                {
                    CheckJob(document, job, labels, findings);
                }
            }
        }
    }

    private static void CheckJob(WorkflowDocument document, Job job, IReadOnlyList<string> labels, FindingSink findings)
    {
        bool installed = false;
        foreach (Step step in job.Steps)
        {
            if (step.Uses is { Kind: ActionReferenceKind.Repository } uses && uses.Repo!.Contains("compose", StringComparison.OrdinalIgnoreCase))
            {
                installed = true;
            }

            if (step.Run is not { } run || document.ScriptOf(step) is not { } script)
            {
                continue;
            }

            foreach (SimpleCommand command in script.Commands)
            {
                if (Provides(command))
                {
                    installed = true;
                }
                else if (!installed && command.CommandBaseName == "docker-compose")
                {
                    Report(document, run, command, labels, findings);
                }
            }
        }
    }

    /// <summary>The command installs, links, aliases or probes for a <c>docker-compose</c> program.</summary>
    private static bool Provides(SimpleCommand command)
    {
        if (command.CommandBaseName is not { } name || name == "docker-compose")
        {
            return false;
        }

        List<string> args = [.. command.Arguments.Select(a => a.Value ?? a.RawText)];
        if (Probes.Contains(name) && args.Contains("docker-compose", StringComparer.Ordinal))
        {
            return true;
        }

        if (name == "alias" && args.Any(a => a.StartsWith("docker-compose=", StringComparison.Ordinal)))
        {
            return true;
        }

        if (Installers.Contains(name) && args.Contains("install", StringComparer.Ordinal)
            && args.Any(a => a == "docker-compose" || a.StartsWith("docker-compose=", StringComparison.Ordinal) || a.StartsWith("docker-compose<", StringComparison.Ordinal) || a.StartsWith("docker-compose>", StringComparison.Ordinal)))
        {
            return true;
        }

        // curl -o /usr/local/bin/docker-compose, ln -s ... /usr/bin/docker-compose, chmod +x .../docker-compose
        return args.Any(a => a.EndsWith("/docker-compose", StringComparison.Ordinal));
    }

    private static void Report(WorkflowDocument document, RunScript run, SimpleCommand command, IReadOnlyList<string> labels, FindingSink findings)
    {
        ShellWord word = command.CommandWord!;
        TextSpan? span = command.NestingLevel == 0 ? document.ToSourceSpan(run, word.Span) : null;
        string where = labels.Count == 1 ? labels[0] : string.Join(", ", labels);
        Fix? fix = span is { } s && word.RawText == "docker-compose"
            ? Fix.InFile("call 'docker compose' (Compose v2) instead of 'docker-compose'", document.Path, new TextEdit(s, "docker compose"))
            : null;
        findings.Report(
            document.Source,
            span ?? WorkflowFiles.FirstLine(document.Source, run.Node),
            $"'docker-compose' (Compose v1) is not installed on the GitHub-hosted runner ({where}): it left the Ubuntu and Windows images from 2024-07-29 and ubuntu-24.04 never had it, so this step fails with \"{Error}\" (exit code 127); use 'docker compose' (Compose v2)",
            fix: fix);
    }
}
