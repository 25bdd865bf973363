using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// One line of a requirements file after pip's preprocessing (continuations joined, comment removed,
/// <c>${VAR}</c> expanded), with the file offset of every character so spans map back to the file.
/// </summary>
internal sealed class LogicalLine
{
    private readonly int[] _offsets;

    public LogicalLine(string text, int[] offsets, int endOffset, int firstLine)
    {
        Text = text;
        _offsets = offsets;
        EndOffset = endOffset;
        FirstLine = firstLine;
    }

    public string Text { get; }

    /// <summary>The file offset just after the line's last character.</summary>
    public int EndOffset { get; }

    /// <summary>The 1-based physical line the logical line starts on.</summary>
    public int FirstLine { get; }

    /// <summary>Maps a span of <see cref="Text"/> to a span of the file.</summary>
    public TextSpan Map(TextSpan span)
    {
        int start = span.Start < _offsets.Length ? _offsets[span.Start] : EndOffset;
        int end = span.IsEmpty ? start : span.End - 1 < _offsets.Length ? _offsets[span.End - 1] + 1 : EndOffset;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
