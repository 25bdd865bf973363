namespace Headroom.Apt;

/// <summary>A deb822 stanza (paragraph): its fields in order and the line it starts on.</summary>
public sealed class Deb822Stanza
{
    private readonly Dictionary<string, Deb822Field> _byName;

    internal Deb822Stanza(int line, List<Deb822Field> fields, Dictionary<string, Deb822Field> byName)
    {
        Line = line;
        Fields = fields;
        _byName = byName;
    }

    /// <summary>The 1-based line of the stanza's first field.</summary>
    public int Line { get; }

    public IReadOnlyList<Deb822Field> Fields { get; }

    /// <summary>A field's value by name (case-insensitive), or null.</summary>
    public string? this[string name] => _byName.TryGetValue(name, out Deb822Field? field) ? field.Value : null;

    /// <summary>A field by name (case-insensitive), or null.</summary>
    public Deb822Field? Field(string name) => _byName.GetValueOrDefault(name);
}
