using Headroom.Text;

namespace Headroom.Workflows;

/// <summary>
/// A <c>uses:</c> reached from a workflow, directly or through local composite actions and local
/// reusable workflows. <see cref="File"/> is where it is written; <see cref="Via"/> is the chain of
/// local files followed to get there, starting with the workflow (empty for a direct use).
/// </summary>
public sealed record ActionUse(ActionReference Reference, string? File, IReadOnlyList<string> Via, Job? Job, Step? Step)
{
    public bool IsTransitive => Via.Count > 0;

    public LinePosition Start => Reference.Start;
}
