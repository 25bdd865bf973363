using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Rules;

/// <summary>
/// One finding of a rule. <see cref="Path"/> is relative to the checked root, with <c>/</c>; positions
/// are 1-based (columns count UTF-16 code units, as the contract's JSON does). <see cref="BytesAtStake"/>
/// is the size the finding is about ("4.4 GB of CUDA libraries"), when there is one.
/// </summary>
public sealed record Finding
{
    public required RuleDescriptor Rule { get; init; }

    public required DiagnosticSeverity Severity { get; init; }

    public required string Message { get; init; }

    public required string Path { get; init; }

    public required TextSpan Span { get; init; }

    public required LinePosition Start { get; init; }

    public required LinePosition End { get; init; }

    /// <summary>The line whose preceding comment lines may suppress this finding (the instruction's or step's first line).</summary>
    public required int AnchorLine { get; init; }

    public Fix? Fix { get; init; }

    public long? BytesAtStake { get; init; }

    /// <summary>Whether <see cref="BytesAtStake"/> came from data that states it (see the contract's <c>exact</c>).</summary>
    public bool BytesExact { get; init; }

    /// <summary>Other places that explain the finding ("requirements.txt:8 pins torch==2.3.1").</summary>
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    public string RuleId => Rule.Id;
}
