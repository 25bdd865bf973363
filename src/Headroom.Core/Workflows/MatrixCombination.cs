using System.Diagnostics.CodeAnalysis;

namespace Headroom.Workflows;

/// <summary>
/// One job of an expanded matrix: a value per key, in the order the keys were first seen.
/// <see cref="FromInclude"/> marks a combination that only an <c>include</c> entry created.
/// </summary>
public sealed class MatrixCombination
{
    private readonly List<KeyValuePair<string, MatrixValue>> _values;

    internal MatrixCombination(IEnumerable<KeyValuePair<string, MatrixValue>> values, bool fromInclude)
    {
        _values = [.. values];
        FromInclude = fromInclude;
    }

    public IReadOnlyList<KeyValuePair<string, MatrixValue>> Values => _values;

    public bool FromInclude { get; }

    public MatrixValue? this[string key] => TryGet(key, out MatrixValue? v) ? v : null;

    public bool TryGet(string key, [NotNullWhen(true)] out MatrixValue? value)
    {
        foreach (var pair in _values)
        {
            if (pair.Key == key)
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The scalar text for a key, or null when missing, not a scalar, or an expression.</summary>
    public string? GetText(string key) => this[key] is { IsExpression: false, Text: { } t } ? t : null;

    internal void Set(string key, MatrixValue value)
    {
        int index = _values.FindIndex(p => p.Key == key);
        if (index >= 0)
        {
            _values[index] = new(key, value);
        }
        else
        {
            _values.Add(new(key, value));
        }
    }

    internal MatrixCombination Clone() => new(_values, FromInclude);

    public override string ToString() => string.Join(", ", _values.Select(p => $"{p.Key}={p.Value}"));
}
