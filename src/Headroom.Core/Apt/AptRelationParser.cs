namespace Headroom.Apt;

/// <summary>
/// Parses relationship fields (deb-control(5) "Syntax of relationship fields"): comma-separated
/// groups of <c>|</c>-separated alternatives, each <c>name[:archqual] [(op version)] [[arch...]] [&lt;profile&gt;...]</c>.
/// </summary>
public static class AptRelationParser
{
    /// <summary>Parses a Depends-like field into its AND-list of OR-groups; throws <see cref="FormatException"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<AptRelation>> ParseGroups(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var groups = new List<IReadOnlyList<AptRelation>>();
        if (string.IsNullOrWhiteSpace(field))
        {
            return groups;
        }

        string[] parts = field.Split(',');
        for (int k = 0; k < parts.Length; k++)
        {
            string groupText = parts[k];
            if (string.IsNullOrWhiteSpace(groupText))
            {
                // dpkg tolerates a trailing comma; an empty group anywhere else is an error.
                if (k > 0 && k == parts.Length - 1)
                {
                    continue;
                }

                throw new FormatException($"empty relation in '{Shorten(field)}'");
            }

            var alternatives = new List<AptRelation>();
            foreach (string alternative in groupText.Split('|'))
            {
                alternatives.Add(ParseOne(alternative));
            }

            groups.Add(alternatives);
        }

        return groups;
    }

    /// <summary>Parses a field without alternatives (Provides, Conflicts, Breaks); throws <see cref="FormatException"/>.</summary>
    public static IReadOnlyList<AptRelation> ParseList(string field)
    {
        IReadOnlyList<IReadOnlyList<AptRelation>> groups = ParseGroups(field);
        if (groups.Any(g => g.Count != 1))
        {
            throw new FormatException($"alternatives ('|') are not allowed in '{Shorten(field)}'");
        }

        return [.. groups.Select(g => g[0])];
    }

    /// <summary>Parses one relation: <c>python3:any (&gt;= 3.11~)</c>.</summary>
    public static AptRelation ParseOne(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> s = text.AsSpan();
        int i = SkipSpace(s, 0);
        int start = i;
        while (i < s.Length && IsNameChar(s[i]))
        {
            i++;
        }

        if (i == start)
        {
            throw new FormatException($"missing package name in '{Shorten(text)}'");
        }

        string name = s[start..i].ToString();
        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            throw new FormatException($"bad package name '{name}'");
        }

        string? qualifier = null;
        if (i < s.Length && s[i] == ':')
        {
            int q = ++i;
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '-'))
            {
                i++;
            }

            if (i == q)
            {
                throw new FormatException($"empty architecture qualifier after '{name}:'");
            }

            qualifier = s[q..i].ToString();
        }

        i = SkipSpace(s, i);
        AptRelationOperator op = AptRelationOperator.Any;
        DebianVersion? version = null;
        if (i < s.Length && s[i] == '(')
        {
            int close = s[i..].IndexOf(')');
            if (close < 0)
            {
                throw new FormatException($"unclosed '(' in '{Shorten(text)}'");
            }

            ReadOnlySpan<char> inner = s.Slice(i + 1, close - 1).Trim();
            i += close + 1;
            int opLength = 0;
            while (opLength < inner.Length && inner[opLength] is '<' or '>' or '=')
            {
                opLength++;
            }

            op = inner[..opLength] switch
            {
                "<<" => AptRelationOperator.Earlier,
                "<=" or "<" => AptRelationOperator.EarlierOrEqual,
                "=" => AptRelationOperator.Equal,
                ">=" or ">" => AptRelationOperator.LaterOrEqual,
                ">>" => AptRelationOperator.Later,
                _ => throw new FormatException($"bad version operator in '{Shorten(text)}'"),
            };
            string versionText = inner[opLength..].Trim().ToString();
            if (!DebianVersion.TryParse(versionText, out version, out string? error))
            {
                throw new FormatException($"bad version '{versionText}' in '{Shorten(text)}': {error}");
            }

            i = SkipSpace(s, i);
        }

        var architectures = new List<string>();
        if (i < s.Length && s[i] == '[')
        {
            int close = s[i..].IndexOf(']');
            if (close < 0)
            {
                throw new FormatException($"unclosed '[' in '{Shorten(text)}'");
            }

            architectures.AddRange(s.Slice(i + 1, close - 1).ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            i = SkipSpace(s, i + close + 1);
        }

        // Build profiles (<!nocheck> <stage1>) only matter to source packages: skipped.
        while (i < s.Length && s[i] == '<')
        {
            int close = s[i..].IndexOf('>');
            if (close < 0)
            {
                throw new FormatException($"unclosed '<' in '{Shorten(text)}'");
            }

            i = SkipSpace(s, i + close + 1);
        }

        if (i < s.Length)
        {
            throw new FormatException($"unexpected '{s[i]}' in '{Shorten(text)}'");
        }

        return new AptRelation(name, qualifier, op, version, architectures);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or '_';

    private static int SkipSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static string Shorten(string text)
    {
        string t = text.Trim().ReplaceLineEndings(" ");
        return t.Length > 80 ? t[..77] + "..." : t;
    }
}
