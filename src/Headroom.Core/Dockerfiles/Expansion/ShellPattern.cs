using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Headroom.Dockerfiles.Expansion;

/// <summary>
/// The shell wildcard patterns of <c>${V#pat}</c>, <c>${V%pat}</c> and <c>${V/pat/repl}</c> as BuildKit
/// implements them: <c>*</c> and <c>?</c> only (no brackets), <c>\</c> escapes <c>*</c>, <c>?</c> and
/// <c>\</c>, and drops before <c>}</c> and <c>/</c>. Methods return null with an error message for a bad
/// pattern; they never throw.
/// </summary>
internal static class ShellPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // One character for '?': a whole surrogate pair, as Go's regexp works on runes.
    private const string AnyCharacter = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|.)";

    /// <summary>The regular expression for a pattern (BuildKit's convertShellPatternToRegex).</summary>
    public static string? ToRegex(string pattern, bool greedy, bool anchored, out string? error)
    {
        error = null;
        var regex = new StringBuilder(pattern.Length + 4);
        if (anchored)
        {
            regex.Append('^');
        }

        string star = greedy ? ".*" : ".*?";
        for (int i = 0; i < pattern.Length; i++)
        {
            char ch = pattern[i];
            switch (ch)
            {
                case '*':
                    regex.Append(star);
                    continue;
                case '?':
                    regex.Append(AnyCharacter);
                    continue;
                case '\\':
                    if (i + 1 < pattern.Length && pattern[i + 1] is '}' or '/')
                    {
                        // Escaped only to get past the ${...} syntax; not part of the pattern.
                        continue;
                    }

                    i++;
                    if (i >= pattern.Length || pattern[i] is not ('*' or '?' or '\\'))
                    {
                        error = i >= pattern.Length
                            ? "invalid escape '\\' at the end"
                            : $"invalid escape '\\{pattern[i]}'";
                        return null;
                    }

                    regex.Append('\\').Append(pattern[i]);
                    continue;
                case '[' or ']' or '{' or '}' or '.' or '+' or '(' or ')' or '|' or '^' or '$' or '#' or ' ' or '\t'
                    or '\n' or '\r' or '\f' or '\v':
                    regex.Append('\\');
                    break;
            }

            regex.Append(ch);
        }

        return regex.ToString();
    }

    /// <summary>Removes the shortest (or, greedy, the longest) prefix matching the pattern.</summary>
    public static string? TrimPrefix(string pattern, string value, bool greedy, out string? error)
    {
        Regex? regex = Compile(pattern, greedy, anchored: true, out error);
        if (regex is null)
        {
            return null;
        }

        if (!TryMatch(regex, value, out Match? match, out error))
        {
            return null;
        }

        return match.Success ? value[(match.Index + match.Length)..] : value;
    }

    /// <summary>
    /// Removes the shortest (or longest) suffix matching the pattern: BuildKit reverses the pattern and the
    /// value to turn it into a prefix match.
    /// </summary>
    public static string? TrimSuffix(string pattern, string value, bool greedy, out string? error)
    {
        string? trimmed = TrimPrefix(ReversePattern(pattern), ReverseString(value), greedy, out error);
        return trimmed is null ? null : ReverseString(trimmed);
    }

    /// <summary>Replaces the first (or every) match; the replacement is a Go regexp template.</summary>
    public static string? Replace(string pattern, string value, string replacement, bool replaceAll, out string? error)
    {
        Regex? regex = Compile(pattern, greedy: true, anchored: false, out error);
        if (regex is null)
        {
            return null;
        }

        try
        {
            if (replaceAll)
            {
                return regex.Replace(value, match => ExpandTemplate(replacement, match));
            }

            Match first = regex.Match(value);
            return first.Success
                ? string.Concat(value.AsSpan(0, first.Index), replacement, value.AsSpan(first.Index + first.Length))
                : value;
        }
        catch (RegexMatchTimeoutException)
        {
            error = "pattern too expensive to match";
            return null;
        }
    }

    /// <summary>Reverses a pattern but keeps each escape before the character it escapes (a\*c → c\*a).</summary>
    public static string ReversePattern(string pattern)
    {
        List<string> runes = SplitRunes(pattern);
        var reversed = new string[runes.Count];
        int last = runes.Count - 1;
        for (int i = 0; i <= last;)
        {
            int target = last - i;
            if (runes[i] == "\\" && i != last)
            {
                reversed[target - 1] = runes[i];
                reversed[target] = runes[i + 1];
                i += 2;
            }
            else
            {
                reversed[target] = runes[i];
                i++;
            }
        }

        return string.Concat(reversed);
    }

    /// <summary>Reverses by Unicode scalar values (surrogate pairs stay in order).</summary>
    public static string ReverseString(string text)
    {
        List<string> runes = SplitRunes(text);
        runes.Reverse();
        return string.Concat(runes);
    }

    private static List<string> SplitRunes(string text)
    {
        var runes = new List<string>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                runes.Add(text.Substring(i, 2));
                i++;
            }
            else
            {
                runes.Add(text[i].ToString());
            }
        }

        return runes;
    }

    private static Regex? Compile(string pattern, bool greedy, bool anchored, out string? error)
    {
        string? regex = ToRegex(pattern, greedy, anchored, out error);
        return regex is null ? null : new Regex(regex, RegexOptions.CultureInvariant, MatchTimeout);
    }

    private static bool TryMatch(Regex regex, string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Match? match, out string? error)
    {
        error = null;
        try
        {
            match = regex.Match(value);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            match = null;
            error = "pattern too expensive to match";
            return false;
        }
    }

    /// <summary>
    /// Go's Regexp.Expand for a pattern without groups: <c>$$</c> is '$', <c>$0</c>/<c>${0}</c> the match,
    /// any other <c>$name</c>/<c>${name}</c> nothing; a '$' that starts no reference stays.
    /// </summary>
    private static string ExpandTemplate(string template, Match match)
    {
        if (!template.Contains('$', StringComparison.Ordinal))
        {
            return template;
        }

        var result = new StringBuilder(template.Length);
        for (int i = 0; i < template.Length; i++)
        {
            char ch = template[i];
            if (ch != '$' || i + 1 >= template.Length)
            {
                result.Append(ch);
                continue;
            }

            if (template[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }

            int start;
            int end;
            int next;
            if (template[i + 1] == '{')
            {
                start = i + 2;
                end = start;
                while (end < template.Length && IsNameChar(template[end]))
                {
                    end++;
                }

                if (end == start || end >= template.Length || template[end] != '}')
                {
                    result.Append(ch);
                    continue;
                }

                next = end + 1;
            }
            else
            {
                start = i + 1;
                end = start;
                while (end < template.Length && IsNameChar(template[end]))
                {
                    end++;
                }

                if (end == start)
                {
                    result.Append(ch);
                    continue;
                }

                next = end;
            }

            string name = template[start..end];
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int group) && group == 0)
            {
                result.Append(match.Value);
            }

            i = next - 1;
        }

        return result.ToString();
    }

    private static bool IsNameChar(char ch) => char.IsAsciiLetterOrDigit(ch) || ch == '_';
}
