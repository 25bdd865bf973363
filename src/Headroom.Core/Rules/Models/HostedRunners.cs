using Headroom.Workflows;

namespace Headroom.Rules.Models;

/// <summary>
/// Which jobs run on a GitHub-hosted runner: every label of <c>runs-on</c> (each matrix combination
/// substituted) is a GitHub-hosted image label (<c>ubuntu-*</c>, <c>windows-*</c>, <c>macos-*</c>) and none is
/// <c>self-hosted</c>. Runner groups (larger runners with custom images) and labels that stay expressions are
/// not known to be GitHub-hosted.
/// </summary>
public static class HostedRunners
{
    /// <summary>The GitHub-hosted image labels a job runs on (one per matrix combination, distinct); empty when not hosted or unknown.</summary>
    public static IReadOnlyList<string> LabelsOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.RunsOn is not { Group: null } runsOn || runsOn.Labels.Count == 0)
        {
            return [];
        }

        IReadOnlyList<MatrixCombination?> combinations = job.Matrix is { Combinations.Count: > 0 } matrix
            ? [.. matrix.Combinations]
            : [null];
        var labels = new List<string>();
        foreach (MatrixCombination? combination in combinations)
        {
            IReadOnlyList<string?> resolved = runsOn.ResolveLabels(combination);
            if (resolved.Count == 1 && resolved[0] is { } label && IsHostedLabel(label))
            {
                if (!labels.Contains(label, StringComparer.Ordinal))
                {
                    labels.Add(label);
                }
            }
        }

        return labels;
    }

    /// <summary>True for a GitHub-hosted image label ("ubuntu-latest", "ubuntu-24.04-arm", "windows-2022", "macos-14").</summary>
    public static bool IsHostedLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        string l = label.Trim().ToLowerInvariant();
        return l.StartsWith("ubuntu-", StringComparison.Ordinal)
            || l.StartsWith("windows-", StringComparison.Ordinal)
            || l.StartsWith("macos-", StringComparison.Ordinal);
    }
}
