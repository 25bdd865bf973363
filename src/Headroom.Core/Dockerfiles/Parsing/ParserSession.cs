using System.Collections.Immutable;
using System.Text;
using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// One run of the parser: BuildKit's <c>parser.Parse</c> loop (parser.go) over the lines of the text,
/// keeping every byte in a node. Where BuildKit stops at the first error, this records the error as a
/// diagnostic and goes on, so that tools still see the rest of the file.
/// </summary>
internal sealed class ParserSession
{
    /// <summary>bufio.MaxScanTokenSize: a line with its "\n" may not take more bytes than this.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<DockerfileNode> _nodes = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<ParserDirective> _directives = [];
    private readonly List<string> _comments = [];
    private readonly DirectiveScanner _directiveScanner = new("#");
    private readonly LogicalLineBuilder _logical;
    private readonly Dictionary<int, DirectiveMatch> _afterShebang = [];
    private int _pos;
    private int _lineNumber;
    private char _escape = '\\';
    private bool _reportedLongLine;

    public ParserSession(SourceText source)
    {
        _source = source;
        _text = source.Text;
        _logical = new LogicalLineBuilder(_text);
    }

    public DockerfileSyntax Run()
    {
        ScanDirectivesAfterShebang();
        bool any = false;
        while (TryReadLine(out SourceLine line))
        {
            any |= ReadTopLevelLine(line);
        }

        if (!any)
        {
            int lastLine = Math.Max(1, _lineNumber);
            int at = _text.Length == 0 ? 0 : _source.GetLineStart(Math.Min(lastLine, _source.LineCount));
            Report(DiagnosticSeverity.Error, "no-instructions", "file with no instructions", new TextSpan(at, 0));
        }

        DetectSlashSyntaxDirective();
        return new DockerfileSyntax
        {
            Source = _source,
            EscapeChar = _escape,
            Directives = [.. _directives.OrderBy(d => d.Line)],
            Nodes = [.. _nodes],
            Diagnostics = [.. _diagnostics.OrderBy(d => d.Span.Start)],
        };
    }

    /// <summary>One line outside any instruction; true when it starts an instruction.</summary>
    private bool ReadTopLevelLine(SourceLine line)
    {
        int start = line.Start;
        if (line.Number == 1 && start < _text.Length && _text[start] == '\uFEFF')
        {
            AddTrivia(TriviaKind.ByteOrderMark, start, start + 1);
            start++;
        }

        bool isComment = IsComment(start, line.End);
        if (isComment)
        {
            string comment = GoText.TrimSpace(_text[(start + 1)..line.End]);
            if (comment.Length == 0)
            {
                _comments.Clear();
            }
            else
            {
                _comments.Add(comment);
            }
        }

        int tokenStart = SkipSpaces(start, line.ContentEnd);
        bool directive = ProcessDirective(line, tokenStart);
        if (directive)
        {
            _comments.RemoveAt(_comments.Count - 1);
        }

        (int pieceEnd, bool endOfLine) = isComment ? (tokenStart, true) : TrimContinuation(tokenStart, line.ContentEnd);
        if (endOfLine && pieceEnd == tokenStart)
        {
            TriviaKind kind = directive || _afterShebang.ContainsKey(line.Number) ? TriviaKind.Directive
                : line.Number == 1 && isComment && _text.AsSpan(start).StartsWith("#!") ? TriviaKind.Shebang
                : isComment ? TriviaKind.Comment
                : TriviaKind.BlankLine;
            if (line.End > start)
            {
                AddTrivia(kind, start, line.End);
            }
            return false;
        }

        ReadInstruction(line, start, tokenStart, pieceEnd, endOfLine);
        return true;
    }

    private void ReadInstruction(SourceLine first, int nodeStart, int tokenStart, int pieceEnd, bool endOfLine)
    {
        int startLine = first.Number;
        int nodeEnd = first.End;
        _logical.Reset();
        _logical.Append(tokenStart, pieceEnd);
        int firstEmpty = -1;
        while (!endOfLine && TryReadLine(out SourceLine next))
        {
            nodeEnd = next.End;
            if (IsComment(next.Start, next.End))
            {
                continue;
            }

            if (SkipSpaces(next.Start, next.ContentEnd) == next.ContentEnd)
            {
                if (firstEmpty < 0)
                {
                    firstEmpty = next.Start;
                }

                continue;
            }

            (int end, endOfLine) = TrimContinuation(next.Start, next.ContentEnd);
            _logical.Append(next.Start, end);
        }

        MappedText line = _logical.Build(tokenStart);
        if (firstEmpty >= 0)
        {
            Report(
                DiagnosticSeverity.Warning,
                "no-empty-continuation",
                "Empty continuation line found in: " + Shorten(line.Value),
                new TextSpan(firstEmpty, 0));
        }

        ParsedLine parsed = LineParser.Parse(line.Value, 0, line.Value.Length, _escape);
        TextSpan firstLineSpan = TextSpan.FromBounds(tokenStart, first.ContentEnd);
        ImmutableArray<Heredoc> heredocs = [];
        if (parsed.Error != null)
        {
            Report(DiagnosticSeverity.Error, ErrorCode(parsed.Error), parsed.Error, firstLineSpan);
        }
        else if (CanContainHeredoc(parsed) && line.Value.Contains("<<", StringComparison.Ordinal))
        {
            List<HeredocHeader> headers = HeredocDetector.FromLine(line.Value, out string? error);
            if (error != null)
            {
                Report(DiagnosticSeverity.Error, "invalid-heredoc", error, firstLineSpan);
            }
            else
            {
                heredocs = ReadHeredocs(headers, firstLineSpan, ref nodeEnd);
            }
        }

        var instruction = InstructionFactory.Create(
            parsed, line, TextSpan.FromBounds(nodeStart, nodeEnd), startLine, _lineNumber, heredocs, [.. _comments]);
        _nodes.Add(instruction);
        _comments.Clear();
    }

    private ImmutableArray<Heredoc> ReadHeredocs(List<HeredocHeader> headers, TextSpan instructionLine, ref int nodeEnd)
    {
        var heredocs = ImmutableArray.CreateBuilder<Heredoc>(headers.Count);
        foreach (HeredocHeader header in headers)
        {
            int bodyStart = _pos;
            int bodyStartLine = _lineNumber + 1;
            var content = new StringBuilder();
            bool terminated = false;
            while (TryReadLine(out SourceLine line))
            {
                nodeEnd = line.End;
                int candidate = line.Start;
                if (header.StripTabs)
                {
                    while (candidate < line.ContentEnd && _text[candidate] == '\t')
                    {
                        candidate++;
                    }
                }

                if (_text.AsSpan(candidate, line.ContentEnd - candidate).SequenceEqual(header.Name))
                {
                    terminated = true;
                    break;
                }

                content.Append(_text, line.Start, line.End - line.Start);
            }

            if (!terminated)
            {
                Report(DiagnosticSeverity.Error, "unterminated-heredoc", "unterminated heredoc", instructionLine);
            }

            heredocs.Add(new Heredoc
            {
                Name = header.Name,
                Body = content.ToString(),
                Expand = header.Expand,
                StripTabs = header.StripTabs,
                FileDescriptor = header.FileDescriptor,
                Span = TextSpan.FromBounds(bodyStart, nodeEnd),
                BodyStartLine = bodyStartLine,
            });
        }

        return heredocs.MoveToImmutable();
    }

    /// <summary>BuildKit's canContainHeredoc: RUN, COPY, ADD (also wrapped in ONBUILD), not in JSON form.</summary>
    private static bool CanContainHeredoc(ParsedLine parsed)
    {
        ParsedLine node = parsed;
        if (GoText.ToLower(parsed.Command) == InstructionNames.Onbuild && parsed.Inner != null)
        {
            node = parsed.Inner;
        }

        string name = GoText.ToLower(node.Command);
        return (name is InstructionNames.Run or InstructionNames.Copy or InstructionNames.Add) && !node.IsJson;
    }

    /// <summary>The directive part of BuildKit's processLine for the first line of a statement.</summary>
    private bool ProcessDirective(SourceLine line, int tokenStart)
    {
        DirectiveMatch? match = _directiveScanner.ParseLine(_text, tokenStart, line.ContentEnd, out string? error);
        TextSpan span = TextSpan.FromBounds(tokenStart, line.ContentEnd);
        if (error != null)
        {
            Report(DiagnosticSeverity.Error, "duplicate-directive", error, span);
            return false;
        }

        if (match is not { } directive)
        {
            return false;
        }

        if (directive.Name == DirectiveScanner.Escape)
        {
            if (directive.Value is not ("`" or "\\"))
            {
                Report(
                    DiagnosticSeverity.Error,
                    "invalid-escape-token",
                    "invalid escape token '" + directive.Value + "' does not match ` or \\",
                    span);
                return false;
            }

            _escape = directive.Value[0];
        }

        _directives.Add(new ParserDirective(directive.Name, directive.Value, span, line.Number));
        return true;
    }

    /// <summary>
    /// BuildKit's DetectSyntax and ParseDirective skip a "#!" first line and then read "#key=value"
    /// lines for syntax and check (not escape: the parser itself stops at the shebang).
    /// </summary>
    private void ScanDirectivesAfterShebang()
    {
        int start = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        if (!_text.AsSpan(start).StartsWith("#!"))
        {
            return;
        }

        var scanner = new DirectiveScanner("#");
        int lineNumber = 1;
        int pos = NextLineStart(start);
        while (pos < _text.Length && !scanner.Done)
        {
            lineNumber++;
            (int end, int contentEnd) = ScannedLineAt(pos);
            DirectiveMatch? match = scanner.ParseLine(_text, pos, contentEnd, out string? error);
            if (error != null)
            {
                break;
            }

            if (match is { } directive && directive.Name != DirectiveScanner.Escape)
            {
                _afterShebang[lineNumber] = directive;
                _directives.Add(new ParserDirective(directive.Name, directive.Value, TextSpan.FromBounds(pos, contentEnd), lineNumber));
            }

            pos = end;
        }
    }

    /// <summary>DetectSyntax's fallback: "//syntax=..." lines at the top, when no "#" syntax directive exists.</summary>
    private void DetectSlashSyntaxDirective()
    {
        if (_directives.Any(d => d.Name == DirectiveScanner.Syntax))
        {
            return;
        }

        int pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        int lineNumber = 1;
        if (_text.AsSpan(pos).StartsWith("#!"))
        {
            pos = NextLineStart(pos);
            lineNumber++;
        }

        var scanner = new DirectiveScanner("//");
        while (pos < _text.Length && !scanner.Done)
        {
            (int end, int contentEnd) = ScannedLineAt(pos);
            DirectiveMatch? match = scanner.ParseLine(_text, pos, contentEnd, out string? error);
            if (error != null)
            {
                return;
            }

            if (match is { Name: DirectiveScanner.Syntax } directive)
            {
                _directives.Add(new ParserDirective(directive.Name, directive.Value, TextSpan.FromBounds(pos, contentEnd), lineNumber));
                return;
            }

            pos = end;
            lineNumber++;
        }
    }

    /// <summary>A line as bufio.ScanLines gives it (one "\r" before the "\n" dropped): its end and content end.</summary>
    private (int End, int ContentEnd) ScannedLineAt(int pos)
    {
        int end = NextLineStart(pos);
        int contentEnd = end;
        if (contentEnd > pos && _text[contentEnd - 1] == '\n')
        {
            contentEnd--;
        }

        if (contentEnd > pos && _text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        return (end, contentEnd);
    }

    private int NextLineStart(int pos)
    {
        int newline = _text.IndexOf('\n', pos);
        return newline < 0 ? _text.Length : newline + 1;
    }

    private bool TryReadLine(out SourceLine line)
    {
        if (_pos >= _text.Length)
        {
            line = default;
            return false;
        }

        int start = _pos;
        int end = NextLineStart(start);
        int contentEnd = end;
        while (contentEnd > start && _text[contentEnd - 1] is '\r' or '\n')
        {
            contentEnd--;
        }

        _pos = end;
        _lineNumber++;
        line = new SourceLine(start, contentEnd, end, _lineNumber);
        CheckLineLength(line);
        return true;
    }

    /// <summary>BuildKit's scanner fails on a line longer than 64 KiB (UTF-8 bytes, "\n" included).</summary>
    private void CheckLineLength(SourceLine line)
    {
        int chars = line.End - line.Start;
        if (_reportedLongLine || chars * 3 < MaxLineBytes - 1)
        {
            return;
        }

        bool hasNewline = _text[line.End - 1] == '\n';
        int limit = hasNewline ? MaxLineBytes : MaxLineBytes - 1;
        if (Encoding.UTF8.GetByteCount(_text.AsSpan(line.Start, chars)) > limit)
        {
            _reportedLongLine = true;
            Report(
                DiagnosticSeverity.Error,
                "line-too-long",
                $"dockerfile line greater than max allowed size of {MaxLineBytes - 1}",
                new TextSpan(line.Start, 0));
        }
    }

    /// <summary>BuildKit's lineContinuationRegex: the escape as the last non-blank character, not itself escaped.</summary>
    private (int PieceEnd, bool EndOfLine) TrimContinuation(int start, int end)
    {
        int last = end;
        while (last > start && _text[last - 1] is ' ' or '\t')
        {
            last--;
        }

        if (last > start && _text[last - 1] == _escape)
        {
            int escapeAt = last - 1;
            if (escapeAt == start || _text[escapeAt - 1] != _escape)
            {
                return (escapeAt, false);
            }
        }

        return (end, true);
    }

    private int SkipSpaces(int start, int end)
    {
        while (start < end && GoText.IsSpace(_text[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>BuildKit's isComment: "#" after leading white space.</summary>
    private bool IsComment(int start, int end)
    {
        int first = SkipSpaces(start, end);
        return first < end && _text[first] == '#';
    }

    private void AddTrivia(TriviaKind kind, int start, int end)
    {
        // A file holding only a byte order mark leaves an empty first line: no node for it.
        if (end > start)
        {
            _nodes.Add(new TriviaNode { Kind = kind, Span = TextSpan.FromBounds(start, end) });
        }
    }

    private void Report(DiagnosticSeverity severity, string code, string message, TextSpan span) =>
        _diagnostics.Add(Diagnostic.Create(severity, code, message, _source, span));

    private static string ErrorCode(string message) =>
        message.StartsWith("when using JSON", StringComparison.Ordinal) ? "json-not-string-array"
        : message.StartsWith("Syntax error", StringComparison.Ordinal) ? "missing-equals"
        : "missing-value";

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
