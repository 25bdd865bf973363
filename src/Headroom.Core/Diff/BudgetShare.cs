namespace Headroom.Diff;

/// <summary>The share of a runner budget (<c>--budget</c>) that the image takes before and after.</summary>
/// <param name="Name">The runner's name (<c>github-ubuntu-latest</c>) or the size as given.</param>
/// <param name="Bytes">The budget in bytes.</param>
/// <param name="Before">The image's bytes before over the budget, rounded to 4 places.</param>
/// <param name="After">The image's bytes after over the budget, rounded to 4 places.</param>
public sealed record BudgetShare(string Name, long Bytes, double Before, double After);
