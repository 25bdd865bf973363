using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>
/// One key of <c>strategy.matrix</c> other than include/exclude ("python-version: ['3.11', '3.12']").
/// A dimension written as one expression ("${{ fromJSON(...) }}") has one value with <see cref="MatrixValue.IsExpression"/>.
/// </summary>
public sealed record MatrixDimension(string Name, YamlScalar NameNode, IReadOnlyList<MatrixValue> Values)
{
    public bool IsExpression => Values.Count == 1 && Values[0].IsExpression && Values[0].Node is YamlScalar;
}
