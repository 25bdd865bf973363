namespace Headroom.Dockerfiles.Parsing;

/// <summary>A directive line recognised by <see cref="DirectiveScanner"/>.</summary>
internal readonly record struct DirectiveMatch(string Name, string Value);

/// <summary>
/// BuildKit's <c>DirectiveParser.ParseLine</c>: while no other line has been seen, a line
/// <c>#key=value</c> (regex <c>^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$</c> after the comment prefix and
/// white space) with a known key (syntax, escape, check; case-insensitive) is a directive. Anything
/// else ends the scan for good. A repeated key is an error and does not end the scan.
/// </summary>
internal sealed class DirectiveScanner(string prefix)
{
    public const string Syntax = "syntax";
    public const string Escape = "escape";
    public const string Check = "check";

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public bool Done { get; private set; }

    /// <summary>Looks at one line (without its terminator); null when it is not a directive.</summary>
    public DirectiveMatch? ParseLine(string text, int start, int end, out string? error)
    {
        error = null;
        if (Done)
        {
            return null;
        }

        if (end - start < prefix.Length || string.CompareOrdinal(text, start, prefix, 0, prefix.Length) != 0)
        {
            Done = true;
            return null;
        }

        int i = start + prefix.Length;
        while (i < end && GoText.IsSpace(text[i]))
        {
            i++;
        }

        DirectiveMatch? match = Match(text, i, end);
        if (match is not { } found)
        {
            Done = true;
            return null;
        }

        string key = found.Name.ToLowerInvariant();
        if (key is not (Syntax or Escape or Check))
        {
            Done = true;
            return null;
        }

        if (!_seen.Add(key))
        {
            error = "only one " + key + " parser directive can be used";
            return null;
        }

        return new DirectiveMatch(key, found.Value);
    }

    /// <summary>The regex, by hand (RE2's <c>\s</c> is <c>[\t\n\f\r ]</c>; <c>.</c> is anything but "\n").</summary>
    private static DirectiveMatch? Match(string text, int start, int end)
    {
        int i = start;
        if (i >= end || !char.IsAsciiLetter(text[i]))
        {
            return null;
        }

        while (i < end && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        string name = text[start..i];
        while (i < end && GoText.IsRe2Space(text[i]))
        {
            i++;
        }

        if (i >= end || text[i] != '=')
        {
            return null;
        }

        i++;
        if (i >= end || text.AsSpan(i, end - i).Contains('\n'))
        {
            return null;
        }

        int valueStart = i;
        while (valueStart < end && GoText.IsRe2Space(text[valueStart]))
        {
            valueStart++;
        }

        if (valueStart == end)
        {
            // Only white space after "=": the lazy group takes the last character.
            return new DirectiveMatch(name, text[(end - 1)..end]);
        }

        int valueEnd = end;
        while (valueEnd > valueStart && GoText.IsRe2Space(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        return new DirectiveMatch(name, text[valueStart..valueEnd]);
    }
}
