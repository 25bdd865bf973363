namespace Headroom.Prediction;

/// <summary>The image cost source that the rule catalogue gives to DF012 and GH005.</summary>
public static class ImageCostSources
{
    /// <summary>The predictor (<see cref="ImagePredictor.Shared"/>): the embedded knowledge, plus the network once the command line enables it.</summary>
    public static IImageCostSource Default { get; } = ImagePredictor.Shared;
}
