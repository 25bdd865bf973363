namespace Headroom.Python;

/// <summary>A node of a parsed marker expression.</summary>
public abstract class MarkerNode
{
    private protected MarkerNode()
    {
    }

    public abstract bool Evaluate(MarkerEnvironment environment);

    /// <summary>Every comparison below this node, left to right.</summary>
    public abstract IEnumerable<MarkerComparison> Comparisons();
}
