using Headroom.Rules;
using Headroom.Rules.Workflows;

namespace Headroom.Tests.Rules;

public sealed class DeprecatedWorkflowCommandRuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private static readonly DeprecatedWorkflowCommandRule Rule = new();

    private static string Workflow(string run) =>
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - id: vars\n        run: |\n          " + run.Replace("\n", "\n          ", StringComparison.Ordinal) + "\n";

    [Theory]
    [InlineData("echo \"::set-output name=sha::$(git rev-parse HEAD)\"", 8, "deprecated since 2022-10-11")]
    [InlineData("make\necho '::save-state name=pid::42'", 9, "deprecated since 2022-10-11")]
    [InlineData("echo \"::set-env name=A::b\"", 8, "disabled since 2020")]
    [InlineData("printf '::add-path::%s\\n' \"$HOME/bin\"", 8, "disabled since 2020")]
    public void Fires_on_echoed_workflow_commands(string run, int line, string text)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow(run))).Findings);
        Assert.Equal(line, finding.Start.Line);
        Assert.Contains(text, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("echo \"sha=$(git rev-parse HEAD)\" >> \"$GITHUB_OUTPUT\"")]
    [InlineData("grep -r '::set-output' scripts/")]
    [InlineData("# echo ::set-output name=a::b")]
    public void Does_not_fire_on_environment_files_or_other_commands(string run) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow(run))).Findings);

    [Theory]
    [InlineData("echo \"::set-output name=sha::$(git rev-parse HEAD)\"", "echo \"sha=$(git rev-parse HEAD)\" >> \"$GITHUB_OUTPUT\"")]
    [InlineData("echo '::save-state name=pid::42'", "echo 'pid=42' >> \"$GITHUB_STATE\"")]
    [InlineData("echo \"::set-env name=A::b\"", "echo \"A=b\" >> \"$GITHUB_ENV\"")]
    [InlineData("echo \"::add-path::$HOME/bin\" && make", "echo \"$HOME/bin\" >> \"$GITHUB_PATH\" && make")]
    public void The_fix_writes_the_environment_file(string before, string after)
    {
        string fixedText = RuleHarness.FixOne(Rule, Path, Workflow(before));
        Assert.Equal(Workflow(after), fixedText);
        Assert.Empty(RuleHarness.Fix(Rule, (Path, fixedText)));
    }

    [Fact]
    public void Printf_gets_no_fix()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow("printf '::set-output name=a::%s\\n' x"))).Findings);
        Assert.Null(finding.Fix);
    }
}
