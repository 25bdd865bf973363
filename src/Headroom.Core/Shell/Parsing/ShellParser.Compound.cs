using Headroom.Diagnostics;

namespace Headroom.Shell.Parsing;

internal sealed partial class ShellParser
{
    private static readonly string[] ThenStops = ["then"];
    private static readonly string[] BranchStops = ["elif", "else", "fi"];
    private static readonly string[] FiStops = ["fi"];
    private static readonly string[] DoStops = ["do"];
    private static readonly string[] DoneStops = ["done"];
    private static readonly string[] BraceStops = ["}"];
    private static readonly string[] CaseArmStops = [";;", ";&", ";;&", "esac"];

    private void Expect(string text, ShellToken opening)
    {
        ShellToken token = Peek();
        if (token.Kind is ShellTokenKind.Word or ShellTokenKind.Operator && (token.IsWord(text) || token.IsOperator(text)))
        {
            Next();
            return;
        }

        Report(DiagnosticSeverity.Error, "expected-keyword", $"'{text}' expected to close '{Describe(opening)}', found {Describe(token)}", opening.Start, opening.End);
    }

    private void ParseBody(ShellCommandContext context, bool conditional, string[] stops)
    {
        var saved = Enter(context, conditional);
        ParseList(stops);
        Leave(saved);
    }

    private void ParseSubshell()
    {
        ShellToken open = Next();
        ShellEnvironment before = _environment;
        ParseBody(ShellCommandContext.Subshell, conditional: false, ParenStops);
        Expect(")", open);
        _environment = before;
    }

    private void ParseGroup()
    {
        ShellToken open = Next();
        ParseBody(ShellCommandContext.BraceGroup, conditional: false, BraceStops);
        Expect("}", open);
    }

    private void ParseIf()
    {
        ShellToken open = Next();
        ParseBody(ShellCommandContext.IfCondition, conditional: false, ThenStops);
        Expect("then", open);
        ParseBody(ShellCommandContext.IfBranch, conditional: true, BranchStops);
        while (true)
        {
            ShellToken token = Peek();
            if (token.IsWord("elif"))
            {
                Next();
                ParseBody(ShellCommandContext.IfCondition, conditional: true, ThenStops);
                Expect("then", token);
                ParseBody(ShellCommandContext.IfBranch, conditional: true, BranchStops);
                continue;
            }

            if (token.IsWord("else"))
            {
                Next();
                ParseBody(ShellCommandContext.IfBranch, conditional: true, FiStops);
            }

            break;
        }

        Expect("fi", open);
    }

    private void ParseFor()
    {
        ShellToken open = Next();
        ShellToken token = Peek();
        if (token.IsOperator("("))
        {
            // for (( init; test; step )): skip the arithmetic header.
            _peeked = null;
            _pos = ScanBalancedParentheses(token.Start);
        }
        else if (token.Kind == ShellTokenKind.Word)
        {
            Next();
        }
        else
        {
            Report(DiagnosticSeverity.Error, "expected-keyword", $"a variable name expected after '{Describe(open)}'", open.Start, open.End);
        }

        SkipLinebreaks();
        if (Peek().IsWord("in"))
        {
            Next();
            while (Peek().Kind == ShellTokenKind.Word)
            {
                Next();
            }
        }

        if (Peek().IsOperator(";"))
        {
            Next();
        }

        SkipLinebreaks();
        Expect("do", open);
        ParseBody(ShellCommandContext.LoopBody, conditional: true, DoneStops);
        Expect("done", open);
    }

    private void ParseWhile()
    {
        ShellToken open = Next();
        ParseBody(ShellCommandContext.LoopCondition, conditional: false, DoStops);
        Expect("do", open);
        ParseBody(ShellCommandContext.LoopBody, conditional: true, DoneStops);
        Expect("done", open);
    }

    private void ParseCase()
    {
        ShellToken open = Next();
        if (Peek().Kind == ShellTokenKind.Word)
        {
            Next();
        }

        SkipLinebreaks();
        Expect("in", open);
        while (true)
        {
            SkipLinebreaks();
            ShellToken token = Peek();
            if (token.Kind == ShellTokenKind.End)
            {
                Expect("esac", open);
                return;
            }

            if (token.IsWord("esac"))
            {
                Next();
                return;
            }

            if (token.IsOperator("("))
            {
                Next();
            }

            while (Peek().Kind == ShellTokenKind.Word)
            {
                Next();
                if (!Peek().IsOperator("|"))
                {
                    break;
                }

                Next();
            }

            token = Next();
            if (!token.IsOperator(")"))
            {
                Report(DiagnosticSeverity.Error, "unexpected-token", $"unexpected '{Describe(token)}' in a case pattern", token.Start, token.End);
                continue;
            }

            ParseBody(ShellCommandContext.CaseArm, conditional: true, CaseArmStops);
            if (Peek() is { Kind: ShellTokenKind.Operator, Text: ";;" or ";&" or ";;&" })
            {
                Next();
            }
        }
    }

    /// <summary>After <c>name</c> with <c>(</c> next: <c>name() compound-command</c>.</summary>
    private void ParseFunctionDefinition()
    {
        ShellToken open = Next();
        Expect(")", open);
        if (TryEnterDepth(open.Start))
        {
            ParseFunctionBody();
            _depth--;
        }
    }

    private void ParseFunctionKeyword()
    {
        Next();
        if (Peek().Kind == ShellTokenKind.Word)
        {
            Next();
        }

        if (Peek().IsOperator("("))
        {
            ShellToken open = Next();
            Expect(")", open);
        }

        ParseFunctionBody();
    }

    private void ParseFunctionBody()
    {
        SkipLinebreaks();
        var saved = Enter(ShellCommandContext.Function, conditional: true);
        ParseCommand();
        Leave(saved);
    }
}
