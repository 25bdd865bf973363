using System.Text;
using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Shell.Parsing;

internal sealed partial class ShellParser
{
    private WordPart Part(WordPartKind kind, int start, int end, string? value, bool quoted, string? parameterName = null) =>
        new(kind, MapSpan(start, end), TextSpan.FromBounds(start, end), value, quoted, parameterName);

    private ShellWord ReadWord()
    {
        int start = _pos;
        var builder = new WordBuilder();
        int run = -1;
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (IsMeta(c))
            {
                if (c == '(' && builder.PartCount == 0 && run >= 0 && IsArrayAssignmentHead(run, _pos))
                {
                    _pos = ScanBalancedParentheses(_pos);
                    continue;
                }

                if (c is '<' or '>' && _pos == start && _pos + 1 < _end && _text[_pos + 1] == '(')
                {
                    ReadProcessSubstitution(builder);
                    continue;
                }

                break;
            }

            bool special = c switch
            {
                '\\' or '\'' or '"' or '`' => true,
                '$' => IsExpansionStart(quoted: false),
                _ => false,
            };
            if (!special)
            {
                if (run < 0)
                {
                    run = _pos;
                }

                if (c is '*' or '?' or '[')
                {
                    builder.HasGlob = true;
                }

                _pos++;
                continue;
            }

            FlushRun(builder, ref run, WordPartKind.Literal);
            switch (c)
            {
                case '\\':
                    ReadBackslash(builder);
                    break;
                case '\'':
                    ReadSingleQuoted(builder);
                    break;
                case '"':
                    ReadDoubleQuoted(builder);
                    break;
                case '`':
                    ReadBacktick(builder, quoted: false);
                    break;
                default:
                    ReadDollar(builder, quoted: false);
                    break;
            }
        }

        FlushRun(builder, ref run, WordPartKind.Literal);
        if (_pos == start)
        {
            // Cannot happen for the callers' input; keep progress guaranteed anyway.
            _pos++;
            builder.Add(Part(WordPartKind.Literal, start, _pos, _text[start.._pos], quoted: false));
        }

        return builder.Build(MapSpan(start, _pos), TextSpan.FromBounds(start, _pos), _text[start.._pos]);
    }

    private void FlushRun(WordBuilder builder, ref int run, WordPartKind kind)
    {
        if (run >= 0 && _pos > run)
        {
            builder.Add(Part(kind, run, _pos, _text[run.._pos], quoted: kind != WordPartKind.Literal));
        }

        run = -1;
    }

    /// <summary>True for <c>NAME=</c> or <c>NAME+=</c> right before a <c>(</c>: a bash array assignment.</summary>
    private bool IsArrayAssignmentHead(int start, int end)
    {
        if (end - start < 2 || _text[end - 1] != '=')
        {
            return false;
        }

        int nameEnd = _text[end - 2] == '+' ? end - 2 : end - 1;
        return ShellNames.IsName(_text.AsSpan(start, nameEnd - start));
    }

    /// <summary>The offset after the parenthesis that closes the one at <paramref name="open"/> (quotes skipped), or the end.</summary>
    private int ScanBalancedParentheses(int open)
    {
        int depth = 0;
        int i = open;
        while (i < _end)
        {
            char c = _text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c is '\'' or '"')
            {
                int close = _text.IndexOf(c, i + 1, _end - i - 1);
                i = close < 0 ? _end : close + 1;
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return _end;
    }

    private void ReadBackslash(WordBuilder builder)
    {
        int start = _pos;
        if (_pos + 1 >= _end)
        {
            _pos++;
            builder.Add(Part(WordPartKind.Literal, start, _pos, "\\", quoted: false));
            return;
        }

        char next = _text[_pos + 1];
        if (next == '\n')
        {
            _pos += 2;
            return;
        }

        if (next == '\r' && _pos + 2 < _end && _text[_pos + 2] == '\n')
        {
            _pos += 3;
            return;
        }

        _pos += 2;
        builder.Add(Part(WordPartKind.Escaped, start, _pos, next.ToString(), quoted: true));
    }

    private void ReadSingleQuoted(WordBuilder builder)
    {
        int open = _pos;
        int close = _text.IndexOf('\'', open + 1, _end - open - 1);
        if (close < 0)
        {
            Report(DiagnosticSeverity.Error, "unterminated-single-quote", "unterminated single quote", open, open + 1);
            close = _end;
            _pos = _end;
        }
        else
        {
            _pos = close + 1;
        }

        builder.IsQuoted = true;
        if (close > open + 1)
        {
            builder.Add(Part(WordPartKind.SingleQuoted, open + 1, close, _text[(open + 1)..close], quoted: true));
        }
    }

    private void ReadDoubleQuoted(WordBuilder builder)
    {
        int open = _pos;
        _pos++;
        int run = _pos;
        bool closed = false;
        builder.IsQuoted = true;
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == '"')
            {
                FlushRun(builder, ref run, WordPartKind.DoubleQuoted);
                _pos++;
                closed = true;
                break;
            }

            if (c == '\\' && _pos + 1 < _end)
            {
                char next = _text[_pos + 1];
                if (next is '$' or '`' or '"' or '\\' or '\n')
                {
                    FlushRun(builder, ref run, WordPartKind.DoubleQuoted);
                    if (next != '\n')
                    {
                        builder.Add(Part(WordPartKind.Escaped, _pos, _pos + 2, next.ToString(), quoted: true));
                    }

                    _pos += 2;
                    run = _pos;
                    continue;
                }
            }
            else if ((c == '$' && IsExpansionStart(quoted: true)) || c == '`')
            {
                FlushRun(builder, ref run, WordPartKind.DoubleQuoted);
                if (c == '$')
                {
                    ReadDollar(builder, quoted: true);
                }
                else
                {
                    ReadBacktick(builder, quoted: true);
                }

                run = _pos;
                continue;
            }

            if (run < 0)
            {
                run = _pos;
            }

            _pos++;
        }

        if (!closed)
        {
            FlushRun(builder, ref run, WordPartKind.DoubleQuoted);
            Report(DiagnosticSeverity.Error, "unterminated-double-quote", "unterminated double quote", open, open + 1);
        }
    }

    /// <summary>At a <c>$</c>: true when it starts an expansion (else it is a literal dollar sign).</summary>
    private bool IsExpansionStart(bool quoted)
    {
        if (_pos + 1 >= _end)
        {
            return false;
        }

        char next = _text[_pos + 1];
        return next switch
        {
            '(' or '{' => true,
            '\'' or '"' => !quoted,
            '@' or '*' or '#' or '?' or '-' or '$' or '!' => true,
            _ => ShellNames.IsNameStart(next) || char.IsAsciiDigit(next),
        };
    }

    private void ReadDollar(WordBuilder builder, bool quoted)
    {
        int start = _pos;
        char next = _text[_pos + 1];
        switch (next)
        {
            case '(' when _pos + 2 < _end && _text[_pos + 2] == '(' && TryScanArithmetic(start, out int arithmeticEnd):
                _pos = arithmeticEnd;
                builder.Add(Part(WordPartKind.Arithmetic, start, _pos, null, quoted));
                return;
            case '(':
                ReadSubstitution(builder, start, WordPartKind.CommandSubstitution, quoted);
                return;
            case '{':
                _pos = ScanBraceParameter(start);
                builder.Add(Part(WordPartKind.Parameter, start, _pos, null, quoted, BraceParameterName(start + 2, _pos)));
                return;
            case '\'':
                ReadAnsiCQuoted(builder);
                return;
            case '"':
                _pos++;
                ReadDoubleQuoted(builder);
                return;
        }

        int end = _pos + 2;
        if (ShellNames.IsNameStart(next))
        {
            while (end < _end && ShellNames.IsNameChar(_text[end]))
            {
                end++;
            }
        }

        _pos = end;
        builder.Add(Part(WordPartKind.Parameter, start, end, null, quoted, _text[(start + 1)..end]));
    }

    /// <summary><c>$((...))</c> when it closes with <c>))</c>; otherwise it is <c>$( (...) ... )</c>, a command substitution.</summary>
    private bool TryScanArithmetic(int start, out int end)
    {
        int depth = 2;
        int lastDropToOne = -1;
        for (int i = start + 3; i < _end; i++)
        {
            char c = _text[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 1)
                {
                    lastDropToOne = i;
                }
                else if (depth == 0)
                {
                    end = i + 1;
                    return lastDropToOne == i - 1;
                }
            }
        }

        end = _end;
        return false;
    }

    /// <summary>Reads <c>$(...)</c> or <c>&lt;(...)</c>: the commands inside are parsed in place.</summary>
    private void ReadSubstitution(WordBuilder builder, int start, WordPartKind kind, bool quoted)
    {
        if (!TryEnterDepth(start))
        {
            _pos = ScanBalancedParentheses(start + 1);
            builder.Add(Part(kind, start, _pos, null, quoted));
            return;
        }

        _pos = start + 2;
        ParseNestedList(ParenStops);
        if (Peek().IsOperator(")"))
        {
            Next();
        }
        else
        {
            _peeked = null;
            Report(DiagnosticSeverity.Error, "unterminated-command-substitution", "unterminated command substitution: ')' expected", start, start + 2);
        }

        _depth--;
        builder.Add(Part(kind, start, _pos, null, quoted));
    }

    private void ReadProcessSubstitution(WordBuilder builder) =>
        ReadSubstitution(builder, _pos, WordPartKind.ProcessSubstitution, quoted: false);

    private void ReadBacktick(WordBuilder builder, bool quoted)
    {
        int start = _pos;
        int close = start + 1;
        while (close < _end && _text[close] != '`')
        {
            close += _text[close] == '\\' ? 2 : 1;
        }

        if (close >= _end)
        {
            Report(DiagnosticSeverity.Error, "unterminated-backtick", "unterminated backtick command substitution", start, start + 1);
            _pos = _end;
            builder.Add(Part(WordPartKind.CommandSubstitution, start, _end, null, quoted));
            return;
        }

        if (TryEnterDepth(start))
        {
            int savedEnd = _end;
            _end = close;
            _pos = start + 1;
            ParseNestedList(NoStops);
            _peeked = null;
            _end = savedEnd;
            _depth--;
        }

        _pos = close + 1;
        builder.Add(Part(WordPartKind.CommandSubstitution, start, _pos, null, quoted));
    }

    /// <summary>The offset after the <c>}</c> that closes <c>${</c> at <paramref name="start"/>.</summary>
    private int ScanBraceParameter(int start)
    {
        int depth = 1;
        int i = start + 2;
        while (i < _end)
        {
            char c = _text[i];
            if (c == '\\')
            {
                i += 2;
            }
            else if (c is '\'' or '"')
            {
                int close = _text.IndexOf(c, i + 1, _end - i - 1);
                i = close < 0 ? _end : close + 1;
            }
            else if (c == '$' && i + 1 < _end && _text[i + 1] == '{')
            {
                depth++;
                i += 2;
            }
            else if (c == '}' && --depth == 0)
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }

        Report(DiagnosticSeverity.Error, "unterminated-parameter-expansion", "unterminated '${': '}' expected", start, start + 2);
        return _end;
    }

    private string? BraceParameterName(int start, int end)
    {
        int i = start;
        if (i + 1 < end && _text[i] is '#' or '!' && (ShellNames.IsNameStart(_text[i + 1]) || char.IsAsciiDigit(_text[i + 1])))
        {
            i++;
        }

        int nameStart = i;
        if (i < end && ShellNames.IsNameStart(_text[i]))
        {
            while (i < end && ShellNames.IsNameChar(_text[i]))
            {
                i++;
            }
        }
        else if (i < end && char.IsAsciiDigit(_text[i]))
        {
            while (i < end && char.IsAsciiDigit(_text[i]))
            {
                i++;
            }
        }
        else if (i < end && _text[i] is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            i++;
        }

        return i > nameStart ? _text[nameStart..i] : null;
    }

    private void ReadAnsiCQuoted(WordBuilder builder)
    {
        int start = _pos;
        var value = new StringBuilder();
        int i = start + 2;
        bool closed = false;
        while (i < _end)
        {
            char c = _text[i];
            if (c == '\'')
            {
                closed = true;
                i++;
                break;
            }

            if (c == '\\' && i + 1 < _end)
            {
                char e = _text[i + 1];
                value.Append(e switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'r' => "\r",
                    'a' => "\a",
                    'b' => "\b",
                    'f' => "\f",
                    'v' => "\v",
                    'e' or 'E' => "\u001b",
                    '\\' or '\'' or '"' or '?' => e.ToString(),
                    _ => "\\" + e,
                });
                i += 2;
                continue;
            }

            value.Append(c);
            i++;
        }

        if (!closed)
        {
            Report(DiagnosticSeverity.Error, "unterminated-single-quote", "unterminated $'...' string", start, start + 2);
        }

        _pos = i;
        builder.Add(Part(WordPartKind.AnsiCQuoted, start, _pos, value.ToString(), quoted: true));
    }
}
