namespace Headroom.Shell;

/// <summary>
/// The value a word takes when its parameter expansions are known: <c>${PYINDEX}/cpu/simple</c> with
/// <c>PYINDEX=http://127.0.0.1:8000</c> gives <c>http://127.0.0.1:8000/cpu/simple</c>. Only the plain forms
/// expand (<c>$NAME</c>, <c>${NAME}</c>, and <c>${NAME:-word}</c>/<c>${NAME-word}</c> with a literal word); a
/// command substitution, arithmetic, a special parameter or an unknown variable leaves the word unknown.
/// </summary>
public static class WordExpansion
{
    /// <summary>
    /// The expanded word, or null when a part cannot be known. A variable that <paramref name="environment"/>
    /// holds with an unknown value, or does not hold at all, leaves <c>$NAME</c> unknown (the base image may set
    /// it); <c>${NAME-word}</c> takes its word only when the variable is explicitly unset or absent.
    /// </summary>
    public static string? Expand(ShellWord word, ShellEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(environment);
        if (word.Value is { } literal)
        {
            return literal;
        }

        var text = new System.Text.StringBuilder();
        foreach (WordPart part in word.Parts)
        {
            string? value = part.Value ?? (part.Kind == WordPartKind.Parameter ? Parameter(Raw(word, part), environment) : null);
            if (value is null)
            {
                return null;
            }

            text.Append(value);
        }

        return text.ToString();
    }

    private static string Raw(ShellWord word, WordPart part)
    {
        int start = part.LocalSpan.Start - word.LocalSpan.Start;
        return start >= 0 && start + part.LocalSpan.Length <= word.RawText.Length
            ? word.RawText.Substring(start, part.LocalSpan.Length)
            : string.Empty;
    }

    private static string? Parameter(string raw, ShellEnvironment environment)
    {
        if (raw.Length < 2 || raw[0] != '$')
        {
            return null;
        }

        if (raw[1] != '{')
        {
            return ShellNames.IsName(raw.AsSpan(1)) ? environment.Find(raw[1..])?.Value : null;
        }

        if (!raw.EndsWith('}'))
        {
            return null;
        }

        string inner = raw[2..^1];
        int end = 0;
        while (end < inner.Length && (end == 0 ? ShellNames.IsNameStart(inner[end]) : ShellNames.IsNameChar(inner[end])))
        {
            end++;
        }

        if (end == 0)
        {
            return null;
        }

        ShellVariable? variable = environment.Find(inner[..end]);
        string rest = inner[end..];
        if (rest.Length == 0)
        {
            return variable?.Value;
        }

        // ${NAME:-word} uses the word when NAME is unset or empty; ${NAME-word} only when it is unset.
        bool colon = rest.StartsWith(":-", StringComparison.Ordinal);
        if (!colon && !rest.StartsWith('-'))
        {
            return null;
        }

        if (variable is not null && variable.Value is null)
        {
            return null;
        }

        string fallback = rest[(colon ? 2 : 1)..];
        string? value = variable?.Value;
        if (value is not null && (!colon || value.Length > 0))
        {
            return value;
        }

        return fallback.AsSpan().IndexOfAny("$`\"'\\") < 0 ? fallback : null;
    }
}
