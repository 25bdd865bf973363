using Headroom.Diagnostics;
using Headroom.Shell;
using Headroom.Text;

namespace Headroom.Tests.Shell;

public sealed class ShellDiagnosticTests
{
    [Theory]
    [InlineData("echo 'abc", "unterminated-single-quote", 5)]
    [InlineData("echo \"abc", "unterminated-double-quote", 5)]
    [InlineData("echo `abc", "unterminated-backtick", 5)]
    [InlineData("echo $(abc", "unterminated-command-substitution", 5)]
    [InlineData("echo ${abc", "unterminated-parameter-expansion", 5)]
    [InlineData("echo $'abc", "unterminated-single-quote", 5)]
    [InlineData("if true; then echo", "expected-keyword", 0)]
    [InlineData("while true; do echo", "expected-keyword", 0)]
    [InlineData("(echo a", "expected-keyword", 0)]
    [InlineData("{ echo a", "expected-keyword", 0)]
    [InlineData("case x in a) echo", "expected-keyword", 0)]
    [InlineData("echo a; fi", "unexpected-keyword", 8)]
    [InlineData("echo a )", "unexpected-token", 7)]
    [InlineData("&& echo", "unexpected-token", 0)]
    [InlineData("echo >", "missing-redirection-target", 5)]
    public void Bad_input_gives_a_diagnostic_with_an_offset(string text, string code, int offset)
    {
        ShellScript script = ShellScript.Analyze(text);
        ShellDiagnostic diagnostic = Assert.Single(script.Diagnostics, d => d.Code == code);
        Assert.Equal(offset, diagnostic.Span.Start);
        Assert.True(script.HasErrors);
    }

    [Theory]
    [InlineData("echo >>", ">>")]
    [InlineData("echo 2>&", "2>&")]
    [InlineData("cat <<<", "<<<")]
    [InlineData("echo &>", "&>")]
    public void Missing_target_diagnostic_covers_the_operator(string text, string op)
    {
        ShellScript script = ShellScript.Analyze(text);
        ShellDiagnostic diagnostic = Assert.Single(script.Diagnostics);
        Assert.Equal(op, script.At(diagnostic.Span));
        Assert.Equal(op, script.At(script.Commands[0].Redirections[0].Span));
    }

    [Fact]
    public void Unbalanced_quote_still_gives_the_commands_before_it()
    {
        ShellScript script = ShellScript.Analyze("apt-get update && apt-get install -y curl && echo \"done");
        Assert.Equal(3, script.Commands.Length);
        Assert.Equal("done", script.Commands[2].Words[1].Value);
    }

    [Fact]
    public void Diagnostic_maps_to_a_file_position()
    {
        var source = new SourceText("FROM x\nRUN echo 'oops\n", "Dockerfile");
        ShellScript script = ShellScript.Analyze("echo 'oops");
        Diagnostic diagnostic = script.Diagnostics[0].ToDiagnostic(source, offset => offset + 11);
        Assert.Equal(new LinePosition(2, 10), diagnostic.Start);
        Assert.Equal("Dockerfile", diagnostic.Path);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Empty_and_blank_input()
    {
        Assert.Empty(ShellScript.Analyze("").Commands);
        Assert.Empty(ShellScript.Analyze("  \n\t# only a comment\n").Commands);
        Assert.Empty(ShellScript.Analyze("\\\n").Diagnostics);
    }
}
