namespace Headroom.Diff;

/// <summary>
/// A layer of either image and what became of it. Layers are matched by digest first (<c>unchanged</c>), then,
/// among the rest, by identical <c>createdBy</c> (<c>changed</c>: the same step wrote other content); what is
/// left is <c>removed</c> (only before) or <c>added</c> (only after).
/// </summary>
/// <param name="Change"><c>unchanged</c>, <c>changed</c>, <c>removed</c> or <c>added</c>.</param>
/// <param name="BeforeIndex">The layer's index in the image before, or null when added.</param>
/// <param name="AfterIndex">The layer's index in the image after, or null when removed.</param>
/// <param name="Digest">The digest after (before, when removed).</param>
/// <param name="CreatedBy">The history's <c>created_by</c> (after, else before), or null.</param>
/// <param name="BytesBefore">The layer's bytes before (0 when added).</param>
/// <param name="BytesAfter">The layer's bytes after (0 when removed).</param>
public sealed record LayerChange(string Change, int? BeforeIndex, int? AfterIndex, string Digest, string? CreatedBy, long BytesBefore, long BytesAfter)
{
    /// <summary><c>BytesAfter - BytesBefore</c>.</summary>
    public long Delta => BytesAfter - BytesBefore;
}
