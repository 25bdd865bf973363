using Headroom.Diagnostics;
using Headroom.Rules;
using Headroom.Rules.Configuration;

namespace Headroom.Tests.Rules;

public sealed class ConfigurationTests
{
    private const string Dockerfile = "FROM debian\nRUN apt-get install -y curl\n";

    private static HeadroomConfig Parse(string yaml) => HeadroomConfigFile.Parse(yaml, ".headroom.yaml", RuleCatalog.ResolveId);

    [Fact]
    public void A_full_file_is_read()
    {
        HeadroomConfig config = Parse("""
            fail-on: warning
            budget: 14GB
            ignore: [DF007]
            severity: { apt-recommends: error }
            exclude: ["vendor/**"]
            overrides:
              - paths: ["legacy/**"]
                ignore: DF007
            """);

        Assert.Equal(FailureThreshold.Warning, config.FailOn);
        Assert.Equal("14GB", config.Budget);
        Assert.Contains("DF007", config.Ignore);
        Assert.Equal(DiagnosticSeverity.Error, config.Severity["DF007"]);
        Assert.Equal(["vendor/**"], config.Exclude);
        Assert.True(Assert.Single(config.Overrides).Matches("legacy/app/Dockerfile"));
    }

    [Theory]
    [InlineData("ignore: [DF007]\nfail_on: warning\n", 2, "unknown key 'fail_on'")]
    [InlineData("ignore: [DF999]\n", 1, "unknown rule 'DF999'")]
    [InlineData("severity:\n  DF007: loud\n", 2, "'loud' is not a severity")]
    [InlineData("fail-on: sometimes\n", 1, "'sometimes' is not one of")]
    [InlineData("overrides:\n  - paths: [a]\n    ignor: [DF007]\n", 3, "unknown key 'overrides.ignor'")]
    [InlineData("overrides:\n  - ignore: [DF007]\n", 2, "needs 'paths'")]
    [InlineData("- just\n- a list\n", 1, "must be a mapping")]
    public void Mistakes_are_errors_with_their_line(string yaml, int line, string message)
    {
        InputException error = Assert.Throws<InputException>(() => Parse(yaml));
        Assert.StartsWith($".headroom.yaml:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_an_error_not_a_hang()
    {
        var yaml = new System.Text.StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++)
        {
            yaml.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        InputException error = Assert.Throws<InputException>(() => Parse(yaml.ToString()));
        Assert.StartsWith(".headroom.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_severity_and_overrides_apply_to_findings()
    {
        Assert.Empty(RuleHarness.CheckAll(Parse("ignore: [DF007]"), ("Dockerfile", Dockerfile)).Findings);
        Assert.Empty(RuleHarness.CheckAll(Parse("severity: { DF007: off }"), ("Dockerfile", Dockerfile)).Findings);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(RuleHarness.CheckAll(Parse("severity: { DF007: error }"), ("Dockerfile", Dockerfile)).Findings).Severity);

        HeadroomConfig perPath = Parse("overrides:\n  - paths: [\"legacy/**\"]\n    severity: { DF007: info }\n  - paths: [\"old/*\"]\n    ignore: [DF007]\n");
        CheckResult result = RuleHarness.CheckAll(perPath, ("Dockerfile", Dockerfile), ("legacy/x/Dockerfile", Dockerfile), ("old/Dockerfile", Dockerfile));
        Assert.Equal(["Dockerfile", "legacy/x/Dockerfile"], result.Findings.Select(f => f.Path));
        Assert.Equal(DiagnosticSeverity.Info, result.Findings[1].Severity);
    }

    [Fact]
    public void Excluded_files_are_not_read_at_all()
    {
        // The excluded Dockerfile is malformed: reading it would be exit 2.
        CheckResult result = RuleHarness.CheckAll(Parse("exclude: [\"vendor/**\"]"), ("Dockerfile", Dockerfile), ("vendor/lib/Dockerfile", "FROM x\nRUN <<EOF\nnever ends\n"));
        Assert.Equal("Dockerfile", Assert.Single(result.Findings).Path);
    }

    [Fact]
    public void Thresholds_have_at_least_semantics()
    {
        Assert.True(FailureThreshold.Warning.IsReachedBy(DiagnosticSeverity.Error));
        Assert.True(FailureThreshold.Warning.IsReachedBy(DiagnosticSeverity.Warning));
        Assert.False(FailureThreshold.Warning.IsReachedBy(DiagnosticSeverity.Info));
        Assert.False(FailureThreshold.Error.IsReachedBy(DiagnosticSeverity.Warning));
        Assert.False(FailureThreshold.Never.IsReachedBy(DiagnosticSeverity.Error));
        Assert.True(FailureThreshold.Info.IsReachedBy(DiagnosticSeverity.Info));
    }
}
