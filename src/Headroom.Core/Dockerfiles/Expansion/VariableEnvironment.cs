using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Headroom.Dockerfiles.Expansion;

/// <summary>
/// An immutable, ordered set of variables (an llb.EnvList): setting a name that exists keeps its place,
/// a new name goes last. Every change returns a new environment and shares the rest, so a snapshot per
/// instruction is cheap.
/// </summary>
public sealed class VariableEnvironment : IVariableLookup
{
    private readonly ImmutableDictionary<string, Entry> _entries;
    private readonly int _nextOrder;

    private VariableEnvironment(ImmutableDictionary<string, Entry> entries, int nextOrder)
    {
        _entries = entries;
        _nextOrder = nextOrder;
    }

    public static VariableEnvironment Empty { get; } =
        new(ImmutableDictionary.Create<string, Entry>(StringComparer.Ordinal), 0);

    public int Count => _entries.Count;

    /// <summary>The names in the order they were first set.</summary>
    public IEnumerable<string> Names => Pairs.Select(pair => pair.Key);

    public string? this[string name] => _entries.TryGetValue(name, out Entry entry) ? entry.Value : null;

    public static VariableEnvironment From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        VariableEnvironment result = Empty;
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            result = result.Set(pair.Key, pair.Value);
        }

        return result;
    }

    public bool Contains(string name) => _entries.ContainsKey(name);

    public bool TryGetValue(string name, [MaybeNullWhen(false)] out string value)
    {
        if (_entries.TryGetValue(name, out Entry entry))
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Adds or replaces one variable (llb's AddOrReplace).</summary>
    public VariableEnvironment Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (_entries.TryGetValue(name, out Entry existing))
        {
            return existing.Value == value
                ? this
                : new VariableEnvironment(_entries.SetItem(name, existing with { Value = value }), _nextOrder);
        }

        return new VariableEnvironment(_entries.Add(name, new Entry(value, _nextOrder)), _nextOrder + 1);
    }

    public VariableEnvironment Remove(string name) =>
        _entries.ContainsKey(name) ? new VariableEnvironment(_entries.Remove(name), _nextOrder) : this;

    /// <summary>The variables in the order they were first set.</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs =>
        _entries
            .OrderBy(pair => pair.Value.Order)
            .Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value.Value));

    public override string ToString() => string.Join(' ', Pairs.Select(pair => $"{pair.Key}={pair.Value}"));

    private readonly record struct Entry(string Value, int Order);
}
