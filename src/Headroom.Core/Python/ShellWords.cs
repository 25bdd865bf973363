using System.Text;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>POSIX <c>shlex.split</c> for pip's option parsing, with each word's span in the input.</summary>
internal static class ShellWords
{
    public static List<(string Word, TextSpan Span)>? Split(string text, int start, out string? error)
    {
        var words = new List<(string, TextSpan)>();
        int i = start;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                error = null;
                return words;
            }

            int wordStart = i;
            var word = new StringBuilder();
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                char c = text[i];
                if (c is '\'' or '"')
                {
                    int close = i + 1;
                    while (close < text.Length && text[close] != c)
                    {
                        if (c == '"' && text[close] == '\\' && close + 1 < text.Length && text[close + 1] is '"' or '\\' or '$' or '`')
                        {
                            close++;
                        }

                        word.Append(text[close]);
                        close++;
                    }

                    if (close >= text.Length)
                    {
                        error = "no closing quotation";
                        return null;
                    }

                    i = close + 1;
                }
                else if (c == '\\' && i + 1 < text.Length)
                {
                    word.Append(text[i + 1]);
                    i += 2;
                }
                else
                {
                    word.Append(c);
                    i++;
                }
            }

            words.Add((word.ToString(), TextSpan.FromBounds(wordStart, i)));
        }
    }
}
