using System.Text;

namespace Headroom.Dockerfiles.Expansion;

/// <summary>
/// One run of the word processor over one input: a cursor, the options, the variables, the names seen and
/// the first error. Mirrors BuildKit's shellWord (shell/lex.go) step for step, including its quirks, so
/// that results match what BuildKit computes.
/// </summary>
internal sealed class ShellWordProcessor
{
    private const int Eof = -1;

    private readonly WordExpander _options;
    private readonly string _text;
    private readonly IVariableLookup _variables;

    // BuildKit shares one words buffer between the outer call and the nested calls for ${V:-word}:
    // a nested call resets it, so the part of the current word before such an expansion is lost in
    // ProcessWords. Kept on purpose (see WordCollector.Reset).
    private readonly StringBuilder _wordsBuffer = new();

    private int _position;
    private bool _rawEscapes;
    private HashSet<string>? _matched;
    private HashSet<string>? _unmatched;
    private ExpansionError? _error;

    public ShellWordProcessor(WordExpander options, string text, IVariableLookup variables)
    {
        _options = options;
        _text = text;
        _variables = variables;
        _rawEscapes = options.RawEscapes;

        // Go's text/scanner drops a byte order mark at the very start.
        _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    public ExpansionResult Process(bool collectWords)
    {
        List<string>? words = collectWords ? [] : null;
        if (!ProcessStopOn(Eof, _rawEscapes, words, out string value))
        {
            return new ExpansionResult(string.Empty, [], _matched, _unmatched, _error);
        }

        return new ExpansionResult(value, words is null ? [] : [.. words], _matched, _unmatched, null);
    }

    private int Peek() => _position < _text.Length ? _text[_position] : Eof;

    private int Next() => _position < _text.Length ? _text[_position++] : Eof;

    private bool Fail(ExpansionErrorKind kind, string message, string? variable = null)
    {
        _error ??= new ExpansionError(kind, message, variable);
        return false;
    }

    /// <summary>Processes up to <paramref name="stopChar"/> (consumed) or the end of the input.</summary>
    private bool ProcessStopOn(int stopChar, bool rawEscapes, List<string>? words, out string value)
    {
        value = string.Empty;
        var result = new StringBuilder();
        var collector = new WordCollector(_wordsBuffer, words);
        collector.Reset();

        bool saved = _rawEscapes;
        _rawEscapes = rawEscapes;
        try
        {
            while (Peek() != Eof)
            {
                int ch = Peek();
                if (stopChar != Eof && ch == stopChar)
                {
                    Next();
                    value = result.ToString();
                    collector.Finish();
                    return true;
                }

                if (IsSpecial(ch))
                {
                    if (!ProcessSpecial(ch, out string piece))
                    {
                        return false;
                    }

                    result.Append(piece);
                    if (ch == '$')
                    {
                        // A variable's value is split on blanks; quoted text and "<<" are not.
                        collector.AddString(piece);
                    }
                    else
                    {
                        collector.AddRawString(piece);
                    }

                    continue;
                }

                ch = Next();
                if (ch == _options.EscapeChar)
                {
                    if (_rawEscapes)
                    {
                        collector.AddRawChar((char)ch);
                        result.Append((char)ch);
                    }

                    // The escape character escapes the next one; at the end of the input it is dropped.
                    ch = Next();
                    if (ch == Eof)
                    {
                        break;
                    }

                    collector.AddRawChar((char)ch);
                }
                else
                {
                    collector.AddChar((char)ch);
                }

                result.Append((char)ch);
            }

            if (stopChar != Eof)
            {
                return Fail(
                    ExpansionErrorKind.Syntax,
                    $"unexpected end of statement while looking for matching {(char)stopChar}");
            }

            value = result.ToString();
            collector.Finish();
            return true;
        }
        finally
        {
            _rawEscapes = saved;
        }
    }

    private bool IsSpecial(int ch) =>
        ch is '$' or '<' || (!_options.SkipProcessQuotes && ch is '\'' or '"');

    private bool ProcessSpecial(int ch, out string piece)
    {
        switch (ch)
        {
            case '$':
                return ProcessDollar(out piece);
            case '<':
                piece = ProcessPossibleHeredoc();
                return true;
            case '\'':
                return ProcessSingleQuote(out piece);
            default:
                return ProcessDoubleQuote(out piece);
        }
    }

    private bool ProcessSingleQuote(out string value)
    {
        // Everything up to the next single quote is literal; a single quote cannot be escaped inside.
        value = string.Empty;
        var result = new StringBuilder();
        int ch = Next();
        if (_options.RawQuotes)
        {
            result.Append((char)ch);
        }

        while (true)
        {
            ch = Next();
            if (ch == Eof)
            {
                return Fail(
                    ExpansionErrorKind.Syntax,
                    "unexpected end of statement while looking for matching single-quote");
            }

            if (ch == '\'')
            {
                if (_options.RawQuotes)
                {
                    result.Append((char)ch);
                }

                value = result.ToString();
                return true;
            }

            result.Append((char)ch);
        }
    }

    private bool ProcessDoubleQuote(out string value)
    {
        // Literal except '$' and the escape character, which escapes only '"', '$' and itself.
        value = string.Empty;
        var result = new StringBuilder();
        int ch = Next();
        if (_options.RawQuotes)
        {
            result.Append((char)ch);
        }

        while (true)
        {
            switch (Peek())
            {
                case Eof:
                    return Fail(
                        ExpansionErrorKind.Syntax,
                        "unexpected end of statement while looking for matching double-quote");
                case '"':
                    ch = Next();
                    if (_options.RawQuotes)
                    {
                        result.Append((char)ch);
                    }

                    value = result.ToString();
                    return true;
                case '$':
                    if (!ProcessDollar(out string expanded))
                    {
                        return false;
                    }

                    result.Append(expanded);
                    continue;
            }

            ch = Next();
            if (ch == _options.EscapeChar)
            {
                if (_rawEscapes)
                {
                    result.Append((char)ch);
                }

                int next = Peek();
                if (next == Eof)
                {
                    continue;
                }

                if (next == '"' || next == '$' || next == _options.EscapeChar)
                {
                    ch = Next();
                }
            }

            result.Append((char)ch);
        }
    }

    private bool ProcessDollar(out string value)
    {
        value = string.Empty;
        Next();

        if (Peek() != '{')
        {
            string plainName = ProcessName();
            if (plainName.Length == 0)
            {
                value = "$";
                return true;
            }

            bool found = GetVariable(plainName, out value);
            if (!found && _options.SkipUnsetVariables)
            {
                value = "$" + plainName;
            }

            return true;
        }

        Next();
        switch (Peek())
        {
            case Eof:
                return Fail(ExpansionErrorKind.Syntax, "syntax error: missing '}'");
            case '{' or '}' or ':':
                return Fail(ExpansionErrorKind.Syntax, "syntax error: bad substitution");
        }

        string name = ProcessName();
        int ch = Next();
        if (ch == Eof && !_options.EndAfterNameIsUnsupportedModifier)
        {
            return Fail(ExpansionErrorKind.Syntax, "syntax error: missing '}'");
        }

        // At the end of the input Go's scanner returns EOF, which string(rune) turns into U+FFFD.
        string modifier = ch == Eof ? "\uFFFD" : ((char)ch).ToString();
        bool nullIsUnset = false;
        switch (ch)
        {
            case '}':
                {
                    bool set = GetVariable(name, out value);
                    if (!set && _options.SkipUnsetVariables)
                    {
                        value = "${" + name + "}";
                    }

                    return true;
                }

            case '/':
                return ProcessReplace(name, out value);
            case ':':
                // BuildKit falls through to the modifier handling with whatever character comes next.
                nullIsUnset = true;
                ch = Next();
                modifier = ch == Eof ? ":" : ":" + (char)ch;
                break;
            case '+' or '-' or '?' or '#' or '%':
                break;
            default:
                return Fail(
                    ExpansionErrorKind.UnsupportedModifier,
                    $"unsupported modifier ({modifier}) in substitution");
        }

        bool patternMode = ch is '#' or '%';
        if (nullIsUnset && patternMode)
        {
            return Fail(
                ExpansionErrorKind.UnsupportedModifier,
                $"unsupported modifier ({modifier}) in substitution");
        }

        if (!ProcessNested('}', patternMode, "syntax error: missing '}'", out string word))
        {
            return false;
        }

        bool isSet = GetVariable(name, out string current);
        if (!isSet && _options.SkipUnsetVariables)
        {
            value = "${" + name + modifier + word + "}";
            return true;
        }

        bool missing = !isSet || (nullIsUnset && current.Length == 0);
        switch (ch)
        {
            case '-':
                value = missing ? word : current;
                return true;
            case '+':
                value = missing ? string.Empty : word;
                return true;
            case '?':
                if (!isSet)
                {
                    return Fail(
                        ExpansionErrorKind.RequiredVariable,
                        $"{name}: {(word.Length > 0 ? word : "is not allowed to be unset")}",
                        name);
                }

                if (missing)
                {
                    return Fail(
                        ExpansionErrorKind.RequiredVariable,
                        $"{name}: {(word.Length > 0 ? word : "is not allowed to be empty")}",
                        name);
                }

                value = current;
                return true;
            case '#' or '%':
                {
                    // '#'/'%' remove the shortest match, '##'/'%%' the longest.
                    bool greedy = word.Length > 0 && word[0] == ch;
                    string pattern = greedy ? word[1..] : word;
                    string? trimmed = ch == '%'
                        ? ShellPattern.TrimSuffix(pattern, current, greedy, out string? patternError)
                        : ShellPattern.TrimPrefix(pattern, current, greedy, out patternError);
                    if (trimmed is null)
                    {
                        return Fail(
                            ExpansionErrorKind.InvalidPattern,
                            $"invalid pattern ({pattern}) in substitution: {patternError}");
                    }

                    value = trimmed;
                    return true;
                }

            default:
                return Fail(
                    ExpansionErrorKind.UnsupportedModifier,
                    $"unsupported modifier ({modifier}) in substitution");
        }
    }

    /// <summary><c>${V/pattern/replacement}</c> and <c>${V//pattern/replacement}</c>.</summary>
    private bool ProcessReplace(string name, out string value)
    {
        value = string.Empty;
        bool replaceAll = Peek() == '/';
        if (replaceAll)
        {
            Next();
        }

        if (!ProcessNested('/', rawEscapes: true, "syntax error: missing '/' in ${}", out string pattern)
            || !ProcessNested('}', rawEscapes: true, "syntax error: missing '}'", out string replacement))
        {
            return false;
        }

        bool isSet = GetVariable(name, out string current);
        if (!isSet && _options.SkipUnsetVariables)
        {
            value = "${" + name + "/" + pattern + "/" + replacement + "}";
            return true;
        }

        string? replaced = ShellPattern.Replace(pattern, current, replacement, replaceAll, out string? patternError);
        if (replaced is null)
        {
            return Fail(
                ExpansionErrorKind.InvalidPattern,
                $"invalid pattern ({pattern}) in substitution: {patternError}");
        }

        value = replaced;
        return true;
    }

    private bool ProcessNested(char stopChar, bool rawEscapes, string missingMessage, out string value)
    {
        if (ProcessStopOn(stopChar, rawEscapes, words: null, out value))
        {
            return true;
        }

        if (Peek() == Eof)
        {
            // Whatever failed inside, at the end of the input BuildKit reports the missing closing character.
            _error = new ExpansionError(ExpansionErrorKind.Syntax, missingMessage);
        }

        return false;
    }

    /// <summary>A name (letters, digits, '_'), a run of digits (positional), or one special parameter.</summary>
    private string ProcessName()
    {
        int start = _position;
        while (_position < _text.Length)
        {
            if (Rune.DecodeFromUtf16(_text.AsSpan(_position), out Rune rune, out int length) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            if (_position == start)
            {
                if (Rune.IsDigit(rune))
                {
                    while (_position < _text.Length && Rune.DecodeFromUtf16(_text.AsSpan(_position), out Rune digit, out int digitLength)
                        == System.Buffers.OperationStatus.Done && Rune.IsDigit(digit))
                    {
                        _position += digitLength;
                    }

                    return _text[start.._position];
                }

                if (IsSpecialParameter(rune.Value))
                {
                    _position += length;
                    return _text[start.._position];
                }
            }

            if (!Rune.IsLetter(rune) && !Rune.IsDigit(rune) && rune.Value != '_')
            {
                break;
            }

            _position += length;
        }

        return _text[start.._position];
    }

    private static bool IsSpecialParameter(int ch) => ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

    private string ProcessPossibleHeredoc()
    {
        Next();
        if (Peek() != '<')
        {
            return "<";
        }

        Next();
        int start = _position;
        while (Peek() is '\t' or '\r' or ' ')
        {
            Next();
        }

        return string.Concat("<<", _text.AsSpan(start, _position - start));
    }

    private bool GetVariable(string name, out string value)
    {
        if (_variables.TryGetValue(name, out string? found))
        {
            (_matched ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            value = found;
            return true;
        }

        (_unmatched ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        value = string.Empty;
        return false;
    }
}
