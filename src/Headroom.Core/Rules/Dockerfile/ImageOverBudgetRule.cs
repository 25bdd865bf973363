using System.Collections.Immutable;
using Headroom.Diagnostics;
using Headroom.Prediction;
using Headroom.Prediction.Output;
using Headroom.Rules.Models;
using Headroom.Text;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF012: the predicted image size, or the builder's peak disk for building it, exceeds the budget
/// (<c>--budget</c>, the configuration's <c>budget</c>, else <c>github-ubuntu-latest</c>'s 14 GB).
/// </summary>
public sealed class ImageOverBudgetRule(IImageCostSource? costs = null) : IRule
{
    private readonly IImageCostSource _costs = costs ?? ImageCostSources.Default;

    public RuleDescriptor Descriptor { get; } = new(
        "DF012", "image-over-budget", DiagnosticSeverity.Error,
        "the predicted image or its build's peak disk exceeds the budget", Fixable: false);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        (string budgetName, long budget) = Budgets.Resolve(context.Options.Budget);
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            if (document.Build.Target is not { } target || _costs.Predict(context, document.Path, ImmutableDictionary<string, string>.Empty, null) is not { } cost)
            {
                continue;
            }

            bool image = cost.ImageBytes > budget;
            if (!image && cost.PeakBuildBytes <= budget)
            {
                continue;
            }

            string approx = cost.Exact ? string.Empty : "~";
            string what = image
                ? $"the predicted image ({approx}{ByteSize.Format(cost.ImageBytes)}) is larger than the budget {budgetName} ({ByteSize.Format(budget)})"
                : $"building it peaks at {approx}{ByteSize.Format(cost.PeakBuildBytes)} of disk, more than the budget {budgetName} ({ByteSize.Format(budget)})";
            string cause = _costs is ImagePredictor predictor && predictor.PredictImage(context, document.Path) is { } prediction && PredictionTextWriter.Cause(prediction) is { } c
                ? "; " + c
                : string.Empty;
            long over = Math.Max(cost.ImageBytes, cost.PeakBuildBytes) - budget;
            findings.Report(
                document.Source,
                target.From.Span,
                $"{what}{cause}; 'headroom predict --alternatives' shows what each change saves",
                target.From.StartLine,
                fix: null,
                bytesAtStake: over,
                bytesExact: cost.Exact);
        }
    }
}
