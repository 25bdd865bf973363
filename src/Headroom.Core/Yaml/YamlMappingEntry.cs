namespace Headroom.Yaml;

/// <summary>One "key: value" pair; <see cref="Key"/> is a scalar in every file Headroom reads.</summary>
public sealed record YamlMappingEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key's text when it is a scalar, else null.</summary>
    public string? KeyText => Key.AsString();
}
