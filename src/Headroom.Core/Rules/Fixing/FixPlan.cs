namespace Headroom.Rules.Fixing;

/// <summary>
/// The result of planning fixes: the new text of each changed file (relative path to text, with the
/// old text, null for a file that does not exist yet), and the outcome of every fix. Nothing is written.
/// </summary>
public sealed record FixPlan(
    IReadOnlyDictionary<string, (string? Before, string After)> Files,
    IReadOnlyList<FixOutcome> Outcomes)
{
    public int AppliedCount => Outcomes.Count(o => o.Status == FixStatus.Applied);
}
