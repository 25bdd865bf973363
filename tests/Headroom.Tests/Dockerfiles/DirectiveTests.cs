using Headroom.Dockerfiles;
using static Headroom.Tests.Dockerfiles.ParserTestHelpers;

namespace Headroom.Tests.Dockerfiles;

public sealed class DirectiveTests
{
    [Fact]
    public void Leading_directives_are_read_with_case_insensitive_keys()
    {
        DockerfileSyntax syntax = Parse("# SYNTAX = docker/dockerfile:1 // opts\n#Escape=`\n# check=skip=all\nFROM a\n");

        Assert.Equal(
            [("syntax", "docker/dockerfile:1 // opts", 1), ("escape", "`", 2), ("check", "skip=all", 3)],
            syntax.Directives.Select(d => (d.Name, d.Value, d.Line)));
        Assert.Equal('`', syntax.EscapeChar);
        Assert.Equal("docker/dockerfile:1 // opts", syntax.GetDirective("syntax"));
        Assert.Equal(
            [TriviaKind.Directive, TriviaKind.Directive, TriviaKind.Directive],
            syntax.Nodes.OfType<TriviaNode>().Select(t => t.Kind));
    }

    [Fact]
    public void A_comment_or_blank_line_ends_the_directives()
    {
        DockerfileSyntax afterComment = Parse("# hello\n# escape=`\nFROM a\n");
        DockerfileSyntax afterBlank = Parse("\n# escape=`\nFROM a\n");

        Assert.Empty(afterComment.Directives);
        Assert.Equal('\\', afterComment.EscapeChar);
        Assert.Empty(afterBlank.Directives);
        Assert.Equal(TriviaKind.Comment, afterBlank.Nodes.OfType<TriviaNode>().ElementAt(1).Kind);
    }

    [Fact]
    public void Unknown_directive_ends_the_scan()
    {
        DockerfileSyntax syntax = Parse("# key = FOO bar\n# escape=`\nFROM a\n");

        Assert.Empty(syntax.Directives);
    }

    [Fact]
    public void Duplicate_directive_is_an_error_on_its_line()
    {
        DockerfileSyntax syntax = Parse("# escape=\\\n# ESCAPE=`\nFROM a\n");

        var error = SingleError(syntax);
        Assert.Equal("only one escape parser directive can be used", error.Message);
        Assert.Equal(2, error.Start.Line);
        Assert.Equal('\\', syntax.EscapeChar);
    }

    [Fact]
    public void Escape_accepts_only_backslash_or_backtick()
    {
        DockerfileSyntax syntax = Parse("# escape=x\nFROM a\n");

        var error = SingleError(syntax);
        Assert.Equal("invalid escape token 'x' does not match ` or \\", error.Message);
        Assert.Equal(1, error.Start.Line);
    }

    [Fact]
    public void Backtick_escape_continues_lines_and_backslash_is_plain()
    {
        string dump = Dump("# escape=`\nFROM image\nENV GOPATH `\n\\go\nRUN dir c:\\ `\n  && echo\n");

        Assert.Equal("(from \"image\")\n(env \"GOPATH\" \"\\\\go\" \"\")\n(run \"dir c:\\\\   && echo\")\n", dump);
    }

    [Fact]
    public void Directive_after_an_instruction_is_a_comment()
    {
        DockerfileSyntax syntax = Parse("FROM a\n# escape=`\nRUN b `\n");

        Assert.Empty(syntax.Directives);
        Assert.Equal(["b `"], syntax.Instructions.Last().Args);
    }

    [Fact]
    public void Shebang_is_trivia_and_ends_the_parsers_scan_but_syntax_is_still_detected()
    {
        DockerfileSyntax syntax = Parse("#!/usr/bin/env buildctl\n# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN b \\\n c\n");

        Assert.Equal(TriviaKind.Shebang, ((TriviaNode)syntax.Nodes[0]).Kind);
        // BuildKit's DetectSyntax skips the shebang; its parser does not, so escape stays "\".
        Assert.Equal([("syntax", "docker/dockerfile:1", 2)], syntax.Directives.Select(d => (d.Name, d.Value, d.Line)));
        Assert.Equal('\\', syntax.EscapeChar);
        Assert.Equal(["b  c"], syntax.Instructions.Last().Args);
        Assert.Equal("!/usr/bin/env buildctl", syntax.Instructions.First().Comments[0]);
    }

    [Fact]
    public void Byte_order_mark_is_its_own_node_and_directives_still_work()
    {
        const string text = "\uFEFF# escape=`\nFROM a\n";
        DockerfileSyntax syntax = Parse(text);

        Assert.Equal(TriviaKind.ByteOrderMark, ((TriviaNode)syntax.Nodes[0]).Kind);
        Assert.Equal(new Headroom.Text.TextSpan(0, 1), syntax.Nodes[0].Span);
        Assert.Equal('`', syntax.EscapeChar);
        Assert.Equal("(from \"a\")\n", SexpPrinter.Print(syntax));
    }

    [Fact]
    public void Byte_order_mark_before_an_instruction()
    {
        DockerfileSyntax syntax = Parse("\uFEFFFROM a\n");

        Instruction from = Assert.Single(syntax.Instructions);
        Assert.Equal("from", from.Name);
        Assert.Equal(1, from.KeywordSpan.Start);
    }

    [Fact]
    public void Slash_syntax_directive_is_detected_like_DetectSyntax()
    {
        DockerfileSyntax syntax = Parse("//syntax=foo\nFROM a\n");

        Assert.Equal("foo", syntax.GetDirective("syntax"));
        // For the parser itself the line is an unknown instruction.
        Assert.Equal("(//syntax=foo \"\")\n(from \"a\")\n", SexpPrinter.Print(syntax));
    }

    [Fact]
    public void Directive_value_is_trimmed_and_the_prefix_may_be_indented()
    {
        DockerfileSyntax syntax = Parse("  #   syntax   =   x/y:1   \nFROM a\n");

        Assert.Equal("x/y:1", syntax.GetDirective("syntax"));
    }
}
