using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>
/// <c>runs-on:</c> as a label, a list of labels, or a mapping with <c>group</c>/<c>labels</c>.
/// Labels may be expressions ("${{ matrix.os }}"); <see cref="ResolveLabels"/> substitutes a matrix combination.
/// </summary>
public sealed record RunsOn(IReadOnlyList<YamlScalar> Labels, YamlScalar? Group, YamlNode Node)
{
    public bool HasExpression => Labels.Any(l => WorkflowExpression.Contains(l.Value))
        || (Group is not null && WorkflowExpression.Contains(Group.Value))
        || (Node is YamlScalar s && WorkflowExpression.Contains(s.Value));

    /// <summary>The labels with "${{ matrix.x }}" replaced; a label that stays unknown is null.</summary>
    public IReadOnlyList<string?> ResolveLabels(MatrixCombination? combination) =>
        Labels.Select(l => WorkflowExpression.SubstituteMatrix(l.Value, combination)).ToList();

    internal static RunsOn? From(YamlNode? node) => node switch
    {
        YamlScalar s => new RunsOn([s], null, s),
        YamlSequence seq => new RunsOn(seq.Items.OfType<YamlScalar>().ToList(), null, seq),
        YamlMapping m => new RunsOn(
            m["labels"] switch
            {
                YamlScalar l => [l],
                YamlSequence ls => ls.Items.OfType<YamlScalar>().ToList(),
                _ => [],
            },
            m.GetScalar("group"),
            m),
        _ => null,
    };
}
