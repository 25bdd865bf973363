using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class DeleteInLaterLayerRuleTests
{
    private static readonly DeleteInLaterLayerRule Rule = new();

    private const string Story =
        "FROM python:3.11-slim\n" +
        "RUN apt-get update && apt-get install -y --no-install-recommends curl\n" +
        "WORKDIR /app\n" +
        "COPY requirements.txt .\n" +
        "RUN pip install -r requirements.txt\n" +
        "# Clean up caches\n" +
        "RUN pip cache purge && rm -rf /var/lib/apt/lists/*\n" +
        "COPY . .\n";

    [Fact]
    public void Fires_on_each_cleanup_and_names_the_line_that_wrote_the_files()
    {
        IReadOnlyList<Finding> findings = RuleHarness.Check(Rule, ("Dockerfile", Story)).Findings;
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(7, f.Start.Line));
        Assert.Contains("line 5", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("'pip install'", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("line 2", findings[1].Message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(findings[1].Related).Line);
    }

    [Fact]
    public void Apt_dist_clean_in_a_later_layer_leaves_both_the_archives_and_the_lists()
    {
        IReadOnlyList<Finding> findings = RuleHarness.Check(Rule, ("Dockerfile", "FROM debian:trixie\nRUN apt-get update && apt-get install -y curl\nRUN apt-get dist-clean\n")).Findings;
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(3, f.Start.Line));
        Assert.Contains(findings, f => f.Message.Contains("/var/cache/apt/archives", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("/var/lib/apt/lists", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN apt-get clean\n", 3)]
    [InlineData("FROM debian\nCOPY big.tar.gz /tmp/\nRUN tar -xzf /tmp/big.tar.gz -C /opt && rm /tmp/big.tar.gz\n", 3)]
    [InlineData("FROM debian\nWORKDIR /src\nCOPY . .\nRUN rm -rf .git\n", 4)]
    [InlineData("FROM debian\nCOPY data /data\nRUN find /data -name '*.tmp' -delete\n", 3)]
    [InlineData("FROM node:20\nWORKDIR /app\nRUN npm ci\nRUN npm cache clean --force\n", 4)]
    [InlineData("FROM python:3.11 AS base\nRUN pip install torch\nFROM base\nRUN rm -rf /root/.cache\n", 4)]
    [InlineData("FROM python:3.11\nRUN uv pip install --system torch\nRUN uv cache clean\n", 3)]
    public void Fires_when_an_earlier_layer_wrote_the_files(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Equal("DF005", finding.Rule.Id);
        Assert.Equal(line, finding.Start.Line);
    }

    [Theory]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("FROM debian\nRUN curl -o /tmp/x.tgz https://example.com/x.tgz && tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n")]
    [InlineData("FROM python:3.11\nRUN pip install --no-cache-dir torch\nRUN pip cache purge\n")]
    [InlineData("FROM python:3.11\nRUN --mount=type=cache,target=/root/.cache/pip pip install torch\nRUN rm -rf /root/.cache/pip\n")]
    [InlineData("FROM debian\nRUN rm -f /etc/nginx/conf.d/default.conf\n")]
    [InlineData("FROM debian\nCOPY app.py /app/\nRUN rm -rf /tmp/*\n")]
    [InlineData("FROM python:3.11 AS build\nRUN pip install torch\nFROM python:3.11-slim\nRUN pip cache purge\n")]
    [InlineData("FROM debian\nRUN apt-get update\nFROM debian\nRUN rm -rf /var/lib/apt/lists/*\n")]
    public void Does_not_fire_when_no_earlier_layer_of_the_stage_kept_the_files(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);

    [Fact]
    public void The_fix_moves_each_cleanup_into_the_run_that_wrote_the_files()
    {
        const string After =
            "FROM python:3.11-slim\n" +
            "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n" +
            "WORKDIR /app\n" +
            "COPY requirements.txt .\n" +
            "RUN pip install -r requirements.txt && pip cache purge\n" +
            "# Clean up caches\n" +
            "COPY . .\n";
        Assert.Equal(After, RuleHarness.FixOne(Rule, "Dockerfile", Story));
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", After)));
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", After)).Findings);
    }

    [Theory]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\nRUN rm -rf /var/lib/apt/lists/*\n")] // apt needs the lists in between
    [InlineData("FROM python:3.11\nRUN pip install torch\nRUN pip cache purge && python -c 'import torch'\n")] // not only cleanups
    [InlineData("FROM python:3.11\nRUN pip install torch\nRUN pip cache purge || true\n")] // not a plain && chain
    [InlineData("FROM python:3.11\nRUN <<EOF\npip install torch\nEOF\nRUN pip cache purge\n")] // heredoc writer
    [InlineData("FROM debian\nCOPY big.tar.gz /tmp/\nRUN rm /tmp/big.tar.gz\n")] // COPY writer
    public void Unsafe_moves_get_no_fix(string dockerfile)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Null(finding.Fix);
    }
}
