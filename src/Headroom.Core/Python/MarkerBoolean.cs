namespace Headroom.Python;

/// <summary><c>a and b and ...</c> or <c>a or b or ...</c>.</summary>
public sealed class MarkerBoolean : MarkerNode
{
    internal MarkerBoolean(bool isAnd, IReadOnlyList<MarkerNode> operands)
    {
        IsAnd = isAnd;
        Operands = operands;
    }

    /// <summary>True for <c>and</c>, false for <c>or</c>.</summary>
    public bool IsAnd { get; }

    public IReadOnlyList<MarkerNode> Operands { get; }

    public override bool Evaluate(MarkerEnvironment environment) =>
        IsAnd ? Operands.All(o => o.Evaluate(environment)) : Operands.Any(o => o.Evaluate(environment));

    public override IEnumerable<MarkerComparison> Comparisons() => Operands.SelectMany(o => o.Comparisons());

    public override string ToString() =>
        string.Join(IsAnd ? " and " : " or ", Operands.Select(o => o is MarkerBoolean { IsAnd: false } && IsAnd ? $"({o})" : o.ToString()));
}
