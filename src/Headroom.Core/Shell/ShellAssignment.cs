using Headroom.Text;

namespace Headroom.Shell;

/// <summary>A <c>NAME=value</c> word: before a command, standalone, or an argument of <c>export</c>/<c>env</c>.</summary>
public sealed class ShellAssignment
{
    internal ShellAssignment(ShellWord word, string name, bool isAppend, string? value, string rawValue)
    {
        Word = word;
        Name = name;
        IsAppend = isAppend;
        Value = value;
        RawValue = rawValue;
    }

    public ShellWord Word { get; }

    public string Name { get; }

    /// <summary>True for <c>NAME+=value</c>.</summary>
    public bool IsAppend { get; }

    /// <summary>The value after quote removal, or null when it holds an expansion.</summary>
    public string? Value { get; }

    /// <summary>The value as written (after the <c>=</c>).</summary>
    public string RawValue { get; }

    public TextSpan Span => Word.Span;

    /// <summary>
    /// Reads <c>NAME=value</c> from a word whose name part is unquoted and literal; null otherwise.
    /// </summary>
    public static ShellAssignment? TryCreate(ShellWord word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Parts.IsDefaultOrEmpty || word.Parts[0].Kind != WordPartKind.Literal)
        {
            return null;
        }

        string head = word.Parts[0].Value!;
        int eq = head.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return null;
        }

        bool append = head[eq - 1] == '+';
        int nameEnd = append ? eq - 1 : eq;
        if (!ShellNames.IsName(head.AsSpan(0, nameEnd)))
        {
            return null;
        }

        string? value = word.Value?[(eq + 1)..];
        int rawEq = word.RawText.IndexOf('=', StringComparison.Ordinal);
        string raw = rawEq >= 0 ? word.RawText[(rawEq + 1)..] : "";
        return new ShellAssignment(word, head[..nameEnd], append, value, raw);
    }

    public override string ToString() => Word.RawText;
}
