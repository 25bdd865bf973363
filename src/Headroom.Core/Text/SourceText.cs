namespace Headroom.Text;

/// <summary>
/// The text of one input file, with its path (as given by the caller, for messages) and a line index.
/// Lines end at "\n"; a "\r" before it belongs to the line's terminator.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Path = path;
        _lineStarts = ComputeLineStarts(text);
    }

    public string Text { get; }

    public string? Path { get; }

    public int Length => Text.Length;

    /// <summary>Number of lines; a final line without a terminator counts, an empty text has one line.</summary>
    public int LineCount => _lineStarts.Length;

    public char this[int index] => Text[index];

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public ReadOnlySpan<char> AsSpan(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    /// <summary>The 1-based line and column of an offset (an offset equal to Length is allowed).</summary>
    public LinePosition GetPosition(int offset)
    {
        if ((uint)offset > (uint)Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The offset where a 1-based line starts.</summary>
    public int GetLineStart(int line) => _lineStarts[line - 1];

    /// <summary>The span of a 1-based line without its terminator.</summary>
    public TextSpan GetLineSpan(int line)
    {
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        if (end > start && Text[end - 1] == '\n')
        {
            end--;
            if (end > start && Text[end - 1] == '\r')
            {
                end--;
            }
        }

        return TextSpan.FromBounds(start, end);
    }

    public override string ToString() => Text;

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        // A trailing "\n" does not open a new line for positions; keep the index, it is harmless:
        // GetPosition(Length) then reports the empty last line, as editors do.
        return [.. starts];
    }
}
