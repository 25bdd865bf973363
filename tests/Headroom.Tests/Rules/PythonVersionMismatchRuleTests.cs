using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class PythonVersionMismatchRuleTests
{
    private static readonly PythonVersionMismatchRule Rule = new();

    private const string Workflow = """
        on: push
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.13"
              - run: pytest
        """;

    private const string MatrixWorkflow = """
        on: push
        jobs:
          test:
            runs-on: ubuntu-latest
            strategy:
              matrix:
                python-version: ["3.10", "3.12"]
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version: ${{ matrix.python-version }}
        """;

    [Fact]
    public void Fires_on_the_from_line_with_the_workflow_line_as_related()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule,
            ("Dockerfile", "# api\nFROM python:3.11-slim\nRUN pip install fastapi\n"),
            (".github/workflows/ci.yml", Workflow)).Findings);
        Assert.Equal("DF011", finding.Rule.Id);
        Assert.Equal("Dockerfile", finding.Path);
        Assert.Equal(2, finding.Start.Line);
        Assert.Equal(6, finding.Start.Column);
        Assert.Equal(
            "the image runs Python 3.11 (python:3.11-slim) but CI tests with Python 3.13 (job test, .github/workflows/ci.yml:9), so code that passes CI is never tested on the image's Python; use the same version in both",
            finding.Message);
        RelatedLocation related = Assert.Single(finding.Related);
        Assert.Equal((".github/workflows/ci.yml", 9), (related.Path, related.Line));
    }

    [Fact]
    public void Fires_when_no_matrix_python_is_the_image_python_and_points_at_each_matrix_value()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule,
            ("Dockerfile", "FROM python:3.11\n"),
            (".github/workflows/ci.yml", MatrixWorkflow)).Findings);
        Assert.Contains("CI tests with Python 3.10, 3.12", finding.Message, StringComparison.Ordinal);
        Assert.Equal([7, 7], finding.Related.Select(r => r.Line));
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("FROM python:3.13-slim\n")]
    [InlineData("FROM python:3.13.1-bookworm AS app\n")]
    [InlineData("FROM docker.io/library/python:3.13\n")]
    [InlineData("FROM node:20\n")]
    [InlineData("FROM python:latest\n")]
    [InlineData("FROM myorg/python:3.11\n")]
    [InlineData("FROM python:3.11 AS build\nFROM gcr.io/distroless/base\n")]
    public void Does_not_fire_when_the_versions_agree_or_the_image_python_is_unknown(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), (".github/workflows/ci.yml", Workflow)).Findings);

    [Fact]
    public void Does_not_fire_when_the_image_python_is_in_the_matrix() =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", "FROM python:3.12-slim\n"), (".github/workflows/ci.yml", MatrixWorkflow)).Findings);

    [Fact]
    public void Does_not_fire_without_a_ci_python() =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", "FROM python:3.11-slim\n")).Findings);

    [Fact]
    public void Picks_the_job_that_works_on_the_dockerfile_folder()
    {
        const string TwoJobs = """
            on: push
            jobs:
              docs:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-python@v5
                    with:
                      python-version: "3.12"
                  - run: mkdocs build
              api:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-python@v5
                    with:
                      python-version: "3.11"
                  - run: pytest
                    working-directory: api
            """;
        Assert.Empty(RuleHarness.Check(Rule, ("api/Dockerfile", "FROM python:3.11-slim\n"), (".github/workflows/ci.yml", TwoJobs)).Findings);
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("api/Dockerfile", "FROM python:3.10-slim\n"), (".github/workflows/ci.yml", TwoJobs)).Findings);
        Assert.Contains("CI tests with Python 3.11 (job api", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fix_changes_the_tag_version_and_keeps_the_suffix()
    {
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule,
            ("Dockerfile", "# api\r\nFROM python:3.11.9-slim AS app\r\nCMD [\"python\"]\r\n"),
            (".github/workflows/ci.yml", Workflow));
        Assert.Equal("# api\r\nFROM python:3.13-slim AS app\r\nCMD [\"python\"]\r\n", Assert.Single(fixedFiles).Value);
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", fixedFiles["Dockerfile"]), (".github/workflows/ci.yml", Workflow)));
    }

    [Fact]
    public void A_tag_from_a_build_arg_gets_no_fix()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule,
            ("Dockerfile", "ARG PY=3.11\nFROM python:${PY}-slim\n"),
            (".github/workflows/ci.yml", Workflow)).Findings);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void When_the_images_pins_have_no_wheel_for_cis_python_the_fix_aligns_ci_with_the_image()
    {
        (string, string)[] files =
        [
            ("Dockerfile", "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("requirements.txt", "torch==2.3.1\n"),
            (".github/workflows/ci.yml", Workflow),
        ];
        Finding finding = Assert.Single(RuleHarness.Check(Rule, files).Findings);
        Assert.Equal("use Python 3.11 in CI like the image (torch==2.3.1 has no cp313 wheel on Python 3.13)", finding.Fix!.Description);

        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, files);
        string workflow = Assert.Single(fixedFiles, f => f.Key == ".github/workflows/ci.yml").Value;
        Assert.Equal(Workflow.Replace("\"3.13\"", "\"3.11\"", StringComparison.Ordinal), workflow);
        Assert.DoesNotContain("Dockerfile", fixedFiles.Keys);
        Assert.Empty(RuleHarness.Check(Rule, [files[0], files[1], (".github/workflows/ci.yml", workflow)]).Findings);
    }

    [Fact]
    public void With_pins_that_have_wheels_for_cis_python_the_image_follows_ci()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule,
            ("Dockerfile", "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("requirements.txt", "torch==2.6.0\nnumpy==2.1.3\n"),
            (".github/workflows/ci.yml", Workflow)).Findings);
        Assert.Equal("use python:3.13-slim like CI", finding.Fix!.Description);
    }
}
