using System.Text;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>The outcome of reading the arguments of an instruction as a JSON array.</summary>
internal enum JsonArrayOutcome
{
    /// <summary>Not a JSON array, or not valid JSON: BuildKit falls back to the shell form.</summary>
    NotJson,

    /// <summary>A JSON array of strings.</summary>
    Strings,

    /// <summary>Valid JSON, but an element is not a string: an error in BuildKit.</summary>
    NotStringArray,
}

/// <summary>
/// BuildKit's <c>parseJSON</c>: Go's <c>json.Unmarshal</c> into <c>[]any</c>. The whole text is checked
/// against the JSON grammar first (Go's scanner, nesting limited to 10000), then the strings are decoded
/// the way Go decodes them (bad surrogate escapes become U+FFFD).
/// </summary>
internal static class JsonArrayReader
{
    private const int MaxDepth = 10000;

    public static JsonArrayOutcome Read(string text, out List<string> values)
    {
        values = [];
        int start = 0;
        while (start < text.Length && GoText.IsSpace(text[start]))
        {
            start++;
        }

        if (start == text.Length || text[start] != '[')
        {
            return JsonArrayOutcome.NotJson;
        }

        if (!IsValid(text, start))
        {
            return JsonArrayOutcome.NotJson;
        }

        // Valid JSON whose top level is an array: collect its elements.
        int pos = start + 1;
        SkipWhite(text, ref pos);
        if (text[pos] == ']')
        {
            return JsonArrayOutcome.Strings;
        }

        while (true)
        {
            SkipWhite(text, ref pos);
            if (text[pos] != '"')
            {
                values = [];
                return JsonArrayOutcome.NotStringArray;
            }

            values.Add(DecodeString(text, ref pos));
            SkipWhite(text, ref pos);
            if (text[pos] == ']')
            {
                return JsonArrayOutcome.Strings;
            }

            pos++; // ','
        }
    }

    private static void SkipWhite(string s, ref int pos)
    {
        while (pos < s.Length && IsJsonWhite(s[pos]))
        {
            pos++;
        }
    }

    private static bool IsJsonWhite(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Checks that <c>s[start..]</c> is exactly one JSON value plus white space.</summary>
    private static bool IsValid(string s, int start)
    {
        int pos = start;
        // The stack holds the open containers: '[' or '{'.
        var stack = new Stack<char>();
        while (true)
        {
            // Expect a value.
            SkipWhite(s, ref pos);
            if (pos >= s.Length)
            {
                return false;
            }

            char c = s[pos];
            if (c is '[' or '{')
            {
                if (stack.Count + 1 > MaxDepth)
                {
                    return false;
                }

                stack.Push(c);
                pos++;
                SkipWhite(s, ref pos);
                if (pos >= s.Length)
                {
                    return false;
                }

                if (c == '[' && s[pos] == ']')
                {
                    stack.Pop();
                    pos++;
                }
                else if (c == '{' && s[pos] == '}')
                {
                    stack.Pop();
                    pos++;
                }
                else if (c == '{')
                {
                    if (!ScanString(s, ref pos) || !ExpectColon(s, ref pos))
                    {
                        return false;
                    }

                    continue;
                }
                else
                {
                    continue;
                }
            }
            else if (!ScanScalar(s, ref pos))
            {
                return false;
            }

            // After a value: a separator, a close, or the end.
            while (true)
            {
                SkipWhite(s, ref pos);
                if (stack.Count == 0)
                {
                    return pos == s.Length;
                }

                if (pos >= s.Length)
                {
                    return false;
                }

                char top = stack.Peek();
                char next = s[pos];
                if (next == ',')
                {
                    pos++;
                    if (top == '{')
                    {
                        SkipWhite(s, ref pos);
                        if (!ScanString(s, ref pos) || !ExpectColon(s, ref pos))
                        {
                            return false;
                        }
                    }

                    break;
                }

                if ((top == '[' && next == ']') || (top == '{' && next == '}'))
                {
                    stack.Pop();
                    pos++;
                    continue;
                }

                return false;
            }
        }
    }

    private static bool ExpectColon(string s, ref int pos)
    {
        SkipWhite(s, ref pos);
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool ScanScalar(string s, ref int pos)
    {
        char c = s[pos];
        if (c == '"')
        {
            return ScanString(s, ref pos);
        }

        if (c == '-' || (c >= '0' && c <= '9'))
        {
            return ScanNumber(s, ref pos);
        }

        foreach (string literal in (ReadOnlySpan<string>)["true", "false", "null"])
        {
            if (string.CompareOrdinal(s, pos, literal, 0, literal.Length) == 0)
            {
                pos += literal.Length;
                return true;
            }
        }

        return false;
    }

    private static bool ScanNumber(string s, ref int pos)
    {
        if (s[pos] == '-')
        {
            pos++;
        }

        if (pos >= s.Length)
        {
            return false;
        }

        if (s[pos] == '0')
        {
            pos++;
        }
        else if (s[pos] is >= '1' and <= '9')
        {
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }
        }
        else
        {
            return false;
        }

        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            if (pos >= s.Length || !char.IsAsciiDigit(s[pos]))
            {
                return false;
            }

            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }
        }

        if (pos < s.Length && s[pos] is 'e' or 'E')
        {
            pos++;
            if (pos < s.Length && s[pos] is '+' or '-')
            {
                pos++;
            }

            if (pos >= s.Length || !char.IsAsciiDigit(s[pos]))
            {
                return false;
            }

            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }
        }

        return true;
    }

    private static bool ScanString(string s, ref int pos)
    {
        if (pos >= s.Length || s[pos] != '"')
        {
            return false;
        }

        pos++;
        while (pos < s.Length)
        {
            char c = s[pos];
            if (c == '"')
            {
                pos++;
                return true;
            }

            if (c < 0x20)
            {
                return false;
            }

            if (c == '\\')
            {
                pos++;
                if (pos >= s.Length)
                {
                    return false;
                }

                char e = s[pos];
                if (e == 'u')
                {
                    for (int k = 1; k <= 4; k++)
                    {
                        if (pos + k >= s.Length || !char.IsAsciiHexDigit(s[pos + k]))
                        {
                            return false;
                        }
                    }

                    pos += 5;
                    continue;
                }

                if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    return false;
                }
            }

            pos++;
        }

        return false;
    }

    /// <summary>Decodes a string already known to be valid, the way Go's encoding/json does.</summary>
    private static string DecodeString(string s, ref int pos)
    {
        pos++; // opening quote
        int start = pos;
        while (s[pos] != '"' && s[pos] != '\\' && !char.IsSurrogate(s[pos]))
        {
            pos++;
        }

        if (s[pos] == '"')
        {
            string fast = s[start..pos];
            pos++;
            return fast;
        }

        var builder = new StringBuilder();
        builder.Append(s, start, pos - start);
        while (true)
        {
            char c = s[pos];
            if (c == '"')
            {
                pos++;
                return builder.ToString();
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && pos + 1 < s.Length && char.IsLowSurrogate(s[pos + 1]))
                {
                    builder.Append(c).Append(s[pos + 1]);
                    pos += 2;
                }
                else
                {
                    // Invalid UTF-8 in Go; Go's decoder writes U+FFFD.
                    builder.Append('\uFFFD');
                    pos++;
                }

                continue;
            }

            if (c != '\\')
            {
                builder.Append(c);
                pos++;
                continue;
            }

            char e = s[pos + 1];
            pos += 2;
            switch (e)
            {
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    AppendUnicodeEscape(builder, s, ref pos);
                    break;
                default:
                    builder.Append(e);
                    break;
            }
        }
    }

    private static void AppendUnicodeEscape(StringBuilder builder, string s, ref int pos)
    {
        int first = ParseHex4(s, pos);
        pos += 4;
        if (!char.IsSurrogate((char)first))
        {
            builder.Append((char)first);
            return;
        }

        // Go: a high surrogate followed by a "\uXXXX" low surrogate makes one rune; anything else is
        // U+FFFD and the following escape is left for the next round.
        if (char.IsHighSurrogate((char)first) && pos + 6 <= s.Length && s[pos] == '\\' && s[pos + 1] == 'u')
        {
            int second = ParseHex4(s, pos + 2);
            if (char.IsLowSurrogate((char)second))
            {
                builder.Append((char)first).Append((char)second);
                pos += 6;
                return;
            }
        }

        builder.Append('\uFFFD');
    }

    private static int ParseHex4(string s, int pos)
    {
        int value = 0;
        for (int k = 0; k < 4; k++)
        {
            char h = s[pos + k];
            value = (value << 4) | (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }

        return value;
    }
}
