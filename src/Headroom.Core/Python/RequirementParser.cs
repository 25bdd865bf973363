using System.Diagnostics.CodeAnalysis;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>Parses PEP 508 requirements inside a larger text, keeping offsets.</summary>
internal static class RequirementParser
{
    public static bool TryParse(string text, int start, int end, [NotNullWhen(true)] out Requirement? requirement, out string? error, out int errorPosition)
    {
        requirement = null;
        int i = SkipSpace(text, start, end);
        int nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.'))
        {
            i++;
        }

        string name = text[nameStart..i];
        if (name.Length == 0 || !PackageName.IsValid(name))
        {
            return Fail(name.Length == 0 ? "expected a package name" : $"invalid package name '{name}'", nameStart, out error, out errorPosition);
        }

        var nameSpan = TextSpan.FromBounds(nameStart, i);
        i = SkipSpace(text, i, end);

        var extras = new List<string>();
        TextSpan? extrasSpan = null;
        if (i < end && text[i] == '[')
        {
            int open = i;
            int close = text.IndexOf(']', i, end - i);
            if (close < 0)
            {
                return Fail("expected ']' after the extras", i, out error, out errorPosition);
            }

            foreach (string part in text[(open + 1)..close].Split(','))
            {
                string extra = part.Trim();
                if (extra.Length == 0 && extras.Count == 0 && text.AsSpan(open + 1, close - open - 1).IsWhiteSpace())
                {
                    break;
                }

                if (!PackageName.IsValid(extra))
                {
                    return Fail($"invalid extra '{extra}'", open + 1, out error, out errorPosition);
                }

                extras.Add(extra);
            }

            extrasSpan = TextSpan.FromBounds(open, close + 1);
            i = SkipSpace(text, close + 1, end);
        }

        SpecifierSet specifier = SpecifierSet.Empty;
        string? url = null;
        TextSpan? urlSpan = null;
        int markerSep = -1;
        int contentEnd = i;
        if (i < end && text[i] == '@')
        {
            i = SkipSpace(text, i + 1, end);
            int urlStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == urlStart)
            {
                return Fail("expected a URL after '@'", i, out error, out errorPosition);
            }

            url = text[urlStart..i];
            urlSpan = TextSpan.FromBounds(urlStart, i);
            contentEnd = i;
            i = SkipSpace(text, i, end);
            if (i < end)
            {
                if (text[i] != ';')
                {
                    return Fail("expected ';' and a marker after the URL", i, out error, out errorPosition);
                }

                markerSep = i;
            }
        }
        else
        {
            int specEnd = text.IndexOf(';', i, end - i);
            specEnd = specEnd < 0 ? end : specEnd;
            markerSep = specEnd < end ? specEnd : -1;
            int specStart = i;
            int specStop = specEnd;
            if (specStart < specStop && text[specStart] == '(')
            {
                int close = text.LastIndexOf(')', specStop - 1, specStop - specStart);
                if (close < 0 || !text.AsSpan(close + 1, specStop - close - 1).IsWhiteSpace())
                {
                    return Fail("expected ')' after the version specifiers", specStart, out error, out errorPosition);
                }

                specStart++;
                specStop = close;
            }

            if (!SpecifierSet.TryParse(text, specStart, specStop, out SpecifierSet? set, out string? specError))
            {
                return Fail(specError ?? "invalid version specifier", specStart, out error, out errorPosition);
            }

            specifier = set;
            if (!set.IsEmpty)
            {
                contentEnd = specStop < end && text[specStop] == ')' ? specStop + 1 : set.Span.End;
            }
        }

        Marker? marker = null;
        if (markerSep >= 0)
        {
            if (!MarkerParser.TryParse(text, markerSep + 1, end, out marker, out string? markerError, out int markerPos))
            {
                return Fail(markerError ?? "invalid marker", markerPos, out error, out errorPosition);
            }

            contentEnd = marker.Span.End;
        }

        requirement = new Requirement(name, nameSpan, extras, extrasSpan, specifier, url, urlSpan, marker, TextSpan.FromBounds(nameStart, Math.Max(contentEnd, nameSpan.End)));
        error = null;
        errorPosition = -1;
        return true;
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool Fail(string message, int position, out string? error, out int errorPosition)
    {
        error = message;
        errorPosition = position;
        return false;
    }
}
