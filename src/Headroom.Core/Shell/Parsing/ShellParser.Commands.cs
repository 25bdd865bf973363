using System.Collections.Immutable;
using Headroom.Diagnostics;

namespace Headroom.Shell.Parsing;

internal sealed partial class ShellParser
{
    private static readonly string[] NoStops = [];
    private static readonly string[] ParenStops = [")"];

    private static bool IsStop(ShellToken token, string[] stops)
    {
        string? text = token.Kind switch
        {
            ShellTokenKind.Operator => token.Text,
            ShellTokenKind.Word when !token.Word!.IsQuoted => token.Word.Value,
            _ => null,
        };
        return text is not null && Array.IndexOf(stops, text) >= 0;
    }

    /// <summary>Parses and-or lists separated by <c>;</c>, <c>&amp;</c> or newlines until the end or a stop token (not consumed).</summary>
    private void ParseList(string[] stops)
    {
        while (true)
        {
            SkipNewlines();
            ShellToken token = Peek();
            if (token.Kind == ShellTokenKind.End || IsStop(token, stops))
            {
                return;
            }

            long consumed = _consumed;
            int firstCommand = _commands.Count;
            ParseAndOr();
            if (_consumed == consumed)
            {
                token = Next();
                Report(DiagnosticSeverity.Error, "unexpected-token", $"unexpected '{Describe(token)}'", token.Start, token.End);
                continue;
            }

            token = Peek();
            if (token.IsOperator(";"))
            {
                Next();
                SetOperator(ShellOperator.Semicolon);
            }
            else if (token.IsOperator("&"))
            {
                Next();
                for (int i = firstCommand; i < _commands.Count; i++)
                {
                    _commands[i].Context |= ShellCommandContext.Background;
                }

                SetOperator(ShellOperator.Background);
            }
        }
    }

    /// <summary>Parses the commands of <c>$(...)</c> or backticks: they run in a subshell, before the word's command.</summary>
    private void ParseNestedList(string[] stops)
    {
        var saved = Enter(ShellCommandContext.CommandSubstitution, conditional: false);
        (ShellOperator pending, bool negated, SimpleCommand? last, ShellEnvironment environment) = (_pendingOperator, _pendingNegated, _lastCommand, _environment);
        // Heredocs opened before the substitution have their bodies after the outer line, not inside it.
        List<PendingHeredoc> heredocs = _pendingHeredocs;
        _pendingHeredocs = [];
        _pendingOperator = ShellOperator.None;
        _pendingNegated = false;
        ParseList(stops);
        (_pendingOperator, _pendingNegated, _lastCommand, _environment) = (pending, negated, last, environment);
        _pendingHeredocs.InsertRange(0, heredocs);
        Leave(saved);
    }

    private void SetOperator(ShellOperator op)
    {
        _pendingOperator = op;
        if (_lastCommand is { FollowingOperator: ShellOperator.None })
        {
            _lastCommand.FollowingOperator = op;
        }
    }

    private void SkipNewlines()
    {
        while (Peek().Kind == ShellTokenKind.Newline)
        {
            Next();
            SetOperator(ShellOperator.Newline);
        }
    }

    /// <summary>Newlines that do not separate commands (after <c>&amp;&amp;</c>, <c>|</c>, <c>in</c>, ...).</summary>
    private void SkipLinebreaks()
    {
        while (Peek().Kind == ShellTokenKind.Newline)
        {
            Next();
        }
    }

    private void ParseAndOr()
    {
        long consumed = _consumed;
        ParsePipeline();
        if (_consumed == consumed)
        {
            return; // nothing here: the caller reports the token
        }

        while (Peek() is { Kind: ShellTokenKind.Operator, Text: "&&" or "||" } token)
        {
            Next();
            bool or = token.Text == "||";
            SetOperator(or ? ShellOperator.Or : ShellOperator.And);
            bool saved = _conditional;
            _conditional |= or;
            SkipLinebreaks();
            ParseOperand(token, ParsePipeline);
            _conditional = saved;
        }
    }

    /// <summary>Parses what must follow <paramref name="op"/> (<c>&amp;&amp;</c>, <c>||</c>, <c>|</c>); reports when nothing does.</summary>
    private void ParseOperand(ShellToken op, Action parse)
    {
        long consumed = _consumed;
        parse();
        if (_consumed == consumed)
        {
            Report(DiagnosticSeverity.Error, "missing-command", $"a command is expected after '{op.Text}'", op.Start, op.End);
        }
    }

    private void ParsePipeline()
    {
        if (Peek().IsWord("!"))
        {
            Next();
            _pendingNegated = true;
        }

        int first = _commands.Count;
        ShellEnvironment before = _environment;
        bool multiple = false;
        ParseCommand();
        while (Peek() is { Kind: ShellTokenKind.Operator, Text: "|" or "|&" } pipe)
        {
            Next();
            SetOperator(ShellOperator.Pipe);
            multiple = true;
            SkipLinebreaks();
            ParseOperand(pipe, ParseCommand);
        }

        if (multiple)
        {
            for (int i = first; i < _commands.Count; i++)
            {
                _commands[i].Context |= ShellCommandContext.Pipeline;
            }

            // Each part of a pipeline runs in a subshell: its assignments are lost.
            _environment = before;
        }
    }

    private void ParseCommand()
    {
        ShellToken token = Peek();
        if (token.IsOperator("("))
        {
            ParseCompound(token, ParseSubshell);
            return;
        }

        if (token.Kind == ShellTokenKind.Word && !token.Word!.IsQuoted && token.Word.Value is { } word)
        {
            Action? compound = word switch
            {
                "if" => ParseIf,
                "for" or "select" => ParseFor,
                "while" or "until" => ParseWhile,
                "case" => ParseCase,
                "{" => ParseGroup,
                "function" => ParseFunctionKeyword,
                _ => null,
            };
            if (compound is not null)
            {
                ParseCompound(token, compound);
                return;
            }

            if (word is "then" or "elif" or "else" or "fi" or "do" or "done" or "esac" or "}")
            {
                Next();
                Report(DiagnosticSeverity.Error, "unexpected-keyword", $"unexpected '{word}'", token.Start, token.End);
                return;
            }
        }

        if (token.Kind is ShellTokenKind.Word or ShellTokenKind.Redirection)
        {
            ParseSimpleCommand();
        }
    }

    private void ParseCompound(ShellToken token, Action parse)
    {
        if (!TryEnterDepth(token.Start))
        {
            Next();
            return;
        }

        _pendingNegated = false;
        parse();
        _depth--;
        while (Peek() is { Kind: ShellTokenKind.Redirection } redirection)
        {
            Next();
            ParseRedirection(redirection);
        }
    }

    private void ParseSimpleCommand()
    {
        var assignments = ImmutableArray.CreateBuilder<ShellAssignment>();
        var words = ImmutableArray.CreateBuilder<ShellWord>();
        var redirections = ImmutableArray.CreateBuilder<ShellRedirection>();
        int start = Peek().Start;
        int end = start;
        while (true)
        {
            ShellToken token = Peek();
            if (token.Kind == ShellTokenKind.Redirection)
            {
                Next();
                ShellRedirection redirection = ParseRedirection(token);
                redirections.Add(redirection);
                end = Math.Max(token.End, redirection.Target?.LocalSpan.End ?? token.End);
                continue;
            }

            if (token.Kind != ShellTokenKind.Word)
            {
                break;
            }

            Next();
            end = token.End;
            if (words.Count == 0 && ShellAssignment.TryCreate(token.Word!) is { } assignment)
            {
                assignments.Add(assignment);
                continue;
            }

            words.Add(token.Word!);
            if (words.Count == 1 && assignments.Count == 0 && redirections.Count == 0 && Peek().IsOperator("("))
            {
                ParseFunctionDefinition();
                return;
            }
        }

        var command = new SimpleCommand(
            _commands.Count,
            MapSpan(start, end),
            assignments.ToImmutable(),
            words.ToImmutable(),
            redirections.ToImmutable(),
            _context,
            _conditional,
            _pendingOperator,
            _pendingNegated,
            _nestingLevel,
            _origin);
        _pendingNegated = false;
        _commands.Add(command);
        _lastCommand = command;
        TrackEnvironment(command);
        AnalyzeNestedShell(command);
    }

    private ShellRedirection ParseRedirection(ShellToken op)
    {
        RedirectionOperator kind = op.Text switch
        {
            "<" => RedirectionOperator.Input,
            ">>" => RedirectionOperator.Append,
            ">|" => RedirectionOperator.Clobber,
            "<>" => RedirectionOperator.ReadWrite,
            "<&" => RedirectionOperator.DuplicateInput,
            ">&" => RedirectionOperator.DuplicateOutput,
            "&>" => RedirectionOperator.OutputAndError,
            "&>>" => RedirectionOperator.AppendOutputAndError,
            "<<" => RedirectionOperator.Heredoc,
            "<<-" => RedirectionOperator.HeredocStripTabs,
            "<<<" => RedirectionOperator.HereString,
            _ => RedirectionOperator.Output,
        };
        ShellWord? target = null;
        int end = op.End;
        if (Peek() is { Kind: ShellTokenKind.Word } word)
        {
            Next();
            target = word.Word;
            end = word.End;
        }
        else
        {
            Report(DiagnosticSeverity.Error, "missing-redirection-target", $"'{op.Text}' has no target", op.Start, op.End);
        }

        var redirection = new ShellRedirection(kind, op.Text, op.IoNumber >= 0 ? op.IoNumber : null, target, MapSpan(op.Start, end));
        if (target is not null && kind is RedirectionOperator.Heredoc or RedirectionOperator.HeredocStripTabs)
        {
            string delimiter = target.Value ?? target.RawText;
            _pendingHeredocs.Add(new PendingHeredoc(redirection, delimiter, target.IsQuoted, kind == RedirectionOperator.HeredocStripTabs));
        }

        return redirection;
    }
}
