using Headroom.Rules;
using Headroom.Rules.Workflows;

namespace Headroom.Tests.Rules;

public sealed class BuildxImageNotLoadedRuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private static readonly BuildxImageNotLoadedRule Rule = new();

    private static string Workflow(string with, string use = "      - run: docker run --rm app:ci pytest\n", string setup = "      - uses: docker/setup-buildx-action@v3\n") =>
        "on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" + setup
        + "      - name: Build\n        uses: docker/build-push-action@v6\n        with:\n" + with + use;

    private const string Inputs = "          context: .\n          tags: app:ci\n";

    [Theory]
    [InlineData("      - run: docker run --rm app:ci pytest\n", "'docker run' at line 13", "Unable to find image 'app:ci' locally")]
    [InlineData("      - run: |\n          docker tag app:ci registry.example.com/app:1\n", "'docker tag' at line 14", "An image does not exist locally with the tag: app:ci")]
    [InlineData("      - uses: docker://app:ci\n", "'uses: docker://app:ci' at line 13", "Unable to find image")]
    public void Fires_when_a_later_step_uses_the_unloaded_image(string use, string where, string error)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow(Inputs, use))).Findings);
        Assert.Equal(9, finding.Start.Line);
        Assert.Contains(where, finding.Message, StringComparison.Ordinal);
        Assert.Contains(error, finding.Message, StringComparison.Ordinal);
        Assert.Contains("docker-container driver (docker/setup-buildx-action at line 7)", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Fix);
    }

    [Fact]
    public void Matches_a_tag_list_and_the_implicit_latest()
    {
        string with = "          tags: |\n            app\n            app:${{ github.sha }}\n";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow(with, "      - run: docker run app:latest\n"))).Findings);
        Assert.Contains("app is built", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("          load: true\n" + Inputs)]
    [InlineData("          push: true\n" + Inputs)]
    [InlineData("          push: ${{ github.event_name != 'pull_request' }}\n" + Inputs)]
    [InlineData("          outputs: type=docker\n" + Inputs)]
    [InlineData("          context: .\n          tags: app:other\n")]
    public void Does_not_fire_when_the_image_is_loaded_pushed_or_unused(string with) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow(with))).Findings);

    [Theory]
    [InlineData("")]
    [InlineData("      - uses: docker/setup-buildx-action@v3\n        with:\n          driver: docker\n")]
    [InlineData("      - uses: docker/setup-buildx-action@v3\n        with:\n          driver-opts: default-load=true\n")]
    public void Does_not_fire_on_builders_that_load(string setup) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow(Inputs, setup: setup))).Findings);

    [Fact]
    public void Does_not_fire_when_the_use_comes_before_the_build()
    {
        string text = Workflow(Inputs, use: string.Empty).Replace("      - uses: actions/checkout@v4\n", "      - run: docker run app:ci\n", StringComparison.Ordinal);
        Assert.Empty(RuleHarness.Check(Rule, (Path, text)).Findings);
    }

    [Fact]
    public void A_multi_platform_build_gets_advice_and_no_fix()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow("          platforms: linux/amd64,linux/arm64\n" + Inputs))).Findings);
        Assert.Contains("cannot load the 2 platforms", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void The_fix_adds_load_true_at_the_inputs_indentation()
    {
        string fixedText = RuleHarness.FixOne(Rule, Path, Workflow(Inputs));
        Assert.Equal(Workflow("          load: true\n" + Inputs), fixedText);
        Assert.Empty(RuleHarness.Fix(Rule, (Path, fixedText)));
    }

    [Fact]
    public void The_fix_turns_load_false_into_true_and_keeps_crlf()
    {
        string before = Workflow("          load: false # for now\n" + Inputs).Replace("\n", "\r\n", StringComparison.Ordinal);
        string fixedText = RuleHarness.FixOne(Rule, Path, before);
        Assert.Equal(before.Replace("load: false", "load: true", StringComparison.Ordinal), fixedText);
        Assert.Empty(RuleHarness.Fix(Rule, (Path, fixedText)));
    }
}
