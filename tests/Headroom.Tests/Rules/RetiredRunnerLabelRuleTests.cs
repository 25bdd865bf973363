using Headroom.Rules;
using Headroom.Rules.Workflows;

namespace Headroom.Tests.Rules;

public sealed class RetiredRunnerLabelRuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private static readonly RetiredRunnerLabelRule Rule = new();

    private static string Workflow(string runsOn, string strategy = "") =>
        "on: push\njobs:\n  test:\n" + strategy + "    runs-on: " + runsOn + "\n    steps:\n      - run: make test\n";

    [Theory]
    [InlineData("ubuntu-20.04", "ubuntu-22.04")]
    [InlineData("\"ubuntu-20.04\"", "\"ubuntu-22.04\"")]
    [InlineData("[ubuntu-20.04]", "[ubuntu-22.04]")]
    [InlineData("'ubuntu-20.04'  # pinned for Python 3.7", "'ubuntu-22.04'  # pinned for Python 3.7")]
    public void Fires_on_the_label_and_the_fix_writes_the_closest_supported_image(string runsOn, string fixedRunsOn)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow(runsOn))).Findings);
        Assert.Equal((4, "GH007"), (finding.Start.Line, finding.RuleId));
        Assert.Contains("unsupported since 2025-04-15", finding.Message, StringComparison.Ordinal);
        Assert.Contains("actions/runner-images/issues/11101", finding.Message, StringComparison.Ordinal);

        string fixedText = RuleHarness.FixOne(Rule, Path, Workflow(runsOn));
        Assert.Equal(Workflow(fixedRunsOn), fixedText);
        Assert.Empty(RuleHarness.Check(Rule, (Path, fixedText)).Findings);
    }

    [Fact]
    public void A_matrix_value_is_reported_at_runs_on_without_a_fix()
    {
        string text = Workflow("${{ matrix.os }}", "    strategy:\n      matrix:\n        os: [ubuntu-20.04, ubuntu-24.04]\n");
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, text)).Findings);
        Assert.Equal(7, finding.Start.Line);
        Assert.Contains("the matrix gives runs-on 'ubuntu-20.04'", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("ubuntu-22.04")]
    [InlineData("ubuntu-latest")]
    [InlineData("[self-hosted, linux]")]
    [InlineData("[self-hosted, ubuntu-20.04]")]
    [InlineData("{ group: legacy, labels: ubuntu-20.04 }")]
    [InlineData("ubuntu-20.04-custom")]
    public void Does_not_fire_on_supported_labels_self_hosted_runners_or_runner_groups(string runsOn) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow(runsOn))).Findings);
}
