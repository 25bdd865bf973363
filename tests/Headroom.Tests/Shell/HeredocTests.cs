using Headroom.Shell;

namespace Headroom.Tests.Shell;

public sealed class HeredocTests
{
    [Fact]
    public void Heredoc_body_is_data_and_parsing_goes_on_after_the_terminator()
    {
        const string text = "cat <<EOF > /etc/pip.conf && echo written\n[global]\nno-cache-dir = false\nEOF\npip install x\n";
        ShellScript script = ShellScript.Analyze(text);
        Assert.Equal([["cat"], ["echo", "written"], ["pip", "install", "x"]], script.Words());
        ShellHeredoc heredoc = script.Commands[0].Redirections[0].Heredoc!;
        Assert.Equal("EOF", heredoc.Delimiter);
        Assert.Equal("[global]\nno-cache-dir = false\n", heredoc.Body);
        Assert.Equal("[global]\nno-cache-dir = false\n", script.At(heredoc.BodySpan));
        Assert.True(heredoc.IsTerminated);
        Assert.False(heredoc.IsQuoted);
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Quoted_delimiter_and_tab_stripping()
    {
        ShellScript script = ShellScript.Analyze("cat <<-'END'\n\tline $X\n\tEND\necho after");
        ShellHeredoc heredoc = script.Commands[0].Redirections[0].Heredoc!;
        Assert.True(heredoc.IsQuoted);
        Assert.True(heredoc.StripTabs);
        Assert.Equal("line $X\n", heredoc.Body);
        Assert.Equal(["echo", "after"], script.Commands[1].Words.Select(w => w.Value));
    }

    [Fact]
    public void Two_heredocs_on_one_line_are_read_in_order()
    {
        ShellScript script = ShellScript.Analyze("cat <<A; cat <<B\na body\nA\nb body\nB\n");
        Assert.Equal("a body\n", script.Commands[0].Redirections[0].Heredoc!.Body);
        Assert.Equal("b body\n", script.Commands[1].Redirections[0].Heredoc!.Body);
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Unterminated_heredoc_is_a_warning_with_the_rest_as_body()
    {
        ShellScript script = ShellScript.Analyze("cat <<EOF\nnever ends\n");
        ShellDiagnostic diagnostic = Assert.Single(script.Diagnostics);
        Assert.Equal("unterminated-heredoc", diagnostic.Code);
        Assert.Equal("EOF", script.At(diagnostic.Span));
        Assert.False(script.Commands[0].Redirections[0].Heredoc!.IsTerminated);
        Assert.Equal("never ends\n", script.Commands[0].Redirections[0].Heredoc!.Body);
    }

    [Fact]
    public void Heredoc_fed_to_a_shell_is_analysed_with_spans_in_the_outer_string()
    {
        const string text = "bash -e <<EOF\napt-get update\n\tpip install --no-cache-dir torch\nEOF\n";
        ShellScript script = ShellScript.Analyze(text);
        Assert.Equal([["bash", "-e"], ["apt-get", "update"], ["pip", "install", "--no-cache-dir", "torch"]], script.Words());
        SimpleCommand pip = script.Commands[2];
        Assert.Equal(1, pip.NestingLevel);
        Assert.True(pip.IsIn(ShellCommandContext.NestedShell));
        Assert.Equal("torch", script.At(pip.Words[3].Span));
    }

    [Fact]
    public void Heredoc_with_strip_tabs_fed_to_sh_maps_spans_past_the_tabs()
    {
        const string text = "sh <<-EOF\n\t\tpip install x\n\tEOF";
        ShellScript script = ShellScript.Analyze(text);
        SimpleCommand pip = script.Commands[1];
        Assert.Equal("pip install x", script.At(pip.Span));
    }

    [Fact]
    public void A_heredoc_of_a_non_shell_program_is_not_analysed()
    {
        ShellScript script = ShellScript.Analyze("python3 <<EOF\nimport os\nos.system('pip install x')\nEOF");
        Assert.Single(script.Commands);
    }

    [Theory]
    [InlineData("cat <<EOF `echo x` > f\nbody\nEOF\necho after")]
    [InlineData("cat <<EOF $(echo x) > f\nbody\nEOF\necho after")]
    public void Heredoc_opened_before_a_substitution_keeps_its_body_after_the_line(string text)
    {
        ShellScript script = ShellScript.Analyze(text);
        Assert.Empty(script.Diagnostics);
        Assert.Equal("body\n", script.Commands.Single(c => c.CommandName == "cat").Redirections[0].Heredoc!.Body);
        Assert.Equal(["echo", "after"], script.Commands[^1].Words.Select(w => w.Value));
    }

    [Fact]
    public void Heredoc_inside_a_command_substitution()
    {
        ShellScript script = ShellScript.Analyze("X=$(cat <<EOF\ninner\nEOF\n) && echo $X");
        Assert.Empty(script.Diagnostics);
        Assert.Equal("inner\n", script.Commands[0].Redirections[0].Heredoc!.Body);
        Assert.Equal("echo", script.Commands[^1].CommandName);
    }
}
