namespace Headroom.Workflows;

public enum ActionReferenceKind
{
    /// <summary>"owner/repo[/path]@ref" on GitHub.</summary>
    Repository,

    /// <summary>"./path" in the same repository (an action folder or a reusable workflow file).</summary>
    Local,

    /// <summary>"docker://image[:tag]".</summary>
    Docker,

    /// <summary>Not in any of the forms GitHub accepts (for example "owner/repo" without "@ref").</summary>
    Invalid,
}
