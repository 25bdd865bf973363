namespace Headroom.Reports;

/// <summary>
/// How far <see cref="SizeTreeBuilder"/> keeps detail, so that a 50,000-file image gives a tree of a few
/// thousand nodes: below <see cref="MaxDepth"/> a folder is one node; in a folder, only the
/// <see cref="MaxChildren"/> largest entries that hold at least <see cref="MinFraction"/> of the whole
/// tree stay apart, the rest become one <c>(N small files)</c> node. From <see cref="CollapseFromDepth"/>
/// down, a folder whose only entry is a folder is shown as one node (<c>usr/local/cuda</c>).
/// </summary>
public sealed record SizeTreeLimits(int MaxDepth = 10, int MaxChildren = 40, double MinFraction = 0.0002, int CollapseFromDepth = 1)
{
    public static SizeTreeLimits Default { get; } = new();
}
