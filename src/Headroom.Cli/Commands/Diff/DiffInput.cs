using Headroom.Images;
using Headroom.Prediction;

namespace Headroom.Cli.Commands.Diff;

/// <summary>One side of <c>headroom diff</c> once read: a built image's report, or a Dockerfile's prediction.</summary>
/// <param name="Spec">The side as given on the command line.</param>
internal sealed record DiffInput(string Spec, ImageReport? Image, ImagePrediction? Prediction);
