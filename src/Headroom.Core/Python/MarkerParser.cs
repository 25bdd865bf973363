using System.Diagnostics.CodeAnalysis;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>A recursive-descent parser for the PEP 508 marker grammar.</summary>
internal sealed class MarkerParser
{
    private static readonly string[] Operators = ["===", "==", "!=", "<=", ">=", "~=", "<", ">"];

    private readonly string _text;
    private readonly int _end;
    private int _pos;
    private string? _error;
    private int _errorPos;

    private MarkerParser(string text, int start, int end)
    {
        _text = text;
        _pos = start;
        _end = end;
    }

    public static bool TryParse(string text, int start, int end, [NotNullWhen(true)] out Marker? marker, out string? error, out int errorPosition)
    {
        var parser = new MarkerParser(text, start, end);
        marker = null;
        MarkerNode? root = parser.ParseOr();
        parser.SkipSpace();
        if (root is not null && parser._pos < end)
        {
            parser.Fail($"unexpected '{text[parser._pos]}' in marker");
            root = null;
        }

        if (root is null)
        {
            error = parser._error ?? "invalid marker";
            errorPosition = parser._errorPos;
            return false;
        }

        int s = start;
        int e = end;
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        marker = new Marker(root, text[s..e], TextSpan.FromBounds(s, e));
        error = null;
        errorPosition = -1;
        return true;
    }

    private MarkerNode? ParseOr() => ParseBinary(isAnd: false);

    /// <summary>An <c>or</c> list of <c>and</c> lists of atoms (<c>and</c> binds tighter).</summary>
    private MarkerNode? ParseBinary(bool isAnd)
    {
        var operands = new List<MarkerNode>();
        do
        {
            MarkerNode? node = isAnd ? ParseAtom() : ParseBinary(isAnd: true);
            if (node is null)
            {
                return null;
            }

            operands.Add(node);
        }
        while (TryKeyword(isAnd ? "and" : "or"));
        return operands.Count == 1 ? operands[0] : new MarkerBoolean(isAnd, operands);
    }

    private MarkerNode? ParseAtom()
    {
        SkipSpace();
        if (_pos < _end && _text[_pos] == '(')
        {
            _pos++;
            MarkerNode? inner = ParseOr();
            if (inner is null)
            {
                return null;
            }

            SkipSpace();
            if (_pos >= _end || _text[_pos] != ')')
            {
                return Fail("expected ')' in marker");
            }

            _pos++;
            return inner;
        }

        MarkerValue? left = ParseValue();
        if (left is null)
        {
            return null;
        }

        string? op = ParseOperator();
        if (op is null)
        {
            return null;
        }

        MarkerValue? right = ParseValue();
        return right is null ? null : new MarkerComparison(left.Value, op, right.Value);
    }

    private MarkerValue? ParseValue()
    {
        SkipSpace();
        if (_pos >= _end)
        {
            return Fail<MarkerValue?>("expected a marker variable or a quoted string");
        }

        char c = _text[_pos];
        if (c is '"' or '\'')
        {
            int close = _text.IndexOf(c, _pos + 1, _end - _pos - 1);
            if (close < 0)
            {
                return Fail<MarkerValue?>("unterminated string in marker");
            }

            string value = _text[(_pos + 1)..close];
            _pos = close + 1;
            return new MarkerValue(false, value);
        }

        int start = _pos;
        while (_pos < _end && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.'))
        {
            _pos++;
        }

        string name = _text[start.._pos];
        if (name.Length == 0)
        {
            return Fail<MarkerValue?>("expected a marker variable or a quoted string");
        }

        string? canonical = MarkerEnvironment.CanonicalVariable(name);
        if (canonical is null)
        {
            _pos = start;
            return Fail<MarkerValue?>($"unknown marker variable '{name}'");
        }

        return new MarkerValue(true, canonical);
    }

    private string? ParseOperator()
    {
        SkipSpace();
        foreach (string op in Operators)
        {
            if (_pos + op.Length <= _end && string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                return op;
            }
        }

        if (TryKeyword("in"))
        {
            return "in";
        }

        int save = _pos;
        if (TryKeyword("not"))
        {
            if (TryKeyword("in"))
            {
                return "not in";
            }

            _pos = save;
        }

        return Fail<string>("expected a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)");
    }

    private bool TryKeyword(string keyword)
    {
        int save = _pos;
        SkipSpace();
        if (_pos + keyword.Length <= _end
            && string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0
            && (_pos + keyword.Length == _end || !char.IsAsciiLetterOrDigit(_text[_pos + keyword.Length]) && _text[_pos + keyword.Length] != '_'))
        {
            _pos += keyword.Length;
            return true;
        }

        _pos = save;
        return false;
    }

    private void SkipSpace()
    {
        while (_pos < _end && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private MarkerNode? Fail(string message)
    {
        if (_error is null)
        {
            _error = message;
            _errorPos = _pos;
        }

        return null;
    }

    private T? Fail<T>(string message)
    {
        Fail(message);
        return default;
    }
}
