using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class RequirementsBeforeCpuTorchRuleTests
{
    private static readonly RequirementsBeforeCpuTorchRule Rule = new();

    private const string Requirements = "fastapi==0.111.0\ntorch==2.3.1\n";

    private const string Dockerfile =
        "FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n";

    [Fact]
    public void Fires_on_the_requirements_install_that_runs_before_the_cpu_torch_step_with_the_bytes()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", Dockerfile), ("requirements.txt", Requirements)).Findings);
        Assert.Equal(4, finding.Start.Line);
        Assert.Contains("CPU torch comes only at line 5", finding.Message, StringComparison.Ordinal);
        Assert.Contains("stay in this layer", finding.Message, StringComparison.Ordinal);
        Assert.True(finding.BytesAtStake > 2_000_000_000);
        Assert.Contains(finding.Related, r => r.Path == "Dockerfile" && r.Line == 5);
        Assert.Contains(finding.Related, r => r.Path == "requirements.txt" && r.Line == 2);
    }

    [Theory]
    [InlineData("FROM python:3.11\nRUN pip install sentence-transformers && pip install --index-url https://download.pytorch.org/whl/cpu torch\n", 2)]
    [InlineData("FROM python:3.11 AS base\nRUN pip install -r /dev/null torch\nFROM base\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch\n", 2)]
    [InlineData("FROM python:3.11\nENV PIP_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN PIP_INDEX_URL= pip install transformers[torch]\nRUN pip install torch\n", 3)]
    public void Fires_through_dependents_stage_chains_and_one_run(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Equal(line, finding.Start.Line);
    }

    [Theory]
    [InlineData("FROM python:3.11\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\nRUN pip install torch==2.3.1 fastapi\n")]
    [InlineData("FROM python:3.11\nRUN pip install fastapi\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch\n")]
    [InlineData("FROM python:3.11 AS a\nRUN pip install torch\nFROM python:3.11 AS b\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch\n")]
    [InlineData("FROM --platform=linux/arm64 python:3.11\nRUN pip install torch==2.3.1\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n")]
    [InlineData("FROM python:3.11\nRUN pip install torch\n")]
    public void Does_not_fire_when_cpu_torch_comes_first_nothing_brings_torch_or_the_stages_differ(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);

    [Fact]
    public void Df001_leaves_this_case_to_df003_and_df002_keeps_the_extra_index_case()
    {
        CheckResult all = RuleHarness.CheckAll(HeadroomConfig.Empty, ("Dockerfile", Dockerfile), ("requirements.txt", Requirements));
        Assert.Equal(["DF003"], all.Findings.Where(f => f.Rule.Id is "DF001" or "DF002" or "DF003").Select(f => f.Rule.Id));

        const string Extra = "FROM python:3.11\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu torch fastapi\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch\n";
        CheckResult extra = RuleHarness.CheckAll(HeadroomConfig.Empty, ("Dockerfile", Extra));
        Assert.Equal(["DF002"], extra.Findings.Where(f => f.Rule.Id is "DF001" or "DF002" or "DF003").Select(f => f.Rule.Id));
    }

    [Fact]
    public void The_fix_installs_cpu_torch_before_the_requirements_and_is_idempotent()
    {
        const string After =
            "FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir --index-url ${TORCH_INDEX_URL} torch==2.3.1\nRUN pip install --no-cache-dir -r requirements.txt\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n";
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, ("Dockerfile", Dockerfile), ("requirements.txt", Requirements));
        Assert.Equal(After, fixedFiles["Dockerfile"]);
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", After), ("requirements.txt", Requirements)));
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", After), ("requirements.txt", Requirements)).Findings);
    }
}
