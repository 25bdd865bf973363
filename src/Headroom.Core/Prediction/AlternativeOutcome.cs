namespace Headroom.Prediction;

/// <summary>One row of the what-if table: a variant of the Dockerfile, predicted.</summary>
/// <param name="Name">What the team would do (<c>CPU-only torch</c>).</param>
/// <param name="Change">How the variant was made (the fix or edit applied).</param>
/// <param name="Prediction">The variant's prediction, or null when the variant could not be made.</param>
/// <param name="SavedBytes">Image bytes saved against the Dockerfile as written (0 or less: saves nothing).</param>
/// <param name="Verdict">One sentence: what it saves and why.</param>
public sealed record AlternativeOutcome(string Name, string Change, ImagePrediction? Prediction, long SavedBytes, string Verdict);
