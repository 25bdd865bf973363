using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class AptRecommendsRuleTests
{
    private static readonly AptRecommendsRule Rule = new();

    [Theory]
    [InlineData("FROM debian\nRUN apt-get update && apt-get install -y curl\n", 2)]
    [InlineData("FROM debian\nRUN apt install -y curl\n", 2)]
    [InlineData("FROM debian\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n", 4)]
    [InlineData("FROM debian\nRUN sh -c 'apt-get install -y curl'\n", 2)]
    [InlineData("FROM debian\nRUN apt-get update \\\n && apt-get -y install \\\n      curl\n", 3)]
    public void Fires_on_an_install_without_the_flag(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Equal("DF007", finding.Rule.Id);
        Assert.Equal(line, finding.Start.Line);
        Assert.Equal("Dockerfile", finding.Path);
    }

    [Theory]
    [InlineData("FROM debian\nRUN apt-get install -y --no-install-recommends curl\n")]
    [InlineData("FROM debian\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n")]
    [InlineData("FROM debian\nRUN apt-get update && apt-get upgrade -y\n")]
    [InlineData("FROM debian\n# apt-get install -y curl\nRUN echo apt-get install curl\n")]
    public void Does_not_fire_when_recommends_are_off_or_nothing_is_installed(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);

    [Fact]
    public void The_fix_inserts_the_flag_after_install_and_keeps_every_other_byte()
    {
        const string Before = "\uFEFFFROM debian\r\n# keep me\r\nRUN apt-get update \\\r\n\t&& apt-get install -y curl \\\r\n\t&& rm -rf /var/lib/apt/lists/*\r\n";
        const string After = "\uFEFFFROM debian\r\n# keep me\r\nRUN apt-get update \\\r\n\t&& apt-get install --no-install-recommends -y curl \\\r\n\t&& rm -rf /var/lib/apt/lists/*\r\n";

        Assert.Equal(After, RuleHarness.FixOne(Rule, "Dockerfile", Before));
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", After)));
    }

    [Fact]
    public void A_nested_shell_string_gets_no_fix()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", "FROM debian\nRUN sh -c 'apt-get install -y curl'\n")).Findings);
        Assert.Null(finding.Fix);
    }
}
