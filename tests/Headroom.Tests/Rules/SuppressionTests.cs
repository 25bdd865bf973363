using Headroom.Rules;
using Headroom.Rules.Configuration;

namespace Headroom.Tests.Rules;

public sealed class SuppressionTests
{
    private const string Install = "RUN apt-get install -y curl\n";

    private static List<Finding> Check(string dockerfile) =>
        RuleHarness.CheckAll(HeadroomConfig.Empty, ("Dockerfile", dockerfile)).Findings.Where(f => f.Rule.Id == "DF007").ToList();

    [Theory]
    [InlineData("# headroom ignore=DF007\n")]
    [InlineData("# headroom ignore=DF004,DF007\n")]
    [InlineData("# headroom ignore = apt-recommends\n")]
    [InlineData("# HEADROOM IGNORE=df007\n")]
    [InlineData("# hadolint ignore=DL3015\n")]
    [InlineData("# headroom ignore=DF007\n# why: the image needs the recommended fonts\n")]
    public void A_comment_directly_above_the_instruction_suppresses(string comment) =>
        Assert.Empty(Check("FROM debian\n" + comment + Install));

    [Theory]
    [InlineData("# headroom ignore=DF006\n")]
    [InlineData("# hadolint ignore=DL3008\n")]
    [InlineData("# headroom ignore=DF007\n\n")]
    [InlineData("# some text headroom ignore=DF007\n")]
    public void Other_rules_unmapped_codes_a_blank_line_or_prose_do_not(string comment) =>
        Assert.Single(Check("FROM debian\n" + comment + Install));

    [Theory]
    [InlineData("# headroom global ignore=DF007\nFROM debian\n")]
    [InlineData("FROM debian\n# hadolint global ignore=DL3015\nRUN true\n")]
    public void A_global_comment_anywhere_suppresses_the_whole_file(string head) =>
        Assert.Empty(Check(head + "RUN echo\n\n" + Install + Install));

    [Fact]
    public void Only_the_instruction_below_the_comment_is_suppressed() =>
        Assert.Equal(4, Assert.Single(Check("FROM debian\n# headroom ignore=DF007\n" + Install + Install)).Start.Line);
}
