using System.Globalization;
using System.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// Go's <c>strconv.Quote</c> (and so <c>fmt</c>'s <c>%q</c>) over the UTF-8 form of a string: printable
/// runes stay as they are, <c>"</c> and <c>\</c> get a backslash, <c>\a \b \f \n \r \t \v</c> are named,
/// other control characters become <c>\xHH</c>, other non-printable runes <c>\uHHHH</c> or
/// <c>\UHHHHHHHH</c> (lower-case hex). A lone surrogate (invalid in UTF-8) is written as U+FFFD, which
/// is what encoding the string to UTF-8 gives.
/// </summary>
public static class GoQuote
{
    private const string LowerHex = "0123456789abcdef";

    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2);
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends the quoted form of <paramref name="value"/>.</summary>
    public static void Append(StringBuilder builder, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        builder.Append('"');
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            if (c < 0x80)
            {
                AppendAscii(builder, c);
                i++;
                continue;
            }

            Rune rune;
            if (Rune.TryGetRuneAt(value, i, out Rune decoded))
            {
                rune = decoded;
                i += rune.Utf16SequenceLength;
            }
            else
            {
                rune = Rune.ReplacementChar;
                i++;
            }

            if (IsPrint(rune))
            {
                builder.Append(rune.ToString());
            }
            else if (rune.Value < 0x10000)
            {
                builder.Append("\\u");
                AppendHex(builder, rune.Value, 4);
            }
            else
            {
                builder.Append("\\U");
                AppendHex(builder, rune.Value, 8);
            }
        }

        builder.Append('"');
    }

    /// <summary>A Go <c>%q</c> of a string slice: <c>["a" "b"]</c>.</summary>
    public static void AppendSlice(StringBuilder builder, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(values);
        builder.Append('[');
        bool first = true;
        foreach (string value in values)
        {
            if (!first)
            {
                builder.Append(' ');
            }

            Append(builder, value);
            first = false;
        }

        builder.Append(']');
    }

    /// <summary>Go's <c>strconv.IsPrint</c>: letters, marks, numbers, punctuation, symbols and U+0020.</summary>
    public static bool IsPrint(Rune rune)
    {
        if (rune.Value < 0x80)
        {
            return rune.Value is >= 0x20 and < 0x7F;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }

    private static void AppendAscii(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '"':
                builder.Append("\\\"");
                return;
            case '\\':
                builder.Append("\\\\");
                return;
            case '\a':
                builder.Append("\\a");
                return;
            case '\b':
                builder.Append("\\b");
                return;
            case '\f':
                builder.Append("\\f");
                return;
            case '\n':
                builder.Append("\\n");
                return;
            case '\r':
                builder.Append("\\r");
                return;
            case '\t':
                builder.Append("\\t");
                return;
            case '\v':
                builder.Append("\\v");
                return;
        }

        if (c < ' ' || c == 0x7F)
        {
            builder.Append("\\x");
            AppendHex(builder, c, 2);
            return;
        }

        builder.Append(c);
    }

    private static void AppendHex(StringBuilder builder, int value, int digits)
    {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        {
            builder.Append(LowerHex[(value >> shift) & 0xF]);
        }
    }
}
