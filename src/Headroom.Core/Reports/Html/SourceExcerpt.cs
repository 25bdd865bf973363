using Headroom.Text;

namespace Headroom.Reports.Html;

/// <summary>Lines of a source file around a finding: <see cref="MarkFrom"/> to <see cref="MarkTo"/> (1-based, inclusive) are the finding's.</summary>
public sealed record SourceExcerpt(int FirstLine, IReadOnlyList<string> Lines, int MarkFrom, int MarkTo)
{
    /// <summary>At most this many marked lines are shown (a finding on a 200-line RUN shows its start).</summary>
    public const int MaxMarkedLines = 12;

    /// <summary>Lines <paramref name="startLine"/>..<paramref name="endLine"/> with <paramref name="context"/> lines either side, clipped to the file.</summary>
    public static SourceExcerpt Of(SourceText source, int startLine, int endLine, int context = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        startLine = Math.Clamp(startLine, 1, source.LineCount);
        endLine = Math.Clamp(Math.Max(endLine, startLine), startLine, Math.Min(source.LineCount, startLine + MaxMarkedLines - 1));
        int first = Math.Max(1, startLine - context);
        int last = Math.Min(source.LineCount, endLine + context);
        var lines = new List<string>(last - first + 1);
        for (int line = first; line <= last; line++)
        {
            lines.Add(source.ToString(source.GetLineSpan(line)));
        }

        return new SourceExcerpt(first, lines, startLine, endLine);
    }
}
