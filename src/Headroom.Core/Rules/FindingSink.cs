using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Rules;

/// <summary>Collects the findings of one rule. The engine applies suppression and configuration afterwards.</summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings = [];

    internal FindingSink(RuleDescriptor rule)
    {
        Rule = rule;
    }

    public RuleDescriptor Rule { get; }

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>
    /// Reports a finding on <paramref name="span"/> of <paramref name="source"/> (whose <see cref="SourceText.Path"/>
    /// is the path relative to the checked root). <paramref name="anchorLine"/> is the line above which
    /// an ignore comment suppresses it (default: the span's first line). <paramref name="severity"/>
    /// overrides the rule's default for this finding (configuration still applies on top).
    /// </summary>
    public Finding Report(
        SourceText source,
        TextSpan span,
        string message,
        int? anchorLine = null,
        Fix? fix = null,
        long? bytesAtStake = null,
        bool bytesExact = false,
        IReadOnlyList<RelatedLocation>? related = null,
        DiagnosticSeverity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(message);
        LinePosition start = source.GetPosition(span.Start);
        LinePosition end = source.GetPosition(span.End);
        var finding = new Finding
        {
            Rule = Rule,
            Severity = severity ?? Rule.DefaultSeverity,
            Message = message,
            Path = source.Path ?? "<input>",
            Span = span,
            Start = start,
            End = end,
            AnchorLine = anchorLine ?? start.Line,
            Fix = fix,
            BytesAtStake = bytesAtStake,
            BytesExact = bytesExact,
            Related = related ?? [],
        };
        _findings.Add(finding);
        return finding;
    }

    /// <summary>Reports a finding about a whole file or folder that has no text of its own (for example a missing <c>.dockerignore</c>).</summary>
    public Finding ReportOnPath(string path, string message, Fix? fix = null, IReadOnlyList<RelatedLocation>? related = null, DiagnosticSeverity? severity = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var finding = new Finding
        {
            Rule = Rule,
            Severity = severity ?? Rule.DefaultSeverity,
            Message = message,
            Path = path,
            Span = default,
            Start = new LinePosition(1, 1),
            End = new LinePosition(1, 1),
            AnchorLine = 0,
            Fix = fix,
            Related = related ?? [],
        };
        _findings.Add(finding);
        return finding;
    }
}
