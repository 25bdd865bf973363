using Headroom.Diagnostics;
using Headroom.Python.Index;
using Headroom.Rules;
using Headroom.Rules.Python;
using Headroom.Tests.Python.Resolution;

namespace Headroom.Tests.Rules;

public sealed class NoWheelForPythonRuleTests
{
    private static readonly NoWheelForPythonRule Rule = new();

    private static string Workflow(string pythonVersion, string runsOn = "ubuntu-latest", string install = "pip install -r backend/requirements.txt") => $$"""
        jobs:
          test:
            runs-on: {{runsOn}}
            strategy:
              matrix:
                python: ["3.11", "3.13"]
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-python@v5
                with:
                  python-version: {{pythonVersion}}
              - name: Install
                run: {{install}}
          lint:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.13"
              - run: pip install black
        """;

    private static CheckResult Check(params (string Path, string Text)[] files) => RuleHarness.Check(Rule, files);

    [Fact]
    public void Torch_without_a_cp313_wheel_is_an_error_on_the_pin_for_ci_python_313_from_embedded_knowledge()
    {
        Finding finding = Assert.Single(Check((".github/workflows/ci.yml", Workflow("\"3.13\"")), ("backend/requirements.txt", "fastapi==0.111.0\ntorch==2.3.1\n")).Findings);
        Assert.Equal(("backend/requirements.txt", 2, 1), (finding.Path, finding.Start.Line, finding.Start.Column));
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Equal(
            "torch 2.3.1 has no wheel for CPython 3.13 on linux/amd64 (job test, .github/workflows/ci.yml:11) and no sdist to build, so pip fails with \"No matching distribution found for torch==2.3.1\"; torch 2.3 has wheels for CPython 3.8 to 3.12; pin torch 2.5 or later for Python 3.13, or use a Python the pin supports (embedded knowledge, November 2026)",
            finding.Message);
        Assert.Equal([(".github/workflows/ci.yml", 11), (".github/workflows/ci.yml", 13)], finding.Related.Select(r => (r.Path, r.Line)));
    }

    [Fact]
    public void Numpy_with_an_sdist_is_a_warning_that_pip_builds_from_source()
    {
        Finding finding = Assert.Single(Check((".github/workflows/ci.yml", Workflow("\"3.13\"")), ("backend/requirements.txt", "numpy==1.26.4\n")).Findings);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("so pip builds it from its sdist", finding.Message, StringComparison.Ordinal);
        Assert.Contains("pin numpy 2.1 or later for Python 3.13", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrix_gives_one_finding_per_python_without_a_wheel_and_includes_are_followed()
    {
        var result = Check(
            (".github/workflows/ci.yml", Workflow("${{ matrix.python }}")),
            ("backend/requirements.txt", "-r base.txt\n"),
            ("backend/base.txt", "torch==2.2.2\n"));
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(("backend/base.txt", 1), (finding.Path, finding.Start.Line));
        Assert.Contains("CPython 3.13", finding.Message, StringComparison.Ordinal);
        Assert.Equal(6, finding.Related[0].Line);
    }

    [Theory]
    [InlineData("FROM python:3.13-slim\nRUN pip install torch==2.3.1\n", 2, "CPython 3.13 on linux/amd64 (python:3.13-slim, Dockerfile:1)")]
    [InlineData("FROM python:3.12-alpine\nRUN pip install torch==2.6.0\n", 2, "torch has no musllinux (Alpine) wheels at all")]
    [InlineData("FROM python:3.9-slim AS base\nFROM base\nRUN pip install torch==2.9.0\n", 3, "torch 2.9 has wheels for CPython 3.10 to 3.14")]
    public void Fires_on_dockerfile_installs_for_the_base_image_python(string dockerfile, int line, string expected)
    {
        Finding finding = Assert.Single(Check(("Dockerfile", dockerfile)).Findings);
        Assert.Equal(("Dockerfile", line), (finding.Path, finding.Start.Line));
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM python:3.11-slim\nRUN pip install torch==2.3.1 numpy==1.26.4\n")]
    [InlineData("FROM python:3.13-slim\nRUN pip install torch>=2.3 numpy\n")]
    [InlineData("FROM python:3.13-slim\nRUN pip install torch==2.6.0 numpy==2.1.3 fastapi==0.111.0\n")]
    [InlineData("FROM python:3.13-slim\nRUN pip install 'torch==2.3.1; python_version < \"3.12\"'\n")]
    [InlineData("FROM ubuntu:24.04\nRUN pip install torch==2.3.1\n")]
    [InlineData("FROM python:3.14-slim\nRUN pip install numpy==2.3.1\n")]
    public void Does_not_fire_when_a_wheel_exists_or_nobody_can_tell(string dockerfile)
    {
        Assert.Empty(Check(("Dockerfile", dockerfile)).Findings);
    }

    [Theory]
    [InlineData("\"3.11\"", "ubuntu-latest")]
    [InlineData("\"3.13\"", "windows-latest")]
    [InlineData("\"3.x\"", "ubuntu-latest")]
    public void Does_not_fire_for_supported_pythons_or_runners_it_does_not_model(string python, string runsOn)
    {
        Assert.Empty(Check((".github/workflows/ci.yml", Workflow(python, runsOn)), ("backend/requirements.txt", "torch==2.3.1\n")).Findings);
    }

    [Fact]
    public void Online_it_reads_the_wheel_tags_on_the_index()
    {
        var repository = new InMemoryPackageRepository("""
            mylib 1.0 wheels=cp311-cp311-manylinux_2_17_x86_64,cp312-cp312-manylinux_2_17_x86_64
            puretool 2.0 wheels=py3-none-any
            oldlib 0.9 sdist-only
            abilib 3.0 wheels=cp39-abi3-manylinux_2_17_x86_64
            """);
        CheckOptions options = CheckOptions.Default with { PackageIndexes = new PackageIndexes(_ => repository) };
        var result = RuleHarness.Check(Rule, options, ("Dockerfile", "FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"), ("requirements.txt", "mylib==1.0\npuretool==2.0\noldlib==0.9\nabilib==3.0\n"));

        Assert.Equal([(1, DiagnosticSeverity.Error), (3, DiagnosticSeverity.Warning)], result.Findings.Select(f => (f.Start.Line, f.Severity)));
        Assert.Contains("its wheels are for cp311, cp312 on https://pypi.org/simple/", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("it has no wheels at all", result.Findings[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded knowledge", result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_example_it_finds_the_readme_rows()
    {
        string root = Path.Combine(Dockerfiles.ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");
        CheckResult result = Headroom.Rules.CheckRunner.Run(ProjectModel.Load(root), CheckOptions.Default, Headroom.Rules.Configuration.HeadroomConfig.Empty, [Rule]);
        Assert.Equal(
            ["backend/requirements-ci.txt:3", "backend/requirements.txt:7", "backend/requirements.txt:8"],
            result.Findings.Select(f => $"{f.Path}:{f.Start.Line}"));
    }
}
