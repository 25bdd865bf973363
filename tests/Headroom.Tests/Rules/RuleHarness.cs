using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Fixing;

namespace Headroom.Tests.Rules;

/// <summary>Runs rules on an in-memory project: the way rule tests state inputs, findings and fixed text.</summary>
internal static class RuleHarness
{
    public static ProjectModel Project(params (string Path, string Text)[] files) =>
        ProjectModel.FromFiles(files.Select(f => KeyValuePair.Create(f.Path, f.Text)));

    /// <summary>The findings of <paramref name="rule"/> alone.</summary>
    public static CheckResult Check(IRule rule, params (string Path, string Text)[] files) =>
        CheckRunner.Run(Project(files), CheckOptions.Default, HeadroomConfig.Empty, [rule]);

    /// <summary>The findings of <paramref name="rule"/> alone, with options (package indexes, <c>--offline</c>).</summary>
    public static CheckResult Check(IRule rule, CheckOptions options, params (string Path, string Text)[] files) =>
        CheckRunner.Run(Project(files), options, HeadroomConfig.Empty, [rule]);

    /// <summary>The findings of every rule, with a configuration.</summary>
    public static CheckResult CheckAll(HeadroomConfig config, params (string Path, string Text)[] files) =>
        CheckRunner.Run(Project(files), CheckOptions.Default, config, RuleCatalog.All);

    /// <summary>The texts after <c>fix</c> with only <paramref name="rule"/>'s fixes (all rules run for verification); unchanged files are left out.</summary>
    public static IReadOnlyDictionary<string, string> Fix(IRule rule, params (string Path, string Text)[] files)
    {
        ProjectModel project = Project(files);
        CheckResult before = CheckRunner.Run(project, CheckOptions.Default, HeadroomConfig.Empty, RuleCatalog.All);
        FixPlan plan = FixPlanner.Plan(project, CheckOptions.Default, HeadroomConfig.Empty, before, new HashSet<string> { rule.Descriptor.Id });
        return plan.Files.ToDictionary(f => f.Key, f => f.Value.After);
    }

    /// <summary>The fixed text of a single-file project (asserting that the fix changed it).</summary>
    public static string FixOne(IRule rule, string path, string text)
    {
        IReadOnlyDictionary<string, string> fixedFiles = Fix(rule, (path, text));
        Assert.True(fixedFiles.ContainsKey(path), $"{rule.Descriptor.Id} did not change {path}");
        return fixedFiles[path];
    }
}
