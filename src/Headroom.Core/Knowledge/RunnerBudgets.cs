namespace Headroom.Knowledge;

/// <summary>A named disk budget: the free disk a CI runner documents.</summary>
/// <param name="Name">What users write after <c>--budget</c>.</param>
/// <param name="Bytes">The documented free disk, in bytes (decimal GB as documented).</param>
/// <param name="Source">Where the figure is stated.</param>
/// <param name="Date">When the source was read (ISO date).</param>
public sealed record RunnerBudget(string Name, long Bytes, string Source, string Date);

/// <summary>Embedded runner disk budgets, each with its source and the date it was read.</summary>
public static class RunnerBudgets
{
    private const string GitHubRunners = "https://docs.github.com/en/actions/using-github-hosted-runners/about-github-hosted-runners "
        + "(now https://docs.github.com/en/actions/reference/runners/github-hosted-runners): "
        + "\"Standard GitHub-hosted runners for public repositories\", Storage (SSD) 14 GB";

    /// <summary>
    /// The GitHub figure is the SSD size the docs table states for standard runners: 14 GB for Linux
    /// x64 (ubuntu-latest, ubuntu-24.04, ubuntu-22.04), Windows x64 and Linux arm64. In practice the
    /// free space varies by image (actions/runner-images#2840); 14 GB is what GitHub commits to.
    /// </summary>
    public static IReadOnlyList<RunnerBudget> All { get; } =
    [
        new("github-ubuntu-latest", 14_000_000_000, GitHubRunners, "2026-11-29"),
        new("github-ubuntu-arm", 14_000_000_000, GitHubRunners, "2026-11-29"),
        new("github-windows-latest", 14_000_000_000, GitHubRunners, "2026-11-29"),
    ];

    public static RunnerBudget? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
