using Headroom.Rules;
using Headroom.Rules.Python;

namespace Headroom.Tests.Rules;

public sealed class UnpinnedFormatterRuleTests
{
    private static readonly UnpinnedFormatterRule Rule = new();

    private static string Workflow(string install) => $$"""
        on: push
        jobs:
          lint:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: |
                  {{install}}
                  black --check .
        """;

    [Fact]
    public void Fires_on_pip_install_black_without_a_pin()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (".github/workflows/ci.yml", Workflow("pip install black flake8"))).Findings);
        Assert.Equal("PY004", finding.Rule.Id);
        Assert.Equal((".github/workflows/ci.yml", 8, 23), (finding.Path, finding.Start.Line, finding.Start.Column));
        Assert.Equal(
            "'pip install' installs black without a pin, so the first black release of a calendar year may change the style, and 'black --check' then fails with \"Oh no! 💥 💔 💥 N files would be reformatted\" on code nobody touched; pin it (black~=26.0 or an exact ==)",
            finding.Message);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("pip install black==24.4.2")]
    [InlineData("pip install 'black~=26.0' flake8")]
    [InlineData("pip install \"black<25\"")]
    [InlineData("pip install flake8 ruff")]
    [InlineData("pip download black")]
    public void Does_not_fire_on_pinned_or_other_tools(string install) =>
        Assert.Empty(RuleHarness.Check(Rule, (".github/workflows/ci.yml", Workflow(install))).Findings);

    [Fact]
    public void Fires_on_ruff_only_when_ci_runs_ruff_format()
    {
        string workflow = Workflow("pip install ruff").Replace("black --check .", "ruff format --check .", StringComparison.Ordinal);
        Assert.Contains("installs ruff without a pin", Assert.Single(RuleHarness.Check(Rule, (".github/workflows/ci.yml", workflow)).Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Follows_requirement_files_that_ci_installs()
    {
        CheckResult result = RuleHarness.Check(Rule,
            (".github/workflows/ci.yml", Workflow("pip install -r api/requirements-ci.txt")),
            ("api/requirements-ci.txt", "-r requirements-dev.txt\npytest==8.2.0\n"),
            ("api/requirements-dev.txt", "# tools\nflake8==7.0.0\nblack>=24  # formatter\n"),
            ("api/requirements-other.txt", "black\n"));
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(("api/requirements-dev.txt", 3, 1), (finding.Path, finding.Start.Line, finding.Start.Column));
        Assert.StartsWith("api/requirements-dev.txt, which CI installs, lists black without a pin, so", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_where_the_repository_pins_it_already()
    {
        const string PreCommit = "repos:\n  - repo: https://github.com/psf/black\n    rev: 24.4.2\n    hooks:\n      - id: black\n";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (".github/workflows/ci.yml", Workflow("pip install black")), (".pre-commit-config.yaml", PreCommit)).Findings);
        Assert.EndsWith("pin it to the version .pre-commit-config.yaml:3 (24.4.2) uses", finding.Message, StringComparison.Ordinal);
    }
}
