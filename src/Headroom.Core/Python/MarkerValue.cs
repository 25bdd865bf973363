namespace Headroom.Python;

/// <summary>One side of a marker comparison: an environment variable or a quoted string.</summary>
/// <param name="IsVariable">True for a variable such as <c>python_version</c>.</param>
/// <param name="Text">The canonical variable name, or the string's content.</param>
public readonly record struct MarkerValue(bool IsVariable, string Text)
{
    public override string ToString() => IsVariable ? Text : Text.Contains('"', StringComparison.Ordinal) ? $"'{Text}'" : $"\"{Text}\"";
}
