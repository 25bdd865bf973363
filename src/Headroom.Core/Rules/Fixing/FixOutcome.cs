namespace Headroom.Rules.Fixing;

/// <summary>What happened to one finding's fix.</summary>
public enum FixStatus
{
    /// <summary>Applied (and the re-check found the result clean of new findings).</summary>
    Applied,

    /// <summary>Not applied: it overlaps a fix already chosen for the same text.</summary>
    Conflicting,

    /// <summary>Not applied: the file would no longer parse.</summary>
    BreaksParsing,

    /// <summary>Not applied: the re-check found a finding that was not there before.</summary>
    BringsNewFinding,
}

/// <summary>One fix and what became of it; <see cref="Reason"/> says why when it was not applied.</summary>
public sealed record FixOutcome(Finding Finding, FixStatus Status, string? Reason = null);
