namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// The character classes of Go's standard library that BuildKit's parser relies on, over UTF-16.
/// </summary>
internal static class GoText
{
    /// <summary>Go's <c>unicode.IsSpace</c>: the same set as <see cref="char.IsWhiteSpace(char)"/>.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c);

    /// <summary>
    /// Go's <c>unicode.IsSpace(rune(b))</c> applied to one byte of UTF-8 (BuildKit does this in places):
    /// ASCII white space plus 0x85 and 0xA0.
    /// </summary>
    public static bool IsByteSpace(char b) =>
        b is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0';

    /// <summary>The class of BuildKit's <c>reWhitespace</c> regex, <c>[\t\v\f\r ]</c>.</summary>
    public static bool IsRegexWhitespace(char c) => c is '\t' or '\v' or '\f' or '\r' or ' ';

    /// <summary>RE2's <c>\s</c>: <c>[\t\n\f\r ]</c>.</summary>
    public static bool IsRe2Space(char c) => c is '\t' or '\n' or '\f' or '\r' or ' ';

    /// <summary>Go's <c>strings.TrimSpace</c> on <c>text[start..end)</c>, as new bounds.</summary>
    public static (int Start, int End) TrimSpace(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Go's <c>strings.TrimSpace</c>.</summary>
    public static string TrimSpace(string text)
    {
        (int start, int end) = TrimSpace(text, 0, text.Length);
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>
    /// Go's <c>reWhitespace.Split(s, -1)</c> for a string without leading or trailing white space
    /// (every caller trims first): the runs of <c>[\t\v\f\r ]</c> separate the parts.
    /// </summary>
    public static List<string> SplitRegexWhitespace(string s)
    {
        var parts = new List<string>();
        int i = 0;
        while (i <= s.Length)
        {
            int start = i;
            while (i < s.Length && !IsRegexWhitespace(s[i]))
            {
                i++;
            }

            if (i == s.Length)
            {
                parts.Add(s[start..]);
                break;
            }

            parts.Add(s[start..i]);
            while (i < s.Length && IsRegexWhitespace(s[i]))
            {
                i++;
            }

            if (i == s.Length)
            {
                // A trailing separator leaves an empty last part, as regexp.Split does.
                parts.Add(string.Empty);
                break;
            }
        }

        return parts;
    }

    /// <summary>The index of the first character of the first <c>[\t\v\f\r ]</c> run, or -1.</summary>
    public static int IndexOfRegexWhitespace(string s, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (IsRegexWhitespace(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Go's <c>strings.ToLower</c> (simple case mapping).</summary>
    public static string ToLower(string s) => s.ToLowerInvariant();
}
