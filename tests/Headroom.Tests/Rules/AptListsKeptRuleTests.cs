using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class AptListsKeptRuleTests
{
    private static readonly AptListsKeptRule Rule = new();

    [Theory]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl\n", 2)]
    [InlineData("FROM debian\nRUN apt-get update\n", 2)]
    [InlineData("FROM debian\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean\n", 3)]
    [InlineData("FROM debian\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl\n", 2)]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/cache/apt/*\n", 2)]
    [InlineData("FROM debian\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n", 2)]
    [InlineData("FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n", 4)]
    public void Fires_when_the_lists_stay_in_the_layer(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Equal("DF006", finding.Rule.Id);
        Assert.Equal(line, finding.Start.Line);
    }

    [Theory]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n")]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt\n")]
    [InlineData("FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n")]
    [InlineData("FROM debian\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n")]
    [InlineData("FROM debian\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n")]
    [InlineData("FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n")]
    [InlineData("FROM debian:trixie\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n")]
    [InlineData("FROM debian:trixie\nRUN apt-get update; apt-get install -y curl; apt-get distclean\n")]
    [InlineData("FROM debian\nRUN apt-get install -y ./local.deb\n")]
    [InlineData("FROM debian\n# apt-get update\nRUN echo apt-get update\n")]
    public void Does_not_fire_when_the_lists_are_removed_or_never_written(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);

    [Theory]
    [InlineData(
        "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData(
        "\uFEFFFROM debian\r\nRUN apt-get update \\\r\n    && apt-get install -y curl   \r\nCMD [\"bash\"]\r\n",
        "\uFEFFFROM debian\r\nRUN apt-get update \\\r\n    && apt-get install -y curl \\\r\n    && rm -rf /var/lib/apt/lists/*   \r\nCMD [\"bash\"]\r\n")]
    [InlineData(
        "FROM debian\nRUN apt-get update && \\\n\tapt-get install -y curl\n",
        "FROM debian\nRUN apt-get update && \\\n\tapt-get install -y curl && \\\n\trm -rf /var/lib/apt/lists/*\n")]
    [InlineData(
        "# escape=`\nFROM debian\nRUN apt-get update `\n  && apt-get install -y curl\n",
        "# escape=`\nFROM debian\nRUN apt-get update `\n  && apt-get install -y curl `\n  && rm -rf /var/lib/apt/lists/*\n")]
    public void The_fix_appends_the_removal_in_the_runs_own_style(string before, string after)
    {
        Assert.Equal(after, RuleHarness.FixOne(Rule, "Dockerfile", before));
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", after)));
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", after)).Findings);
    }

    [Theory]
    [InlineData("FROM debian\nRUN <<EOF\napt-get update\nEOF\n")]
    [InlineData("FROM debian\nRUN [\"apt-get\", \"update\"]\n")]
    [InlineData("FROM debian\nRUN apt-get update;\n")]
    [InlineData("FROM debian\nRUN apt-get update # refresh\n")]
    [InlineData("FROM debian\nRUN sh -c 'apt-get update'\n")]
    public void Unsafe_places_get_no_fix(string dockerfile)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Null(finding.Fix);
    }
}
