using Headroom.Diagnostics;

namespace Headroom.Rules;

/// <summary>The outcome of a check: findings sorted by path, line, column and rule ID (the contract's order).</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, int FilesChecked, int SuppressedCount)
{
    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);

    public int FixableCount => Findings.Count(f => f.Fix is not null);
}
