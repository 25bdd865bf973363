using Headroom.Shell;

namespace Headroom.Tests.Shell;

public sealed class ShellWordTests
{
    /// <summary>A word of the last command (substitutions come before the command that holds them).</summary>
    private static ShellWord Word(string text, int word = 1) => ShellScript.Analyze(text).Commands[^1].Words[word];

    [Theory]
    [InlineData("echo plain", "plain")]
    [InlineData("echo 'single quoted $X'", "single quoted $X")]
    [InlineData("echo \"double quoted\"", "double quoted")]
    [InlineData("echo a'b'\"c\"d", "abcd")]
    [InlineData("echo \\$HOME", "$HOME")]
    [InlineData("echo a\\ b", "a b")]
    [InlineData("echo \"a\\\"b\"", "a\"b")]
    [InlineData("echo \"a\\nb\"", "a\\nb")]
    [InlineData("echo \"\\\\\"", "\\")]
    [InlineData("echo ''", "")]
    [InlineData("echo \"\"", "")]
    [InlineData("echo $'a\\tb'", "a\tb")]
    [InlineData("echo $", "$")]
    [InlineData("echo a$", "a$")]
    [InlineData("echo \"$\"", "$")]
    [InlineData("echo ab#c", "ab#c")]
    [InlineData("echo {a,b}", "{a,b}")]
    [InlineData("echo \"numpy<2\"", "numpy<2")]
    public void Literal_values_after_quote_removal(string text, string expected)
    {
        ShellWord word = Word(text);
        Assert.Equal(expected, word.Value);
        Assert.False(word.IsDynamic);
    }

    [Theory]
    [InlineData("echo $HOME", "HOME")]
    [InlineData("echo ${TORCH_VERSION}", "TORCH_VERSION")]
    [InlineData("echo ${PIP_FLAGS:-}", "PIP_FLAGS")]
    [InlineData("echo ${#ARR}", "ARR")]
    [InlineData("echo \"$1\"", "1")]
    [InlineData("echo \"$@\"", "@")]
    [InlineData("echo pre${X}post", "X")]
    public void Parameters_are_dynamic_with_their_names(string text, string name)
    {
        ShellWord word = Word(text);
        Assert.True(word.IsDynamic);
        Assert.Null(word.Value);
        Assert.Equal([name], word.ParameterNames);
    }

    [Theory]
    [InlineData("echo $(date)", WordPartKind.CommandSubstitution)]
    [InlineData("echo `date`", WordPartKind.CommandSubstitution)]
    [InlineData("echo $((1 + 2))", WordPartKind.Arithmetic)]
    [InlineData("echo \"$(date)\"", WordPartKind.CommandSubstitution)]
    [InlineData("diff <(ls a) b", WordPartKind.ProcessSubstitution)]
    public void Substitutions_are_dynamic_parts(string text, WordPartKind kind)
    {
        ShellWord word = Word(text);
        Assert.True(word.IsDynamic);
        Assert.Contains(word.Parts, p => p.Kind == kind);
    }

    [Fact]
    public void Literal_prefix_stops_at_the_first_expansion()
    {
        Assert.Equal("--index-url=", Word("pip --index-url=$URL").LiteralPrefix);
        Assert.Equal("torch==", Word("pip torch==${V}").LiteralPrefix);
        Assert.Equal("", Word("pip \"$PKG\"").LiteralPrefix);
        Assert.Equal("plain", Word("pip plain").LiteralPrefix);
    }

    [Fact]
    public void Word_spans_and_raw_text_cover_quotes()
    {
        const string text = "pip install  \"torch==2.3.1\" 'numpy<2'";
        ShellScript script = ShellScript.Analyze(text);
        ShellWord torch = script.Commands[0].Words[2];
        Assert.Equal("\"torch==2.3.1\"", script.At(torch.Span));
        Assert.Equal("\"torch==2.3.1\"", torch.RawText);
        Assert.Equal("torch==2.3.1", torch.Value);
        ShellWord numpy = script.Commands[0].Words[3];
        Assert.Equal(text.Length, numpy.Span.End);
        Assert.Equal("numpy<2", script.At(numpy.Parts[0].Span));
    }

    [Fact]
    public void Unquoted_glob_characters_are_flagged_and_quoted_ones_are_not()
    {
        Assert.True(Word("rm -rf /var/lib/apt/lists/*", word: 2).HasGlob);
        Assert.False(Word("rm -rf '/var/lib/apt/lists/*'", word: 2).HasGlob);
        Assert.Equal("/var/lib/apt/lists/*", Word("rm -rf /var/lib/apt/lists/*", word: 2).Value);
    }

    [Fact]
    public void Quoted_words_are_not_reserved_words()
    {
        ShellScript script = ShellScript.Analyze("'if' x; echo \"fi\"");
        Assert.Equal([["if", "x"], ["echo", "fi"]], script.Words());
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Line_continuations_join_words_and_separate_arguments()
    {
        ShellScript script = ShellScript.Analyze("apt-get install -y \\\n    curl \\\n    git\\\nhub");
        Assert.Equal([["apt-get", "install", "-y", "curl", "github"]], script.Words());
    }

    [Fact]
    public void Crlf_line_ends_do_not_stick_to_words()
    {
        ShellScript script = ShellScript.Analyze("pip install x\r\necho done\r\n");
        Assert.Equal([["pip", "install", "x"], ["echo", "done"]], script.Words());
    }

    [Fact]
    public void Bash_array_assignment_is_one_word()
    {
        ShellScript script = ShellScript.Analyze("PKGS=(curl git) && apt-get install -y \"${PKGS[@]}\"");
        Assert.Equal("PKGS", script.Commands[0].Assignments[0].Name);
        Assert.Equal("(curl git)", script.Commands[0].Assignments[0].Value);
        Assert.Equal(["apt-get", "install", "-y"], script.Commands[1].Words.Take(3).Select(w => w.Value));
    }

    [Fact]
    public void Comments_are_skipped_but_hash_inside_a_word_is_not_a_comment()
    {
        ShellScript script = ShellScript.Analyze("echo a#b # a comment ; rm -rf /\necho c");
        Assert.Equal([["echo", "a#b"], ["echo", "c"]], script.Words());
    }
}
