using Headroom.Diagnostics;
using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class TorchIndexAsExtraRuleTests
{
    private static readonly TorchIndexAsExtraRule Rule = new();

    private const string Requirements = "fastapi==0.111.0\ntorch==2.3.1\n";

    [Theory]
    [InlineData("FROM python:3.11\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n", 2)]
    [InlineData("FROM python:3.11\nCOPY requirements.txt .\nRUN pip install --extra-index-url=https://download.pytorch.org/whl/cpu -r requirements.txt\n", 3)]
    [InlineData("FROM python:3.11\nENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install sentence-transformers\n", 3)]
    [InlineData("FROM python:3.11\nRUN export PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu && pip install torch\n", 2)]
    [InlineData("FROM python:3.11\nRUN PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu pip install torch\n", 2)]
    [InlineData("FROM python:3.11\nRUN pip install -f https://download.pytorch.org/whl/cpu/torch_stable.html torch==2.3.1\n", 2)]
    [InlineData("FROM python:3.11\nRUN uv pip install --system --index-strategy unsafe-best-match --extra-index-url https://download.pytorch.org/whl/cpu torch\n", 2)]
    [InlineData("FROM python:3.11\nRUN uv pip install --system -f https://download.pytorch.org/whl/cpu torch\n", 2)]
    [InlineData("FROM python:3.11\nARG PYTORCH=https://download.pytorch.org\nRUN pip install --extra-index-url ${PYTORCH}/whl/cpu torch==2.3.1\n", 3)]
    [InlineData("FROM python:3.11\nARG PYTORCH=https://download.pytorch.org\nRUN pip install --extra-index-url=\"$PYTORCH/whl/cpu\" torch==2.3.1\n", 3)]
    public void Fires_when_the_cpu_index_is_only_an_extra_source(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("requirements.txt", Requirements)).Findings);
        Assert.Equal(line, finding.Start.Line);
        Assert.True(finding.BytesAtStake > 1_000_000_000);
        Assert.Contains("https://download.pytorch.org/whl/cpu", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_on_an_extra_index_line_in_a_requirements_file_and_points_at_it()
    {
        const string File = "FROM python:3.11\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", File), ("requirements.txt", "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1\n")).Findings);
        Assert.Equal(4, finding.Start.Line);
        Assert.Contains(finding.Related, r => r.Path == "requirements.txt" && r.Line == 1);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Find_links_at_the_index_root_is_ignored_by_pip_and_is_an_error()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", "FROM python:3.11\nRUN pip install -f https://download.pytorch.org/whl/cpu torch==2.3.1\n")).Findings);
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Contains("ignores it", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM python:3.11\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n")]
    [InlineData("FROM python:3.11\nARG PYTORCH=https://download.pytorch.org\nRUN pip install --index-url ${PYTORCH}/whl/cpu torch==2.3.1\n")]
    [InlineData("FROM python:3.11\nRUN pip install --index-url https://download.pytorch.org/whl/cpu --extra-index-url https://pypi.org/simple torch fastapi\n")]
    [InlineData("FROM python:3.11\nRUN uv pip install --system --extra-index-url https://download.pytorch.org/whl/cpu torch\n")]
    [InlineData("FROM python:3.11\nENV UV_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN uv pip install --system -r requirements.txt\n")]
    [InlineData("FROM python:3.11\nENV UV_INDEX=pytorch=https://download.pytorch.org/whl/cpu\nRUN uv pip install --system torch\n")]
    [InlineData("FROM python:3.11\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu fastapi\n")]
    [InlineData("FROM --platform=linux/arm64 python:3.11\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu torch==2.3.1\n")]
    [InlineData("FROM python:3.11\nRUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.3.1\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu -r requirements.txt\n")]
    public void Does_not_fire_with_the_cpu_index_as_primary_under_uv_without_torch_or_when_cpu_torch_is_already_in(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("requirements.txt", Requirements)).Findings);

    [Fact]
    public void A_named_uv_index_is_read_as_its_url_so_df001_stays_silent_too()
    {
        const string File = "FROM python:3.11\nRUN uv pip install --system --index pytorch=https://download.pytorch.org/whl/cpu torch\n";
        CheckResult all = RuleHarness.CheckAll(Headroom.Rules.Configuration.HeadroomConfig.Empty, ("Dockerfile", File));
        Assert.DoesNotContain(all.Findings, f => f.Rule.Id is "DF001" or "DF002" or "DF003");
    }

    [Fact]
    public void Df001_and_df002_never_fire_on_the_same_install()
    {
        const string File = "FROM python:3.11\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu torch==2.3.1\nRUN pip install torch==2.3.1\n";
        CheckResult all = RuleHarness.CheckAll(Headroom.Rules.Configuration.HeadroomConfig.Empty, ("Dockerfile", File));
        Assert.Equal([("DF001", 3), ("DF002", 2)], all.Findings.Where(f => f.Rule.Id is "DF001" or "DF002" or "DF003").Select(f => (f.Rule.Id, f.Start.Line)).Order());
    }

    [Fact]
    public void A_torch_only_install_gets_index_url_instead_of_the_extra_index_and_keeps_every_other_byte()
    {
        const string Before = "FROM python:3.11\r\nRUN pip install --no-cache-dir \\\r\n    --extra-index-url https://download.pytorch.org/whl/cpu \\\r\n    torch==2.3.1 torchvision==0.18.1\r\n";
        const string After = "FROM python:3.11\r\nRUN pip install --no-cache-dir \\\r\n    --index-url https://download.pytorch.org/whl/cpu \\\r\n    torch==2.3.1 torchvision==0.18.1\r\n";
        Assert.Equal(After, RuleHarness.FixOne(Rule, "Dockerfile", Before));
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", After)));
    }

    [Fact]
    public void Find_links_at_the_index_root_becomes_index_url_for_a_torch_only_install()
    {
        string fixedText = RuleHarness.FixOne(Rule, "Dockerfile", "FROM python:3.11\nRUN pip install --no-cache-dir -f https://download.pytorch.org/whl/cpu torch\n");
        Assert.Equal("FROM python:3.11\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch\n", fixedText);
    }

    [Fact]
    public void A_mixed_install_gets_cpu_torch_installed_first_instead()
    {
        const string Before = "FROM python:3.11\nRUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu torch==2.3.1 fastapi\n";
        const string After = "FROM python:3.11\nARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir --index-url ${TORCH_INDEX_URL} torch==2.3.1\nRUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu torch==2.3.1 fastapi\n";
        Assert.Equal(After, RuleHarness.FixOne(Rule, "Dockerfile", Before));
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", After)));
    }
}
