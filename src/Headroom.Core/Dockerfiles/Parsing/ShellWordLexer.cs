using System.Globalization;
using System.Text;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// A port of the word splitting of BuildKit's <c>shell.Lex.ProcessWords</c> with an empty environment
/// and <c>SkipUnsetEnv</c> (so every <c>$var</c> stays as written), which is all the heredoc detection
/// uses. Quirks are kept on purpose: the words buffer is shared with nested <c>${...}</c> scans (BuildKit
/// resets it there), <c>//</c> in <c>${a//b/c}</c> comes back as one slash, an escape inside double quotes
/// is doubled when raw escapes are on.
/// </summary>
internal sealed class ShellWordLexer
{
    private const int Eof = -1;
    private const char EscapeToken = '\\';

    private readonly bool _rawQuotes;
    private readonly StringBuilder _wordsBuffer = new();
    private string _source = string.Empty;
    private int _pos;
    private bool _rawEscapes;

    public ShellWordLexer(bool rawQuotes, bool rawEscapes)
    {
        _rawQuotes = rawQuotes;
        _rawEscapes = rawEscapes;
    }

    /// <summary>Splits <paramref name="text"/> into words; null with an error message when BuildKit fails.</summary>
    public List<string>? ProcessWords(string text, out string? error)
    {
        _source = text;
        // text/scanner skips a byte order mark at the very start.
        _pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        List<string>? words = ProcessStopOn(Eof, _rawEscapes, out _, out error);
        if (error != null)
        {
            error = "failed to process " + GoQuote.Quote(text) + ": " + error;
            return null;
        }

        return words;
    }

    private int Peek() => _pos < _source.Length ? _source[_pos] : Eof;

    private int Next() => _pos < _source.Length ? _source[_pos++] : Eof;

    private static string RuneString(int ch) => ch == Eof ? "\uFFFD" : ((char)ch).ToString();

    private List<string>? ProcessStopOn(int stopChar, bool rawEscapes, out string result, out string? error)
    {
        var text = new StringBuilder();
        _wordsBuffer.Clear();
        var words = new Words(_wordsBuffer);
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
                    result = text.ToString();
                    error = null;
                    return words.GetWords();
                }

                string? special = ch switch
                {
                    '$' => ProcessDollar(out error),
                    '<' => ProcessPossibleHeredoc(out error),
                    '\'' => ProcessSingleQuote(out error),
                    '"' => ProcessDoubleQuote(out error),
                    _ => NotSpecial(out error),
                };
                if (error != null)
                {
                    result = string.Empty;
                    return null;
                }

                if (special != null)
                {
                    text.Append(special);
                    if (ch == '$')
                    {
                        words.AddString(special);
                    }
                    else
                    {
                        words.AddRawString(special);
                    }

                    continue;
                }

                ch = Next();
                if (ch == EscapeToken)
                {
                    if (_rawEscapes)
                    {
                        words.AddRawChar((char)ch);
                        text.Append((char)ch);
                    }

                    ch = Next();
                    if (ch == Eof)
                    {
                        break;
                    }

                    words.AddRawChar((char)ch);
                }
                else
                {
                    words.AddChar((char)ch);
                }

                text.Append((char)ch);
            }

            if (stopChar != Eof)
            {
                result = string.Empty;
                error = "unexpected end of statement while looking for matching " + RuneString(stopChar);
                return null;
            }

            result = text.ToString();
            error = null;
            return words.GetWords();
        }
        finally
        {
            _rawEscapes = saved;
        }
    }

    private static string? NotSpecial(out string? error)
    {
        error = null;
        return null;
    }

    private string? ProcessSingleQuote(out string? error)
    {
        var result = new StringBuilder();
        int ch = Next();
        if (_rawQuotes)
        {
            result.Append((char)ch);
        }

        while (true)
        {
            ch = Next();
            if (ch == Eof)
            {
                error = "unexpected end of statement while looking for matching single-quote";
                return null;
            }

            if (ch == '\'')
            {
                if (_rawQuotes)
                {
                    result.Append((char)ch);
                }

                error = null;
                return result.ToString();
            }

            result.Append((char)ch);
        }
    }

    private string? ProcessDoubleQuote(out string? error)
    {
        var result = new StringBuilder();
        int ch = Next();
        if (_rawQuotes)
        {
            result.Append((char)ch);
        }

        while (true)
        {
            int peek = Peek();
            if (peek == Eof)
            {
                error = "unexpected end of statement while looking for matching double-quote";
                return null;
            }

            if (peek == '"')
            {
                ch = Next();
                if (_rawQuotes)
                {
                    result.Append((char)ch);
                }

                error = null;
                return result.ToString();
            }

            if (peek == '$')
            {
                string? value = ProcessDollar(out error);
                if (error != null)
                {
                    return null;
                }

                result.Append(value);
                continue;
            }

            ch = Next();
            if (ch == EscapeToken)
            {
                if (_rawEscapes)
                {
                    result.Append((char)ch);
                }

                int after = Peek();
                if (after == Eof)
                {
                    continue;
                }

                if (after is '"' or '$' or EscapeToken)
                {
                    ch = Next();
                }
            }

            result.Append((char)ch);
        }
    }

    private string? ProcessDollar(out string? error)
    {
        error = null;
        Next();
        if (Peek() != '{')
        {
            string name = ProcessName();
            return name.Length == 0 ? "$" : "$" + name;
        }

        Next();
        int peek = Peek();
        if (peek == Eof)
        {
            error = "syntax error: missing '}'";
            return null;
        }

        if (peek is '{' or '}' or ':')
        {
            error = "syntax error: bad substitution";
            return null;
        }

        string braced = ProcessName();
        int ch = Next();
        string chs = RuneString(ch);
        bool nullIsUnset = false;
        switch (ch)
        {
            case '}':
                return "${" + braced + "}";
            case ':':
            case '+':
            case '-':
            case '?':
            case '#':
            case '%':
                if (ch == ':')
                {
                    nullIsUnset = true;
                    ch = Next();
                    chs += RuneString(ch);
                }

                bool rawEscapes = ch is '#' or '%';
                if (nullIsUnset && rawEscapes)
                {
                    error = "unsupported modifier (" + chs + ") in substitution";
                    return null;
                }

                ProcessStopOn('}', rawEscapes, out string word, out error);
                if (error != null)
                {
                    if (Peek() == Eof)
                    {
                        error = "syntax error: missing '}'";
                    }

                    return null;
                }

                return "${" + braced + chs + word + "}";
            case '/':
                if (Peek() == '/')
                {
                    Next();
                }

                ProcessStopOn('/', true, out string pattern, out error);
                if (error != null)
                {
                    if (Peek() == Eof)
                    {
                        error = "syntax error: missing '/' in ${}";
                    }

                    return null;
                }

                ProcessStopOn('}', true, out string replacement, out error);
                if (error != null)
                {
                    if (Peek() == Eof)
                    {
                        error = "syntax error: missing '}'";
                    }

                    return null;
                }

                return "${" + braced + "/" + pattern + "/" + replacement + "}";
            default:
                error = "unsupported modifier (" + chs + ") in substitution";
                return null;
        }
    }

    private string ProcessName()
    {
        var name = new StringBuilder();
        while (Peek() != Eof)
        {
            if (name.Length == 0 && IsDigitAt(_pos))
            {
                while (Peek() != Eof && IsDigitAt(_pos))
                {
                    AppendRuneAt(name);
                }

                return name.ToString();
            }

            char ch = _source[_pos];
            if (name.Length == 0 && ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0')
            {
                Next();
                return ch.ToString();
            }

            if (!IsLetterAt(_pos) && !IsDigitAt(_pos) && ch != '_')
            {
                break;
            }

            AppendRuneAt(name);
        }

        return name.ToString();
    }

    private bool IsDigitAt(int pos) =>
        Rune.TryGetRuneAt(_source, pos, out Rune rune) && Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber;

    private bool IsLetterAt(int pos) => Rune.TryGetRuneAt(_source, pos, out Rune rune) && Rune.IsLetter(rune);

    private void AppendRuneAt(StringBuilder builder)
    {
        builder.Append(_source[_pos++]);
        if (char.IsHighSurrogate(_source[_pos - 1]) && _pos < _source.Length && char.IsLowSurrogate(_source[_pos]))
        {
            builder.Append(_source[_pos++]);
        }
    }

    private string ProcessPossibleHeredoc(out string? error)
    {
        error = null;
        Next();
        if (Peek() != '<')
        {
            return "<";
        }

        Next();
        int start = _pos;
        while (Peek() is '\t' or '\r' or ' ')
        {
            Next();
        }

        return "<<" + _source[start.._pos];
    }

    /// <summary>BuildKit's wordsStruct; the buffer is shared with nested scans.</summary>
    private sealed class Words(StringBuilder buffer)
    {
        private readonly List<string> _words = [];
        private bool _inWord;

        public void AddChar(char ch)
        {
            bool space = GoText.IsSpace(ch);
            if (space && _inWord)
            {
                if (buffer.Length != 0)
                {
                    _words.Add(buffer.ToString());
                    buffer.Clear();
                    _inWord = false;
                }
            }
            else if (!space)
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(char ch)
        {
            buffer.Append(ch);
            _inWord = true;
        }

        public void AddString(string text)
        {
            foreach (char ch in text)
            {
                AddChar(ch);
            }
        }

        public void AddRawString(string text)
        {
            buffer.Append(text);
            _inWord = true;
        }

        public List<string> GetWords()
        {
            if (buffer.Length > 0)
            {
                _words.Add(buffer.ToString());
                buffer.Clear();
                _inWord = false;
            }

            return _words;
        }
    }
}
