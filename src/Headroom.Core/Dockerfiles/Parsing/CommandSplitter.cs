using System.Text;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>Where the parts of an instruction line are: indexes into the logical line.</summary>
internal readonly record struct SplitCommand(int CommandStart, int CommandEnd, List<BuilderFlag> Flags, int ArgsStart, int ArgsEnd);

/// <summary>
/// BuildKit's <c>splitCommand</c> and <c>extractBuilderFlags</c>. The flag scan of BuildKit works on the
/// bytes of the UTF-8 text and turns each byte into a rune, so a non-ASCII flag comes out as mojibake
/// ("é" becomes "Ã©") and the bytes 0x85 and 0xA0 inside a character count as white space. This is
/// reproduced by scanning a Latin-1 view of the UTF-8 bytes when the text is not ASCII.
/// </summary>
internal static class CommandSplitter
{
    private const int InSpaces = 0;
    private const int InWord = 1;
    private const int InQuote = 2;

    public static SplitCommand Split(string line, int start, int end, char escape)
    {
        (int ts, int te) = GoText.TrimSpace(line, start, end);
        int ws = GoText.IndexOfRegexWhitespace(line, ts, te);
        if (ws < 0)
        {
            return new SplitCommand(ts, te, [], te, te);
        }

        int restStart = ws;
        while (restStart < te && GoText.IsRegexWhitespace(line[restStart]))
        {
            restStart++;
        }

        List<BuilderFlag> flags = ExtractFlags(line, restStart, te, escape, out int argsAt);
        if (argsAt < 0)
        {
            return new SplitCommand(ts, ws, flags, te, te);
        }

        (int argsStart, int argsEnd) = GoText.TrimSpace(line, argsAt, te);
        return new SplitCommand(ts, ws, flags, argsStart, argsEnd);
    }

    /// <summary>The flags before the arguments; <paramref name="argsAt"/> is where the rest starts, or -1 for none.</summary>
    private static List<BuilderFlag> ExtractFlags(string line, int start, int end, char escape, out int argsAt)
    {
        ReadOnlySpan<char> span = line.AsSpan(start, end - start);
        // Fast exit: the common case has no flags at all.
        if (span.Length < 2 || span[0] != '-' || span[1] != '-')
        {
            argsAt = start;
            return [];
        }

        if (System.Text.Ascii.IsValid(span))
        {
            return Scan(line.AsSpan(start, end - start), escape, start, null, end, out argsAt, latin1: false);
        }

        // The Latin-1 view of the UTF-8 bytes, and for each byte the index of its character.
        byte[] bytes = Encoding.UTF8.GetBytes(line, start, end - start);
        int[] map = new int[bytes.Length + 1];
        var view = new char[bytes.Length];
        int b = 0;
        for (int i = start; i < end; i++)
        {
            int count = char.IsHighSurrogate(line[i]) && i + 1 < end && char.IsLowSurrogate(line[i + 1])
                ? 4
                : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            for (int k = 0; k < count && b < bytes.Length; k++)
            {
                view[b] = (char)bytes[b];
                map[b] = i;
                b++;
            }

            if (count == 4)
            {
                i++;
            }
        }

        map[bytes.Length] = end;
        return Scan(view, escape, start, map, end, out argsAt, latin1: true);
    }

    private static List<BuilderFlag> Scan(ReadOnlySpan<char> v, char escape, int offset, int[]? map, int end, out int argsAt, bool latin1)
    {
        var words = new List<BuilderFlag>();
        var builder = new StringBuilder();
        int phase = InSpaces;
        char quote = '\0';
        bool blankOk = false;
        char ch = '\0';
        int wordStart = 0;
        for (int pos = 0; pos <= v.Length; pos++)
        {
            if (pos != v.Length)
            {
                ch = v[pos];
            }

            if (phase == InSpaces)
            {
                if (pos == v.Length)
                {
                    break;
                }

                if (GoText.IsByteSpace(ch))
                {
                    continue;
                }

                if (ch != '-' || pos + 1 == v.Length || v[pos + 1] != '-')
                {
                    argsAt = ToLine(pos, offset, map, end, roundUp: true);
                    return words;
                }

                phase = InWord;
                wordStart = pos;
            }

            if ((phase is InWord or InQuote) && pos == v.Length)
            {
                string word = builder.ToString();
                if (word != "--" && (blankOk || word.Length > 0))
                {
                    words.Add(MakeFlag(word, wordStart, pos, offset, map, end, latin1));
                }

                break;
            }

            if (phase == InWord)
            {
                if (GoText.IsByteSpace(ch))
                {
                    string word = builder.ToString();
                    phase = InSpaces;
                    if (word == "--")
                    {
                        argsAt = ToLine(pos, offset, map, end, roundUp: true);
                        return words;
                    }

                    if (blankOk || word.Length > 0)
                    {
                        words.Add(MakeFlag(word, wordStart, pos, offset, map, end, latin1));
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
                    continue;
                }

                if (ch == escape)
                {
                    if (pos + 1 == v.Length)
                    {
                        continue;
                    }

                    pos++;
                    ch = v[pos];
                }

                builder.Append(ch);
                continue;
            }

            // InQuote
            if (ch == quote)
            {
                phase = InWord;
                continue;
            }

            if (ch == escape)
            {
                if (pos + 1 == v.Length)
                {
                    phase = InWord;
                    continue;
                }

                pos++;
                ch = v[pos];
            }

            builder.Append(ch);
        }

        argsAt = -1;
        return words;
    }

    private static BuilderFlag MakeFlag(string raw, int start, int end, int offset, int[]? map, int lineEnd, bool latin1)
    {
        string text = latin1 ? Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(raw)) : raw;
        return new BuilderFlag(raw, text, ToLine(start, offset, map, lineEnd, roundUp: false), ToLine(end, offset, map, lineEnd, roundUp: true));
    }

    /// <summary>A view index as an index into the line (a byte inside a character rounds as asked).</summary>
    private static int ToLine(int pos, int offset, int[]? map, int end, bool roundUp)
    {
        if (map == null)
        {
            return offset + pos;
        }

        if (pos >= map.Length - 1)
        {
            return end;
        }

        int index = map[pos];
        if (roundUp && pos > 0 && map[pos - 1] == index)
        {
            while (pos < map.Length - 1 && map[pos] == index)
            {
                pos++;
            }

            return pos >= map.Length - 1 ? end : map[pos];
        }

        return index;
    }
}
