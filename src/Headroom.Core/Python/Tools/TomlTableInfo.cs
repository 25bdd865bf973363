using Headroom.Text;

namespace Headroom.Python.Tools;

/// <summary>A TOML table ("[tool.black]") and its key/values as text, with positions.</summary>
public sealed record TomlTableInfo(string Name, LinePosition Start, IReadOnlyList<TomlKeyInfo> Keys)
{
    public TomlKeyInfo? Find(string key) => Keys.FirstOrDefault(k => k.Key == key);
}

/// <summary>One key = value; <see cref="Value"/> is the value's source text (strings keep their quotes).</summary>
public sealed record TomlKeyInfo(string Key, string Value, LinePosition Start);
