using Headroom.Prediction;
using Headroom.Rules.Dockerfile;
using Headroom.Rules.JavaScript;
using Headroom.Rules.Python;
using Headroom.Rules.Workflows;

namespace Headroom.Rules;

/// <summary>Every rule Headroom has, in ID order. A new rule is one class in its own file plus one line here.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<IRule>> Rules = new(() =>
    [
        .. new IRule[]
        {
            new AptListsKeptRule(),
            new AptRecommendsRule(),
            new NpmLockfileMissingRule(),
            new ImportMetaEnvTypesRule(),
            new NoWheelForPythonRule(),
            new VersionNotOnIndexRule(),
            new FormatterLinterConflictRule(),
            new UnpinnedFormatterRule(),
            new PythonVersionMismatchRule(),
            new CudaTorchOnCpuBuildRule(),
            new TorchIndexAsExtraRule(),
            new HeavyBaseImageRule(),
            new ContextCopyBeforeDepsRule(),
            new NoDockerignoreRule(),
            new RequirementsBeforeCpuTorchRule(),
            new DeleteInLaterLayerRule(),
            new PipCacheKeptRule(),
            new DeprecatedActionRule(),
            new DeprecatedWorkflowCommandRule(),
            new RetiredRunnerLabelRule(),
            new DockerComposeV1Rule(),
            new SetupPythonCacheNoFileRule(),
            new BuildxImageNotLoadedRule(),
            new RunnerDiskBudgetRule(ImageCostSources.Default),
            new ImageOverBudgetRule(),
        }.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal),
    ]);

    public static IReadOnlyList<IRule> All => Rules.Value;

    /// <summary>The rule with this ID or slug (case-insensitive), or null.</summary>
    public static IRule? Find(string idOrSlug)
    {
        ArgumentNullException.ThrowIfNull(idOrSlug);
        string key = idOrSlug.Trim();
        return All.FirstOrDefault(r =>
            r.Descriptor.Id.Equals(key, StringComparison.OrdinalIgnoreCase)
            || r.Descriptor.Slug.Equals(key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The ID for an ID or slug, or null when no rule has it (for configuration files).</summary>
    public static string? ResolveId(string idOrSlug) => Find(idOrSlug)?.Descriptor.Id;
}
