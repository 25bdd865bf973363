namespace Headroom.Knowledge;

public enum ActionDeprecationKind
{
    /// <summary>The action version calls a service that GitHub deprecated or switched off (artifacts v1-v3, the legacy cache service).</summary>
    Service,

    /// <summary>The action runs on a Node.js runtime that the runner deprecated or forces to a newer one.</summary>
    Runtime,

    /// <summary>A hosted runner label that is no longer served.</summary>
    RunnerLabel,
}
