using System.Text;

namespace Headroom.Dockerfiles.Expansion;

/// <summary>
/// Splits processed text into words as BuildKit's wordsStruct does: blanks from plain text and from
/// variable values separate words, quoted text and escaped characters never do, and an empty quoted
/// string alone does not make a word. Does nothing when no word list is wanted.
/// </summary>
internal struct WordCollector(StringBuilder buffer, List<string>? words)
{
    private bool _inWord;

    /// <summary>Clears the shared buffer, also when no words are wanted (BuildKit's quirk, see ShellWordProcessor).</summary>
    public readonly void Reset() => buffer.Clear();

    public void AddChar(char ch)
    {
        if (words is null)
        {
            return;
        }

        if (!char.IsWhiteSpace(ch))
        {
            AddRawChar(ch);
        }
        else if (_inWord && buffer.Length != 0)
        {
            words.Add(buffer.ToString());
            buffer.Clear();
            _inWord = false;
        }
    }

    public void AddRawChar(char ch)
    {
        if (words is null)
        {
            return;
        }

        buffer.Append(ch);
        _inWord = true;
    }

    public void AddString(string text)
    {
        if (words is null)
        {
            return;
        }

        foreach (char ch in text)
        {
            AddChar(ch);
        }
    }

    public void AddRawString(string text)
    {
        if (words is null)
        {
            return;
        }

        buffer.Append(text);
        _inWord = true;
    }

    public void Finish()
    {
        if (words is null || buffer.Length == 0)
        {
            return;
        }

        words.Add(buffer.ToString());
        buffer.Clear();
        _inWord = false;
    }
}
