using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class CudaTorchOnCpuBuildRuleTests
{
    private static readonly CudaTorchOnCpuBuildRule Rule = new();

    private const string Requirements = "fastapi==0.111.0\ntorch==2.3.1\nsentence-transformers==3.0.1\n";

    private const string Dockerfile = "FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n";

    [Fact]
    public void Fires_on_a_requirements_install_mapped_through_copy_and_workdir_with_the_gbs_and_the_line()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("app/Dockerfile", Dockerfile), ("app/requirements.txt", Requirements)).Findings);
        Assert.Equal(4, finding.Start.Line);
        Assert.Equal("app/Dockerfile", finding.Path);
        Assert.Contains("torch 2.3.1", finding.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA 12.1", finding.Message, StringComparison.Ordinal);
        Assert.False(finding.BytesExact);
        Assert.True(finding.BytesAtStake > 2_000_000_000);
        RelatedLocation related = Assert.Single(finding.Related);
        Assert.Equal(("app/requirements.txt", 2), (related.Path, related.Line));
    }

    [Theory]
    [InlineData("FROM python:3.11\nRUN pip install torch==2.6.0\n", 2)]
    [InlineData("FROM python:3.11\nRUN python -m pip install sentence-transformers\n", 2)]
    [InlineData("FROM python:3.11\nRUN pip install 'transformers[torch]'\n", 2)]
    [InlineData("FROM python:3.11\nCOPY . /src\nRUN pip install -r /src/requirements.txt\n", 3)]
    [InlineData("FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n", 4)]
    public void Fires_when_torch_comes_from_pypi_on_amd64(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("requirements.txt", Requirements)).Findings);
        Assert.Equal(line, finding.Start.Line);
    }

    [Theory]
    [InlineData("FROM python:3.11\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n")]
    [InlineData("FROM python:3.11\nRUN pip install --index-url https://download.pytorch.org/whl/cu121 torch==2.3.1\n")]
    [InlineData("FROM python:3.11\nENV PIP_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install torch\n")]
    [InlineData("FROM python:3.11\nRUN uv pip install --system --torch-backend cpu torch\n")]
    [InlineData("FROM --platform=linux/arm64 python:3.11\nRUN pip install torch==2.3.1\n")]
    [InlineData("FROM python:3.11\nRUN pip install fastapi numpy\n")]
    [InlineData("FROM python:3.11\nWORKDIR /app\nCOPY cpu.txt requirements.txt\nRUN pip install -r requirements.txt\n")]
    [InlineData("FROM python:3.11\nWORKDIR /app\nCOPY requirements.txt .\nARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --index-url ${TORCH_INDEX_URL} torch==2.3.1\nRUN pip install -r requirements.txt\n")]
    public void Does_not_fire_with_a_pytorch_index_another_platform_no_torch_or_cpu_torch_installed_first(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("requirements.txt", Requirements), ("cpu.txt", "--index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1\n")).Findings);

    [Fact]
    public void Fires_when_the_cpu_torch_installed_first_has_another_version()
    {
        const string File = "FROM python:3.11\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.6.0\nRUN pip install -r requirements.txt\n";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", File), ("requirements.txt", Requirements)).Findings);
        Assert.Equal(5, finding.Start.Line);
    }

    [Fact]
    public void The_fix_installs_cpu_torch_before_the_requirements_keeps_crlf_and_indentation_and_is_idempotent()
    {
        const string Before = "FROM python:3.11-slim\r\nWORKDIR /app\r\nCOPY requirements.txt .\r\n  RUN pip install -r requirements.txt\r\n";
        const string After = "FROM python:3.11-slim\r\nWORKDIR /app\r\nCOPY requirements.txt .\r\n  ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu\r\n  RUN pip install --no-cache-dir --index-url ${TORCH_INDEX_URL} torch==2.3.1 torchvision==0.18.1\r\n  RUN pip install -r requirements.txt\r\n";
        (string, string) requirements = ("requirements.txt", "torch==2.3.1\r\ntorchvision==0.18.1\r\n");

        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, ("Dockerfile", Before), requirements);
        Assert.Equal(After, fixedFiles["Dockerfile"]);
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", After), requirements).Findings);
    }

    [Fact]
    public void The_fix_leaves_an_unpinned_torch_unpinned()
    {
        string fixedText = RuleHarness.FixOne(Rule, "Dockerfile", "FROM python:3.11\nRUN pip install sentence-transformers\n");
        Assert.Equal("FROM python:3.11\nARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir --index-url ${TORCH_INDEX_URL} torch\nRUN pip install sentence-transformers\n", fixedText);
    }
}
