using Headroom.Diagnostics;
using Headroom.Rules;
using Headroom.Rules.Workflows;

namespace Headroom.Tests.Rules;

public sealed class DeprecatedActionRuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private static readonly DeprecatedActionRule Rule = new();

    private static string Workflow(string uses, string extra = "") =>
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n" + extra + "    steps:\n      - uses: " + uses + "\n        with:\n          name: report\n          path: out/\n";

    [Theory]
    [InlineData("actions/upload-artifact@v3", "`actions/upload-artifact: v3`", "2025-01-30")]
    [InlineData("actions/download-artifact@v2", "`actions/download-artifact: v2`", "2024-06-30")]
    [InlineData("actions/cache@v2", "`actions/cache: v2`", "2025-02-01")]
    [InlineData("actions/cache@v3.3.1", "`actions/cache: v3.3.1`", "2025-02-01")]
    [InlineData("actions/cache@v4.0.2", "`actions/cache: v4.0.2`", "2025-02-01")]
    [InlineData("actions/cache@v3.3", "`actions/cache: v3.3`", "2025-02-01")]
    [InlineData("actions/cache@88522ab9f39a2ea568f7027eddc7d8d8bc9d59c8", "commit 88522ab is v3.3.1", "2025-02-01")]
    public void A_shut_down_version_is_an_error_quoting_the_CI_error(string uses, string quoted, string date)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow(uses))).Findings);
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Equal(6, finding.Start.Line);
        Assert.Contains(quoted, finding.Message, StringComparison.Ordinal);
        Assert.Contains(date, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actions/checkout@v4", "node20")]
    [InlineData("actions/setup-python@v3", "node16")]
    [InlineData("actions/setup-node@v2.5", "node12")]
    public void A_deprecated_runtime_is_a_warning(string uses, string runtime)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow(uses))).Findings);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("runs on " + runtime, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actions/upload-artifact@v6")]
    [InlineData("actions/cache@v5")]
    [InlineData("actions/cache@v5.0.5")]
    [InlineData("actions/checkout@v5")]
    [InlineData("./.github/actions/missing")]
    [InlineData("docker://alpine:3.20")]
    [InlineData("someone/unknown-action@v1")]
    [InlineData("actions/checkout@main")]
    public void Does_not_fire_on_supported_or_unknowable_versions(string uses) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow(uses))).Findings);

    [Fact]
    public void An_unknown_sha_of_a_service_action_is_a_warning_saying_unknown()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow("actions/cache@0123456789abcdef0123456789abcdef01234567"))).Findings);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("unknown", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void A_use_inside_a_local_composite_action_is_reported_there()
    {
        const string Action = "runs:\n  using: composite\n  steps:\n    - uses: actions/cache@v2\n      with:\n        path: x\n        key: k\n";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow("./.github/actions/setup")), (".github/actions/setup/action.yml", Action)).Findings);
        Assert.Equal(".github/actions/setup/action.yml", finding.Path);
        Assert.Equal(4, finding.Start.Line);
        Assert.Contains("reached from " + Path, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_artifact_name_in_a_matrix_job_gets_the_v4_conflict_warning()
    {
        string text = Workflow("actions/upload-artifact@v3", "    strategy:\n      matrix:\n        python: ['3.11', '3.12']\n");
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, text)).Findings);
        Assert.Contains("the 2 matrix jobs of \"build\" all upload \"report\"", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actions/upload-artifact@v3", "actions/upload-artifact@v6")]
    [InlineData("'actions/cache@v3.3.1'", "'actions/cache@v5.0.5'")]
    [InlineData("actions/cache@v4.0", "actions/cache@v5.0")]
    [InlineData("actions/checkout@v4 # pinned", "actions/checkout@v5 # pinned")]
    public void The_fix_bumps_to_the_supported_major_keeping_the_pin_style(string before, string after)
    {
        string fixedText = RuleHarness.FixOne(Rule, Path, Workflow(before).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(Workflow(after).Replace("\n", "\r\n", StringComparison.Ordinal), fixedText);
        Assert.Empty(RuleHarness.Fix(Rule, (Path, fixedText)));
    }

    [Fact]
    public void A_sha_pin_gets_no_fix()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow("actions/cache@88522ab9f39a2ea568f7027eddc7d8d8bc9d59c8"))).Findings);
        Assert.Null(finding.Fix);
        Assert.Contains("pin the commit of actions/cache@v5.0.5", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_an_input_error_with_its_line()
    {
        var error = Assert.Throws<InputException>(() => RuleHarness.Check(Rule, (Path, "on: push\njobs:\n  a: [b\n")));
        Assert.StartsWith(Path + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_local_action_is_an_input_error_with_its_file_and_line()
    {
        const string Action = "runs:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n   with: {}\n";
        var error = Assert.Throws<InputException>(() => RuleHarness.Check(new DockerComposeV1Rule(), (Path, Workflow("./.github/actions/setup")), (".github/actions/setup/action.yml", Action)));
        Assert.StartsWith(".github/actions/setup/action.yml:5: ", error.Message, StringComparison.Ordinal);
    }
}
