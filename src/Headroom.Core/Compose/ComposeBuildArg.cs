using Headroom.Yaml;

namespace Headroom.Compose;

/// <summary>One build argument; <see cref="Node"/> is its key (mapping form) or list item.</summary>
public sealed record ComposeBuildArg(string Name, string? Value, YamlNode Node);
