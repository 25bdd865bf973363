using System.Text;

namespace Headroom.Rules.Fixing;

/// <summary>Applies text edits to a text: every character outside the edits stays as it was.</summary>
public static class TextEdits
{
    /// <summary>The text with the edits applied. Edits must not overlap (insertions at the same offset apply in the given order).</summary>
    /// <exception cref="ArgumentException">Two edits overlap or one lies outside the text.</exception>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        TextEdit[] ordered = [.. edits.Select((e, i) => (e, i)).OrderBy(p => p.e.Span.Start).ThenBy(p => p.i).Select(p => p.e)];
        var result = new StringBuilder(text.Length + 64);
        int position = 0;
        foreach (TextEdit edit in ordered)
        {
            if (edit.Span.Start < position || edit.Span.End > text.Length)
            {
                throw new ArgumentException($"edit {edit.Span} overlaps another edit or lies outside the text ({text.Length} characters)", nameof(edits));
            }

            result.Append(text, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Whether two edits touch the same characters (two insertions at one offset do not overlap).</summary>
    public static bool Overlap(TextEdit a, TextEdit b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Span.Length == 0 || b.Span.Length == 0)
        {
            return a.Span.Length != b.Span.Length
                && (a.Span.Length == 0 ? b.Span.Start < a.Span.Start && a.Span.Start < b.Span.End : a.Span.Start < b.Span.Start && b.Span.Start < a.Span.End);
        }

        return a.Span.Start < b.Span.End && b.Span.Start < a.Span.End;
    }

    /// <summary>The line ending the text uses (the first one found), "\n" when it has none: inserted lines use it.</summary>
    public static string NewLineOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int n = text.IndexOf('\n', StringComparison.Ordinal);
        return n > 0 && text[n - 1] == '\r' ? "\r\n" : "\n";
    }
}
