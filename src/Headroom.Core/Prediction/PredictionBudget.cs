namespace Headroom.Prediction;

/// <summary>The budget a prediction is measured against (the contract's <c>budget</c> object).</summary>
/// <param name="Name">The runner's name (<c>github-ubuntu-latest</c>) or the size as given (<c>14GB</c>).</param>
/// <param name="Bytes">The budget in bytes.</param>
/// <param name="UsedFraction">The larger of image bytes and peak build bytes, over <paramref name="Bytes"/>.</param>
public sealed record PredictionBudget(string Name, long Bytes, double UsedFraction);
