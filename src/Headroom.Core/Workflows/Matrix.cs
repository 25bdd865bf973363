using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>
/// <c>strategy.matrix</c> and its expansion into jobs: the cartesian product of the dimensions, minus
/// <c>exclude</c> (partial matches), plus <c>include</c> (added to every combination whose original
/// values it does not overwrite, else a new combination), as GitHub documents it.
/// </summary>
public sealed class Matrix
{
    /// <summary>GitHub's limit on jobs per matrix; expansion stops there.</summary>
    public const int MaxCombinations = 256;

    internal Matrix(
        YamlNode node,
        IReadOnlyList<MatrixDimension> dimensions,
        IReadOnlyList<YamlMapping> include,
        IReadOnlyList<YamlMapping> exclude,
        IReadOnlyList<MatrixCombination> combinations,
        bool isExpression,
        bool hasUnknownParts,
        bool truncated)
    {
        Node = node;
        Dimensions = dimensions;
        Include = include;
        Exclude = exclude;
        Combinations = combinations;
        IsExpression = isExpression;
        HasUnknownParts = hasUnknownParts;
        Truncated = truncated;
    }

    public YamlNode Node { get; }

    public IReadOnlyList<MatrixDimension> Dimensions { get; }

    public IReadOnlyList<YamlMapping> Include { get; }

    public IReadOnlyList<YamlMapping> Exclude { get; }

    /// <summary>The expanded jobs (empty when the whole matrix is an expression).</summary>
    public IReadOnlyList<MatrixCombination> Combinations { get; }

    /// <summary>The whole matrix is one expression ("matrix: ${{ fromJSON(...) }}"): nothing is known.</summary>
    public bool IsExpression { get; }

    /// <summary>Some dimension, value, include or exclude is an expression: the expansion is partial.</summary>
    public bool HasUnknownParts { get; }

    /// <summary>The expansion passed <see cref="MaxCombinations"/> and was cut there.</summary>
    public bool Truncated { get; }

    /// <summary>Every distinct known text a key takes across the combinations, in first-seen order ("python-version" gives each Python).</summary>
    public IReadOnlyList<string> ValuesOf(string key) =>
        Combinations.Select(c => c.GetText(key)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
