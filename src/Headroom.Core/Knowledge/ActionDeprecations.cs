using Headroom.Workflows;

namespace Headroom.Knowledge;

/// <summary>
/// The embedded table of action deprecations and shutdowns (facts and exact errors from
/// shared/reference/ci-breakage.md, each row with its source and date). No network.
/// </summary>
public static class ActionDeprecations
{
    private const string ArtifactV3Changelog = "https://github.blog/changelog/2024-04-16-deprecation-notice-v3-of-the-artifact-actions/";
    private const string ArtifactV1V2Changelog = "https://github.blog/changelog/2024-02-13-deprecation-notice-v1-and-v2-of-the-artifact-actions/";
    private const string CacheChangelog = "https://github.blog/changelog/2024-12-05-notice-of-upcoming-releases-and-breaking-changes-for-github-actions/#actions-cache-v1-v2-and-actions-toolkit-cache-package-closing-down";

    public static IReadOnlyList<ActionDeprecation> All { get; } =
    [
        ArtifactV1V2("actions/upload-artifact"),
        ArtifactV1V2("actions/download-artifact"),
        ArtifactV3("actions/upload-artifact"),
        ArtifactV3("actions/download-artifact"),
        new ActionDeprecation
        {
            Id = "cache-legacy-service",
            Kind = ActionDeprecationKind.Service,
            Action = "actions/cache",
            Versions = [Range(0, 0, 0, 3, 4, 0), Range(4, 0, 0, 4, 2, 0)],
            Announced = new DateOnly(2024, 12, 5),
            Date = new DateOnly(2025, 2, 1),
            Breaks = true,
            Summary = "actions/cache below v3.4.0 (and v4.0.0 to v4.1.x) talks to the legacy cache service, sunset on 2025-02-01 and switched off on 2025-04-15; pins must be >= v4.2.0 or >= v3.4.0",
            ErrorTemplate = "Error: This request has been automatically failed because it uses a deprecated version of `{action}: {ref}`. Please update your workflow to use v3/v4 of actions/cache to avoid interruptions. Learn more: " + CacheChangelog,
            Fix = "use actions/cache@v4 (>= v4.2.0) or >= v3.4.0",
            SourceUrl = CacheChangelog,
        },
        new ActionDeprecation
        {
            Id = "node12-runtime",
            Kind = ActionDeprecationKind.Runtime,
            Runtime = ActionRuntime.Node12,
            Announced = new DateOnly(2022, 9, 22),
            Date = new DateOnly(2023, 6, 13),
            Breaks = false,
            Summary = "Node.js 12 actions are forced to run on Node.js 16 (and now on the runner's current Node)",
            Fix = "use a major version of the action that runs on node24",
            SourceUrl = "https://github.blog/changelog/2023-06-13-github-actions-all-actions-will-run-on-node16-instead-of-node12-by-default/",
        },
        new ActionDeprecation
        {
            Id = "node16-runtime",
            Kind = ActionDeprecationKind.Runtime,
            Runtime = ActionRuntime.Node16,
            Announced = new DateOnly(2023, 9, 22),
            Date = new DateOnly(2024, 5, 17),
            Breaks = false,
            Summary = "Node.js 16 actions are deprecated and run on Node.js 20 by default",
            ErrorTemplate = "Node.js 16 actions are deprecated. Please update the following actions to use Node.js 20: {action}@{ref}",
            Fix = "use a major version of the action that runs on node20 or node24",
            SourceUrl = "https://github.blog/changelog/2023-09-22-github-actions-transitioning-from-node-16-to-node-20/",
        },
        new ActionDeprecation
        {
            Id = "node20-runtime",
            Kind = ActionDeprecationKind.Runtime,
            Runtime = ActionRuntime.Node20,
            Announced = new DateOnly(2025, 9, 19),
            Date = new DateOnly(2026, 6, 2),
            Breaks = false,
            Summary = "Node.js 20 actions are forced to Node.js 24 from 2026-06-02 and Node.js 20 is removed from the runner on 2026-09-16 (FORCE_JAVASCRIPT_ACTIONS_TO_NODE24=true opts in early, ACTIONS_ALLOW_USE_UNSECURE_NODE_VERSION=true opts out until then)",
            Fix = "use a major version of the action that runs on node24",
            SourceUrl = "https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/",
        },
        new ActionDeprecation
        {
            Id = "runner-ubuntu-20.04",
            Kind = ActionDeprecationKind.RunnerLabel,
            RunnerLabel = "ubuntu-20.04",
            Date = new DateOnly(2025, 4, 15),
            Breaks = true,
            Summary = "the ubuntu-20.04 hosted runner image is unsupported since 2025-04-15",
            Fix = "use ubuntu-22.04, ubuntu-24.04 or ubuntu-latest",
            Replacement = "ubuntu-22.04",
            SourceUrl = "https://github.com/actions/runner-images/issues/11101",
        },
    ];

    /// <summary>The rows for a hosted runner label ("ubuntu-20.04").</summary>
    public static IReadOnlyList<ActionDeprecation> ForRunnerLabel(string label) =>
        All.Where(d => d.Kind == ActionDeprecationKind.RunnerLabel && string.Equals(d.RunnerLabel, label.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();

    private static ActionDeprecation ArtifactV1V2(string action) => new()
    {
        Id = action[(action.IndexOf('/', StringComparison.Ordinal) + 1)..] + "-v1-v2",
        Kind = ActionDeprecationKind.Service,
        Action = action,
        Versions = [Range(0, 0, 0, 3, 0, 0)],
        Announced = new DateOnly(2024, 2, 13),
        Date = new DateOnly(2024, 6, 30),
        Breaks = true,
        Summary = $"{action} v1 and v2 are deprecated since 2024-06-30; jobs using them fail at \"Set up job\"",
        ErrorTemplate = "Error: This request has been automatically failed because it uses a deprecated version of `{action}: {ref}`. Learn more: " + ArtifactV1V2Changelog,
        Fix = $"use {action}@v4 (artifacts are immutable: one upload per name)",
        SourceUrl = ArtifactV1V2Changelog,
    };

    private static ActionDeprecation ArtifactV3(string action) => new()
    {
        Id = action[(action.IndexOf('/', StringComparison.Ordinal) + 1)..] + "-v3",
        Kind = ActionDeprecationKind.Service,
        Action = action,
        Versions = [Range(3, 0, 0, 4, 0, 0)],
        Announced = new DateOnly(2024, 4, 16),
        Date = new DateOnly(2025, 1, 30),
        Breaks = true,
        Summary = $"{action} v3 is shut down from 2025-01-30 (hard failures seen from about 2025-01-23); jobs fail at \"Set up job\", also when v3 is used inside another action",
        ErrorTemplate = "Error: This request has been automatically failed because it uses a deprecated version of `{action}: {ref}`. Learn more: " + ArtifactV3Changelog,
        Fix = $"use {action}@v4 (artifacts are immutable: the same name uploaded twice, e.g. from matrix jobs, fails)",
        SourceUrl = ArtifactV3Changelog,
    };

    private static ActionVersionRange Range(int a, int b, int c, int x, int y, int z) =>
        new(new ActionVersion(a, b, c), new ActionVersion(x, y, z));
}
