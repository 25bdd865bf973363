using System.CommandLine;
using Headroom.IO;
using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Fixing;

namespace Headroom.Cli.Commands;

/// <summary>
/// <c>headroom fix [PATH...] [--dry-run] [--only ID[,ID]]</c>: applies the fixes that <c>check</c> offers,
/// verified by a re-check, each file written atomically. <c>--dry-run</c> prints a unified diff, writes
/// nothing, and exits 1 when there is something to fix (like a formatter's verify mode).
/// </summary>
internal static class FixCommand
{
    public static Command Create(CommandContext context)
    {
        var binder = new CheckOptionsBinder();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print a unified diff of the fixes and write nothing (exit 1 when there is something to fix)." };
        var only = new Option<string?>("--only") { Description = "Only these rules' fixes: ID[,ID] (IDs or slugs)." };
        var command = new Command("fix", "Apply the autofixes that check offers.") { dryRun, only };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            HashSet<string>? onlyRules = ParseOnly(parse.GetValue(only));
            bool dry = parse.GetValue(dryRun);
            int changedFiles = 0;
            CheckOptions options = Network.Apply(binder.GetOptions(parse), context.Host);
            using IndexSession indexes = IndexSession.Open(options, context.Host);
            options = indexes.Apply(options);
            foreach (string root in binder.GetRoots(parse))
            {
                HeadroomConfig config = binder.GetConfig(parse, root);
                ProjectModel project = ProjectModel.Load(root);
                CheckResult before = CheckRunner.Run(project, options, config);
                FixPlan plan = FixPlanner.Plan(project, options, config, before, onlyRules);
                changedFiles += plan.Files.Count;
                if (dry)
                {
                    foreach ((string path, (string? old, string after)) in plan.Files)
                    {
                        UnifiedDiff.Write(context.Out, path, old, after);
                    }
                }
                else
                {
                    // Every file's new bytes first (in the encoding it has), so that a file that cannot be
                    // rewritten stops the run before anything is written.
                    var writes = new List<(string Full, byte[] Bytes)>();
                    foreach ((string path, (_, string after)) in plan.Files)
                    {
                        string full = Path.Combine(project.Root, path);
                        byte[] original = File.Exists(full) ? File.ReadAllBytes(full) : [];
                        writes.Add((full, TextFileEncoding.EncodeLike(original, after, path)));
                    }

                    foreach ((string full, byte[] bytes) in writes)
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                        AtomicFile.Write(full, stream => stream.Write(bytes));
                    }
                }

                Report(dry ? context.Error : context.Out, plan, dry);
            }

            indexes.ReportNotices(context.Error);

            return dry && changedFiles > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static void Report(TextWriter output, FixPlan plan, bool dry)
    {
        foreach (FixOutcome outcome in plan.Outcomes)
        {
            Finding f = outcome.Finding;
            string what = outcome.Status == FixStatus.Applied ? (dry ? "would fix" : "fixed") : "not fixed";
            string reason = outcome.Reason is null ? string.Empty : $" ({outcome.Reason})";
            output.WriteLine($"{f.Path}:{f.Start.Line}: {what} {f.Rule.Id} {f.Rule.Slug}: {f.Fix!.Description}{reason}");
        }

        string verb = dry ? "would change" : "changed";
        output.WriteLine($"{plan.AppliedCount} fix(es) {(dry ? "to apply" : "applied")}, {verb} {plan.Files.Count} file(s); {plan.Outcomes.Count - plan.AppliedCount} not applied.");
    }

    private static HashSet<string>? ParseOnly(string? only)
    {
        if (only is null)
        {
            return null;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ids.Add(RuleCatalog.ResolveId(name) ?? throw new CliException($"--only: unknown rule '{name}' (see 'headroom rules')"));
        }

        return ids;
    }
}
