using Headroom.Diagnostics;
using Headroom.Python.Index;
using Headroom.Rules;
using Headroom.Rules.Python;
using Headroom.Tests.Python.Resolution;

namespace Headroom.Tests.Rules;

public sealed class VersionNotOnIndexRuleTests
{
    private static readonly VersionNotOnIndexRule Rule = new();

    private const string Workflow = """
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.12"
              - run: pip install -r backend/requirements.txt
        """;

    private const string Dockerfile = "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n";

    private static CheckResult Check(params (string Path, string Text)[] files) => RuleHarness.Check(Rule, files);

    [Fact]
    public void A_cpu_label_with_only_pypi_fires_on_the_pin_from_embedded_knowledge_in_ci_and_in_a_dockerfile()
    {
        Finding ci = Assert.Single(Check((".github/workflows/ci.yml", Workflow), ("backend/requirements.txt", "# CPU torch\ntorch==2.3.1+cpu\n")).Findings);
        Assert.Equal(("backend/requirements.txt", 2, 1), (ci.Path, ci.Start.Line, ci.Start.Column));
        Assert.Equal(DiagnosticSeverity.Error, ci.Severity);
        Assert.Contains("torch 2.3.1+cpu is not on the only index this install uses (https://pypi.org/simple/)", ci.Message, StringComparison.Ordinal);
        Assert.Contains("PyPI has no local versions such as +cpu (embedded knowledge, November 2026)", ci.Message, StringComparison.Ordinal);
        Assert.Contains("No matching distribution found for torch==2.3.1+cpu", ci.Message, StringComparison.Ordinal);
        Assert.Equal((".github/workflows/ci.yml", 9), (ci.Related[0].Path, ci.Related[0].Line));

        Finding docker = Assert.Single(Check(("Dockerfile", Dockerfile), ("requirements.txt", "torch==2.3.1+cpu\n")).Findings);
        Assert.Equal(("requirements.txt", 1), (docker.Path, docker.Start.Line));
        Assert.Equal(("Dockerfile", 3), (docker.Related[0].Path, docker.Related[0].Line));
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN pip install torch==2.3.1+cu121 --index-url https://download.pytorch.org/whl/cpu\n", "+cu121 builds are only on download.pytorch.org/whl/cu121, and the PyTorch index in use serves +cpu")]
    [InlineData("FROM python:3.12-slim\nRUN pip install torch==2.3.2\n", "torch 2.3.2 was never released (the 2.3 line has 2.3.0, 2.3.1)")]
    [InlineData("FROM python:3.12-slim\nRUN pip install mylib==1.0+internal\n", "PyPI has no local versions such as +internal")]
    [InlineData("FROM python:3.12-slim\nENV PIP_INDEX_URL=https://pypi.org/simple\nRUN pip install torch==2.5.1+cpu\n", "PyPI has no local versions")]
    public void Fires_on_command_line_pins_the_knowledge_rules_out(string dockerfile, string expected)
    {
        Finding finding = Assert.Single(Check(("Dockerfile", dockerfile)).Findings);
        Assert.Equal("Dockerfile", finding.Path);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1+cpu\n")]
    [InlineData("--index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1+cpu\n")]
    [InlineData("torch==2.3.1\nnumpy==1.26.4\n")]
    [InlineData("--index-url https://mirror.example.com/simple\ntorch==2.3.1+cpu\n")]
    [InlineData("--find-links /wheels\nmylib==1.0+internal\n")]
    [InlineData("torch>=2.3\n")]
    [InlineData("torch==2.3.1+cpu; python_version < \"3.10\"\n")]
    public void Does_not_fire_when_an_index_in_use_serves_it_or_nobody_can_tell(string requirements)
    {
        Assert.Empty(Check(("Dockerfile", Dockerfile), ("requirements.txt", requirements)).Findings);
    }

    [Fact]
    public void Does_not_fire_when_the_index_option_cannot_be_read()
    {
        Assert.Empty(Check(("Dockerfile", "FROM python:3.12-slim\nRUN pip install --index-url $INDEX torch==2.3.1+cpu\n")).Findings);
    }

    [Fact]
    public void Online_it_asks_the_indexes_the_install_really_uses()
    {
        var pypi = new InMemoryPackageRepository("mylib 1.0 wheels=py3-none-any\nmylib 1.1 wheels=py3-none-any\ntorch 2.3.1 wheels=cp312-cp312-manylinux1_x86_64\n");
        var withCpu = new InMemoryPackageRepository("mylib 1.0 wheels=py3-none-any\ntorch 2.3.1 wheels=cp312-cp312-manylinux1_x86_64\ntorch 2.3.1+cpu index=cpu wheels=cp312-cp312-linux_x86_64\n");
        var indexes = new PackageIndexes(c => c.Indexes.Any(i => i.Url.Contains("whl/cpu", StringComparison.Ordinal)) ? withCpu : pypi);
        CheckOptions options = CheckOptions.Default with { PackageIndexes = indexes };

        Finding missing = Assert.Single(RuleHarness.Check(Rule, options, ("Dockerfile", Dockerfile), ("requirements.txt", "mylib==1.2\ntorch==2.3.1\n")).Findings);
        Assert.Equal(1, missing.Start.Line);
        Assert.Contains("mylib 1.2 is not on the only index this install uses (https://pypi.org/simple/): the nearest versions there are 1.0, 1.1", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded knowledge", missing.Message, StringComparison.Ordinal);

        Assert.Empty(RuleHarness.Check(Rule, options, ("Dockerfile", Dockerfile), ("requirements.txt", "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1+cpu\n")).Findings);
        Finding label = Assert.Single(RuleHarness.Check(Rule, options, ("Dockerfile", Dockerfile), ("requirements.txt", "torch==2.3.1+cpu\n")).Findings);
        Assert.Contains("PyPI has no local versions such as +cpu; the nearest versions there are 2.3.1", label.Message, StringComparison.Ordinal);
        Assert.False(indexes.Failed);
    }

    [Fact]
    public void A_failing_index_falls_back_to_the_knowledge_and_leaves_one_notice()
    {
        var indexes = new PackageIndexes(_ => new FailingRepository());
        CheckOptions options = CheckOptions.Default with { PackageIndexes = indexes };

        Finding finding = Assert.Single(RuleHarness.Check(Rule, options, ("Dockerfile", Dockerfile), ("requirements.txt", "numpy==1.26.4\ntorch==2.3.1+cpu\n")).Findings);
        Assert.Contains("(embedded knowledge, November 2026)", finding.Message, StringComparison.Ordinal);
        Assert.True(indexes.Failed);
        string notice = Assert.Single(indexes.Notices);
        Assert.Equal("index https://pypi.org/simple/numpy/: connection refused; PY001/PY002 and the pip sizes of predictions use the embedded knowledge instead", notice);
    }

    [Fact]
    public void Offline_ignores_the_indexes()
    {
        var indexes = new PackageIndexes(_ => new FailingRepository());
        CheckOptions options = CheckOptions.Default with { PackageIndexes = indexes, Offline = true };
        Assert.Single(RuleHarness.Check(Rule, options, ("Dockerfile", Dockerfile), ("requirements.txt", "torch==2.3.1+cpu\n")).Findings);
        Assert.False(indexes.Failed);
    }

    [Fact]
    public void Fix_adds_the_variant_index_above_the_pin_keeping_crlf_and_a_second_run_changes_nothing()
    {
        const string Before = "# CI has no GPU\r\ntorch==2.3.1+cpu\r\n-r requirements-dev.txt\r\n";
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, (".github/workflows/ci.yml", Workflow), ("backend/requirements.txt", Before), ("backend/requirements-dev.txt", "pytest==8.2.2\n"));
        string after = fixedFiles["backend/requirements.txt"];
        Assert.Equal("# CI has no GPU\r\n--extra-index-url https://download.pytorch.org/whl/cpu\r\ntorch==2.3.1+cpu\r\n-r requirements-dev.txt\r\n", after);
        Assert.Empty(RuleHarness.Fix(Rule, (".github/workflows/ci.yml", Workflow), ("backend/requirements.txt", after), ("backend/requirements-dev.txt", "pytest==8.2.2\n")));
    }

    private sealed class FailingRepository : IPackageRepository
    {
        public Task<IReadOnlyList<DistributionFile>> GetFilesAsync(string normalizedName, CancellationToken cancellationToken) =>
            throw new InputException($"index https://pypi.org/simple/{normalizedName}/: connection refused");

        public Task<CoreMetadata?> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken) => Task.FromResult<CoreMetadata?>(null);

        public Task<long?> GetInstalledSizeAsync(DistributionFile file, CancellationToken cancellationToken) => Task.FromResult<long?>(null);
    }
}
