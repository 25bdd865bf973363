namespace Headroom.Workflows;

/// <summary>What <c>runs.using</c> of an action.yml says.</summary>
public enum ActionRuntime
{
    Unknown,
    Composite,
    Docker,
    Node12,
    Node16,
    Node20,
    Node24,
}

/// <summary>Parsing of <c>runs.using</c> values.</summary>
public static class ActionRuntimes
{
    public static ActionRuntime Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "composite" => ActionRuntime.Composite,
        "docker" => ActionRuntime.Docker,
        "node12" => ActionRuntime.Node12,
        "node16" => ActionRuntime.Node16,
        "node20" => ActionRuntime.Node20,
        "node24" => ActionRuntime.Node24,
        _ => ActionRuntime.Unknown,
    };
}
