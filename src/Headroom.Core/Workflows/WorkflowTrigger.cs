using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>One event under <c>on:</c> ("push", "pull_request", ...) with its settings node, if any.</summary>
public sealed record WorkflowTrigger(string Event, YamlNode EventNode, YamlNode? Settings);
