using System.Text;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// BuildKit's <c>parseWords</c> (ARG, ENV, LABEL): words split on white space outside quotes; quotes
/// and escapes stay in the words.
/// </summary>
internal static class ArgumentWords
{
    private const int InSpaces = 0;
    private const int InWord = 1;
    private const int InQuote = 2;

    public static List<string> Split(string rest, char escape)
    {
        var words = new List<string>();
        int phase = InSpaces;
        char quote = '\0';
        bool blankOk = false;
        var builder = new StringBuilder();
        for (int pos = 0; pos <= rest.Length; pos++)
        {
            char ch = pos < rest.Length ? rest[pos] : '\0';
            if (phase == InSpaces)
            {
                if (pos == rest.Length)
                {
                    break;
                }

                if (GoText.IsSpace(ch))
                {
                    continue;
                }

                phase = InWord;
            }

            if (pos == rest.Length)
            {
                if (blankOk || builder.Length > 0)
                {
                    words.Add(builder.ToString());
                }

                break;
            }

            if (phase == InWord)
            {
                if (GoText.IsSpace(ch))
                {
                    phase = InSpaces;
                    if (blankOk || builder.Length > 0)
                    {
                        words.Add(builder.ToString());
                    }

                    builder.Clear();
                    blankOk = false;
                    continue;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = InQuote;
                }

                if (ch == escape)
                {
                    if (pos + 1 == rest.Length)
                    {
                        continue;
                    }

                    // Outside quotes the escape and the next character are both kept, even a quote.
                    builder.Append(ch);
                    pos++;
                    ch = rest[pos];
                }

                builder.Append(ch);
                continue;
            }

            // InQuote
            if (ch == quote)
            {
                phase = InWord;
            }

            if (ch == escape && quote != '\'')
            {
                if (pos + 1 == rest.Length)
                {
                    phase = InWord;
                    continue;
                }

                pos++;
                builder.Append(ch);
                ch = rest[pos];
            }

            builder.Append(ch);
        }

        return words;
    }
}
