using System.Globalization;
using System.Text;
using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Shell.Parsing;

internal sealed partial class ShellParser
{
    private static readonly string[] AmpersandOperators = ["&&", "&>>", "&>", "&"];
    private static readonly string[] PipeOperators = ["||", "|&", "|"];
    private static readonly string[] SemicolonOperators = [";;&", ";;", ";&", ";"];
    private static readonly string[] RedirectionOperators = ["<<<", "<<-", "<<", "<&", "<>", "<", ">>", ">&", ">|", ">"];

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\f' or '\v';

    private static bool IsMeta(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>' or '\f' or '\v';

    private ShellToken Lex()
    {
        SkipBlanksAndComments();
        int start = _pos;
        if (_pos >= _end)
        {
            ReadHeredocBodies(); // none can end now: each reports itself unterminated
            return new ShellToken(ShellTokenKind.End, _end, _end, "", null);
        }

        char c = _text[_pos];
        switch (c)
        {
            case '\n':
                _pos++;
                ReadHeredocBodies();
                return new ShellToken(ShellTokenKind.Newline, start, start + 1, "\n", null);
            case '&':
                string amp = MatchAny(AmpersandOperators);
                return new ShellToken(amp.Length > 1 && amp[1] == '>' ? ShellTokenKind.Redirection : ShellTokenKind.Operator, start, _pos, amp, null);
            case '|':
                string pipe = MatchAny(PipeOperators);
                return new ShellToken(ShellTokenKind.Operator, start, _pos, pipe, null);
            case ';':
                string semicolon = MatchAny(SemicolonOperators);
                return new ShellToken(ShellTokenKind.Operator, start, _pos, semicolon, null);
            case '(' or ')':
                _pos++;
                return new ShellToken(ShellTokenKind.Operator, start, _pos, c == '(' ? "(" : ")", null);
            case '<' or '>' when !(_pos + 1 < _end && _text[_pos + 1] == '('):
                string redirection = MatchAny(RedirectionOperators);
                return new ShellToken(ShellTokenKind.Redirection, start, _pos, redirection, null);
        }

        if (char.IsAsciiDigit(c))
        {
            int j = _pos;
            while (j < _end && char.IsAsciiDigit(_text[j]))
            {
                j++;
            }

            if (j < _end && _text[j] is '<' or '>' && !(j + 1 < _end && _text[j + 1] == '(')
                && int.TryParse(_text.AsSpan(_pos, j - _pos), NumberStyles.None, CultureInfo.InvariantCulture, out int fd))
            {
                _pos = j;
                string op = MatchAny(RedirectionOperators);
                return new ShellToken(ShellTokenKind.Redirection, start, _pos, op, null, fd);
            }
        }

        ShellWord word = ReadWord();
        return new ShellToken(ShellTokenKind.Word, start, _pos, word.RawText, word);
    }

    /// <summary>Consumes the first of <paramref name="candidates"/> (longest first) found at the position.</summary>
    private string MatchAny(string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (_pos + candidate.Length <= _end && string.CompareOrdinal(_text, _pos, candidate, 0, candidate.Length) == 0)
            {
                _pos += candidate.Length;
                return candidate;
            }
        }

        // Unreachable: each list ends with the single character that brought us here.
        _pos++;
        return _text[(_pos - 1).._pos];
    }

    private void SkipBlanksAndComments()
    {
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (IsBlank(c))
            {
                _pos++;
            }
            else if (c == '\\' && _pos + 1 < _end && _text[_pos + 1] == '\n')
            {
                _pos += 2;
            }
            else if (c == '\\' && _pos + 2 < _end && _text[_pos + 1] == '\r' && _text[_pos + 2] == '\n')
            {
                _pos += 3;
            }
            else if (c == '#')
            {
                int nl = _text.IndexOf('\n', _pos, _end - _pos);
                _pos = nl < 0 ? _end : nl;
            }
            else
            {
                return;
            }
        }
    }

    private void ReadHeredocBodies()
    {
        if (_pendingHeredocs.Count == 0)
        {
            return;
        }

        foreach (PendingHeredoc pending in _pendingHeredocs)
        {
            ReadHeredocBody(pending);
        }

        _pendingHeredocs.Clear();
    }

    private void ReadHeredocBody(PendingHeredoc pending)
    {
        int bodyStart = _pos;
        int bodyEnd = _end;
        bool terminated = false;
        var body = new StringBuilder();
        while (_pos < _end)
        {
            int lineStart = _pos;
            int nl = _text.IndexOf('\n', _pos, _end - _pos);
            int lineEnd = nl < 0 ? _end : nl;
            int next = nl < 0 ? _end : nl + 1;
            int contentStart = lineStart;
            if (pending.StripTabs)
            {
                while (contentStart < lineEnd && _text[contentStart] == '\t')
                {
                    contentStart++;
                }
            }

            int compareEnd = lineEnd > contentStart && _text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            _pos = next;
            if (compareEnd - contentStart == pending.Delimiter.Length
                && string.CompareOrdinal(_text, contentStart, pending.Delimiter, 0, pending.Delimiter.Length) == 0)
            {
                bodyEnd = lineStart;
                terminated = true;
                break;
            }

            body.Append(_text, contentStart, next - contentStart);
        }

        if (!terminated)
        {
            ShellWord target = pending.Redirection.Target!;
            Report(DiagnosticSeverity.Warning, "unterminated-heredoc", $"here-document '{pending.Delimiter}' has no terminator line", target.LocalSpan.Start, target.LocalSpan.End);
        }

        pending.Redirection.Heredoc = new ShellHeredoc(pending.Delimiter, pending.IsQuoted, pending.StripTabs, body.ToString(), MapSpan(bodyStart, bodyEnd), terminated)
        {
            LocalBodySpan = TextSpan.FromBounds(bodyStart, bodyEnd),
        };
    }
}
