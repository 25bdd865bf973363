using System.Text;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// Joins the pieces of an instruction's physical lines into BuildKit's logical line, remembering where
/// each piece came from. Reused across instructions; appending is linear in the text.
/// </summary>
internal sealed class LogicalLineBuilder(string source)
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _starts = [];
    private readonly List<int> _sourceStarts = [];

    public int Length => _text.Length;

    public void Reset()
    {
        _text.Clear();
        _starts.Clear();
        _sourceStarts.Clear();
    }

    /// <summary>Appends <c>source[start..end)</c>.</summary>
    public void Append(int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        _starts.Add(_text.Length);
        _sourceStarts.Add(start);
        _text.Append(source, start, end - start);
    }

    /// <summary>The joined line; <paramref name="emptyAt"/> is the source offset an empty line maps to.</summary>
    public MappedText Build(int emptyAt)
    {
        if (_starts.Count == 0)
        {
            return new MappedText(string.Empty, [0], [emptyAt]);
        }

        return new MappedText(_text.ToString(), [.. _starts], [.. _sourceStarts]);
    }
}
