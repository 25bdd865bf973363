using System.Collections.Immutable;
using Headroom.Dockerfiles.Expansion;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// BuildKit's <c>heredocsFromLine</c> and <c>ParseHeredoc</c>: the line is split into shell words
/// (quotes and escapes kept), and every word matching <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> whose rest
/// is one shell word announces a heredoc. A delimiter that is quoted, even partly, turns expansion off.
/// </summary>
internal static class HeredocDetector
{
    // BuildKit lexes with an empty environment and SkipUnsetEnv, so every $var stays as written.
    private static readonly WordExpander LineLexer = new()
    {
        RawQuotes = true,
        RawEscapes = true,
        SkipUnsetVariables = true,
        EndAfterNameIsUnsupportedModifier = true,
    };

    private static readonly WordExpander NameLexer = new()
    {
        SkipUnsetVariables = true,
        EndAfterNameIsUnsupportedModifier = true,
    };

    private static readonly WordExpander RawNameLexer = new()
    {
        RawQuotes = true,
        SkipUnsetVariables = true,
        EndAfterNameIsUnsupportedModifier = true,
    };

    public static List<HeredocHeader> FromLine(string line, out string? error)
    {
        error = null;
        var headers = new List<HeredocHeader>();
        // BuildKit ignores a lexing error here: the line then has no heredocs.
        ImmutableArray<string>? words = ProcessWords(LineLexer, line, out _);
        if (words == null)
        {
            return headers;
        }

        foreach (string word in words.Value)
        {
            HeredocHeader? header = Parse(word, out error);
            if (error != null)
            {
                return headers;
            }

            if (header != null)
            {
                headers.Add(header);
            }
        }

        return headers;
    }

    /// <summary>One word; null when it announces no heredoc, an error when its delimiter does not lex.</summary>
    public static HeredocHeader? Parse(string word, out string? error)
    {
        error = null;
        int i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i]))
        {
            i++;
        }

        string digits = word[..i];
        if (i + 1 >= word.Length || word[i] != '<' || word[i + 1] != '<')
        {
            return null;
        }

        i += 2;
        bool chomp = false;
        if (i < word.Length && word[i] == '-')
        {
            chomp = true;
            i++;
        }

        while (i < word.Length && GoText.IsRe2Space(word[i]))
        {
            i++;
        }

        string rest = word[i..];
        if (rest.Contains('<', StringComparison.Ordinal) || rest.Length == 0)
        {
            return null;
        }

        ImmutableArray<string>? words = ProcessWords(NameLexer, rest, out error);
        if (words == null)
        {
            return null;
        }

        if (words.Value.Length != 1)
        {
            return null;
        }

        ImmutableArray<string>? raw = ProcessWords(RawNameLexer, rest, out error);
        if (raw == null)
        {
            return null;
        }

        if (raw.Value.Length != words.Value.Length)
        {
            error = "internal lexing of heredoc produced inconsistent results: " + rest;
            return null;
        }

        string name = words.Value[0];
        bool expand = CountQuotes(name) == CountQuotes(raw.Value[0]);
        return new HeredocHeader(name, expand, chomp, ParseFileDescriptor(digits));
    }

    /// <summary>BuildKit's <c>Lex.ProcessWords</c>; null with BuildKit's error message when it fails.</summary>
    internal static ImmutableArray<string>? ProcessWords(WordExpander lexer, string text, out string? error)
    {
        ExpansionResult result = lexer.ExpandWords(text, VariableEnvironment.Empty);
        if (result.Error is { } failure)
        {
            error = "failed to process " + GoQuote.Quote(text) + ": " + failure.Message;
            return null;
        }

        error = null;
        return result.Words;
    }

    private static int CountQuotes(string s)
    {
        int count = 0;
        foreach (char c in s)
        {
            if (c is '\'' or '"')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Go's <c>strconv.ParseUint(s, 10, 0)</c> with the error ignored (overflow gives the maximum).</summary>
    private static ulong? ParseFileDescriptor(string digits)
    {
        if (digits.Length == 0)
        {
            return null;
        }

        return ulong.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong value)
            ? value
            : ulong.MaxValue;
    }
}
