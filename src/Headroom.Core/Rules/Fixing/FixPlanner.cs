using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Rules.Configuration;

namespace Headroom.Rules.Fixing;

/// <summary>
/// Chooses and verifies fixes. Fixes are taken one at a time in the order of the findings; each is
/// applied to the texts so far, and the project is parsed and checked again: a fix that makes a file
/// unparsable, or brings a finding that was not there before, is dropped and the reason recorded. A fix
/// whose edits overlap an applied one is dropped as conflicting. Then the planner starts another round on
/// the fixed texts, checked again, so that fixes deferred by an order (one fix's re-check saw a finding that
/// a later fix removes) or by an overlap are retried, until a round applies nothing (at most
/// <see cref="MaxRounds"/> rounds): one run of <c>fix</c> leaves nothing for a second.
/// </summary>
public static partial class FixPlanner
{
    /// <summary>The most rounds of fixes one plan makes.</summary>
    public const int MaxRounds = 5;

    public static FixPlan Plan(ProjectModel project, CheckOptions options, HeadroomConfig config, CheckResult before, IReadOnlySet<string>? onlyRules = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        FixPlan round = PlanRound(project, options, config, before, onlyRules);
        var texts = round.Files.ToDictionary(f => f.Key, f => (string?)f.Value.After, StringComparer.Ordinal);
        var outcomes = new List<FixOutcome>(round.Outcomes);
        for (int n = 1; n < MaxRounds && round.AppliedCount > 0 && round.Outcomes.Any(o => o.Status != FixStatus.Applied); n++)
        {
            ProjectModel current = WithTexts(project, texts);
            round = PlanRound(current, options, config, CheckRunner.Run(current, options, config), onlyRules);
            if (round.AppliedCount == 0 || round.Files.Count == 0)
            {
                break;
            }

            // The fixes this round retried replace their earlier outcomes.
            outcomes.RemoveAll(o => o.Status != FixStatus.Applied);
            outcomes.AddRange(round.Outcomes);
            foreach ((string path, (_, string after)) in round.Files)
            {
                texts[path] = after;
            }
        }

        return Result(project, texts, outcomes);
    }

    private static FixPlan PlanRound(ProjectModel project, CheckOptions options, HeadroomConfig config, CheckResult before, IReadOnlySet<string>? onlyRules)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(before);
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var applied = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var outcomes = new List<FixOutcome>();
        Dictionary<string, int> baseline = Signatures(before.Findings);

        foreach (Finding finding in before.Findings)
        {
            if (finding.Fix is not { } fix || (onlyRules is not null && !onlyRules.Contains(finding.Rule.Id)))
            {
                continue;
            }

            // Two rules may offer the same edit (DF005 and DF006 both append the apt-lists removal): apply it once.
            fix = fix with
            {
                Files = [.. fix.Files.Select(f => f with
                {
                    Edits = [.. f.Edits.Where(e => !(applied.TryGetValue(f.Path, out List<TextEdit>? done) && done.Contains(e)))],
                })],
            };
            if (Conflicts(fix, applied))
            {
                outcomes.Add(new FixOutcome(finding, FixStatus.Conflicting, "overlaps another fix; run 'headroom fix' again"));
                continue;
            }

            Dictionary<string, string?> trial = new(texts, StringComparer.Ordinal);
            foreach (FileEdit file in fix.Files)
            {
                string? original = project.Repository.ReadText(file.Path);
                if (original is null && !file.CreatesFile)
                {
                    throw new InvalidOperationException($"{finding.Rule.Id}: the fix edits {file.Path}, which does not exist");
                }

                // Edits are in the coordinates of the original text (empty for a created file): apply them with the earlier ones.
                IEnumerable<TextEdit> all = (applied.TryGetValue(file.Path, out List<TextEdit>? earlier) ? earlier : []).Concat(file.Edits);
                trial[file.Path] = TextEdits.Apply(original ?? string.Empty, all);
            }

            (FixStatus status, string? reason) = Verify(project, options, config, trial, baseline);
            if (status != FixStatus.Applied)
            {
                outcomes.Add(new FixOutcome(finding, status, reason));
                continue;
            }

            texts = trial;
            foreach (FileEdit file in fix.Files)
            {
                if (!applied.TryGetValue(file.Path, out List<TextEdit>? list))
                {
                    list = [];
                    applied[file.Path] = list;
                }

                list.AddRange(file.Edits);
            }

            outcomes.Add(new FixOutcome(finding, FixStatus.Applied));
        }

        return Result(project, texts, outcomes);
    }

    /// <summary>The plan: each text that differs from the project's file, with the file's text before.</summary>
    private static FixPlan Result(ProjectModel project, Dictionary<string, string?> texts, List<FixOutcome> outcomes)
    {
        var files = new SortedDictionary<string, (string? Before, string After)>(StringComparer.Ordinal);
        foreach ((string path, string? after) in texts)
        {
            string? old = project.Repository.ReadText(path);
            if (after is not null && after != old)
            {
                files[path] = (old, after);
            }
        }

        return new FixPlan(files, outcomes);
    }

    private static bool Conflicts(Fix fix, Dictionary<string, List<TextEdit>> applied) =>
        fix.Files.Any(file => applied.TryGetValue(file.Path, out List<TextEdit>? earlier)
            && file.Edits.Any(edit => earlier.Any(e => TextEdits.Overlap(e, edit))));

    /// <summary>The project with some files' texts replaced or added (in memory).</summary>
    private static ProjectModel WithTexts(ProjectModel project, Dictionary<string, string?> texts)
    {
        var files = project.Repository.EnumerateFiles(string.Empty)
            .Select(path => KeyValuePair.Create(path, texts.TryGetValue(path, out string? t) && t is not null ? t : project.Repository.ReadText(path) ?? string.Empty))
            .Concat(texts.Where(t => t.Value is not null && !project.Repository.FileExists(t.Key)).Select(t => KeyValuePair.Create(t.Key, t.Value!)));
        return ProjectModel.FromFiles(files, project.Root);
    }

    private static (FixStatus, string?) Verify(ProjectModel project, CheckOptions options, HeadroomConfig config, Dictionary<string, string?> texts, Dictionary<string, int> baseline)
    {
        ProjectModel trial = WithTexts(project, texts);
        CheckResult after;
        try
        {
            after = CheckRunner.Run(trial, options, config);
        }
        catch (InputException ex)
        {
            return (FixStatus.BreaksParsing, ex.Message);
        }

        Dictionary<string, int> now = Signatures(after.Findings);
        foreach ((string signature, int count) in now)
        {
            if (count > baseline.GetValueOrDefault(signature))
            {
                return (FixStatus.BringsNewFinding, "the fixed text would have a new finding: " + signature);
            }
        }

        return (FixStatus.Applied, null);
    }

    /// <summary>
    /// Findings counted by rule, path and message with its numbers taken out: positions move when text
    /// is inserted, and so do the line numbers that messages cite (DF011's "ci.yml:19"); these do not.
    /// </summary>
    internal static Dictionary<string, int> Signatures(IEnumerable<Finding> findings)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Finding f in findings)
        {
            string key = $"{f.Rule.Id} {f.Path}: {Digits().Replace(f.Message, "#")}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
