namespace Headroom.Workflows;

/// <summary>What the part after "@" in a <c>uses:</c> looks like.</summary>
public enum ActionRefKind
{
    /// <summary>No ref (local and docker references).</summary>
    None,

    /// <summary>"v3": a floating major tag.</summary>
    MajorTag,

    /// <summary>"v3.3": a floating minor tag.</summary>
    MinorTag,

    /// <summary>"v4.2.0": a full version tag.</summary>
    FullVersion,

    /// <summary>40 hexadecimal digits: a commit.</summary>
    Sha,

    /// <summary>Anything else: a branch ("main") or a tag that is not a version.</summary>
    Branch,

    /// <summary>Contains "${{": only known when the workflow runs.</summary>
    Expression,
}
