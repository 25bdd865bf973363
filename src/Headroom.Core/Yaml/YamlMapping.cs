using System.Diagnostics.CodeAnalysis;
using Headroom.Text;

namespace Headroom.Yaml;

/// <summary>A mapping in source order. Lookups are by exact (case-sensitive) scalar key; the first wins.</summary>
public sealed class YamlMapping : YamlNode
{
    internal YamlMapping(IReadOnlyList<YamlMappingEntry> entries, bool isFlow, TextSpan span, LinePosition start, string? anchor, string? tag)
        : base(span, start, anchor, tag)
    {
        Entries = entries;
        IsFlow = isFlow;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Mapping;

    public IReadOnlyList<YamlMappingEntry> Entries { get; }

    /// <summary>Written as "{a: 1}" rather than indented lines.</summary>
    public bool IsFlow { get; }

    public YamlNode? this[string key] => Find(key)?.Value;

    public YamlMappingEntry? Find(string key)
    {
        foreach (YamlMappingEntry entry in Entries)
        {
            if (entry.Key is YamlScalar scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public bool TryGet(string key, [NotNullWhen(true)] out YamlNode? value)
    {
        value = this[key];
        return value is not null;
    }

    /// <summary>The value under key when it is a scalar (null for a missing key or another node kind).</summary>
    public YamlScalar? GetScalar(string key) => this[key] as YamlScalar;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;

    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;

    /// <summary>The value's text when it is a non-null scalar.</summary>
    public string? GetString(string key) => GetScalar(key) is { IsNull: false } s ? s.Value : null;
}
