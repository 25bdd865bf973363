using Headroom.Prediction;
using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class ImageOverBudgetRuleTests
{
    private const long GB = 1_000_000_000;

    private static CheckResult Check(IRule rule, string? budget, params (string Path, string Text)[] files) =>
        CheckRunner.Run(RuleHarness.Project(files), new CheckOptions { Offline = true, Budget = budget }, HeadroomConfig.Empty, [rule]);

    [Theory]
    [InlineData(15 * GB, 1 * GB, "the predicted image (~15 GB) is larger than the budget github-ubuntu-latest (14 GB)")]
    [InlineData(6 * GB, 15 * GB, "building it peaks at ~15 GB of disk, more than the budget github-ubuntu-latest (14 GB)")]
    public void Fires_when_the_image_or_the_peak_exceeds_the_budget(long image, long peak, string expected)
    {
        var rule = new ImageOverBudgetRule(new FixedCost(image, peak));
        Finding finding = Assert.Single(Check(rule, null, ("Dockerfile", "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN true\n")).Findings);

        Assert.Equal("DF012", finding.Rule.Id);
        Assert.Equal(2, finding.Start.Line);
        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
        Assert.Equal(Math.Max(image, peak) - (14 * GB), finding.BytesAtStake);
    }

    [Fact]
    public void Does_not_fire_within_the_budget_or_without_a_prediction()
    {
        Assert.Empty(Check(new ImageOverBudgetRule(new FixedCost(6 * GB, 9 * GB)), null, ("Dockerfile", "FROM python:3.12-slim\n")).Findings);
        Assert.Empty(Check(new ImageOverBudgetRule(new FixedCost(null, null)), "1GB", ("Dockerfile", "FROM python:3.12-slim\n")).Findings);
    }

    [Fact]
    public void A_size_budget_and_the_real_predictor_name_the_CUDA_stack_as_the_cause()
    {
        const string Dockerfile = "FROM python:3.11-slim\nRUN pip install --no-cache-dir torch==2.3.1\n";
        Finding finding = Assert.Single(Check(new ImageOverBudgetRule(new ImagePredictor()), "3GB", ("Dockerfile", Dockerfile)).Findings);

        Assert.Contains("larger than the budget 3GB (3 GB)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("cause: the CUDA stack", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Check(new ImageOverBudgetRule(new ImagePredictor()), "20GB", ("Dockerfile", Dockerfile)).Findings);
    }

    private sealed class FixedCost(long? image, long? peak) : IImageCostSource
    {
        public ImageBuildCost? Predict(CheckContext context, string dockerfilePath, IReadOnlyDictionary<string, string> buildArgs, string? target) =>
            image is null ? null : new ImageBuildCost(dockerfilePath, target, image.Value, image.Value, image.Value, peak!.Value, 0, false);
    }
}
