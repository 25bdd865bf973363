using Headroom.Rules;

namespace Headroom.Prediction;

/// <summary>
/// Predicts what building a Dockerfile costs. The seam between the predictor and the rules that need
/// its figures (DF012, GH005): rules take an <see cref="IImageCostSource"/>, tests give them fixed costs.
/// </summary>
public interface IImageCostSource
{
    /// <summary>The predicted cost, or null when the Dockerfile cannot be predicted (say why elsewhere).</summary>
    /// <param name="context">The check's context (project, options, shared models).</param>
    /// <param name="dockerfilePath">The Dockerfile's path relative to the checked root, with <c>/</c>.</param>
    /// <param name="buildArgs">Build arguments on top of the check's <c>--build-arg</c> (e.g. a workflow's <c>build-args</c>).</param>
    /// <param name="target">The target stage, or null for the last one.</param>
    ImageBuildCost? Predict(CheckContext context, string dockerfilePath, IReadOnlyDictionary<string, string> buildArgs, string? target);
}
