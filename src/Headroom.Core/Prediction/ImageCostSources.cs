using Headroom.Rules;

namespace Headroom.Prediction;

/// <summary>The image cost source that the rule catalogue gives to DF012 and GH005.</summary>
public static class ImageCostSources
{
    /// <summary>The predictor. Until it is wired in, nothing is predicted (rules that need it stay quiet).</summary>
    public static IImageCostSource Default { get; } = new NoPrediction();

    private sealed class NoPrediction : IImageCostSource
    {
        public ImageBuildCost? Predict(CheckContext context, string dockerfilePath, IReadOnlyDictionary<string, string> buildArgs, string? target) => null;
    }
}
