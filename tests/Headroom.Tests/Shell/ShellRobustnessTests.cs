using System.Text;
using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Tests.Shell;

public sealed class ShellRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "pip", " install ", "apt-get", "-y", "--no-cache-dir", "sh -c ", "bash -c", "'", "\"", "\\", "\\\n", "$", "${", "}", "$(", "$((", ")", "(",
        "`", "&&", "||", "|", ";", ";;", "&", "\n", " ", "\t", "<<", "<<-", "EOF", "\nEOF\n", ">", "2>&1", "<(", "if", "then", "fi", "for",
        "in", "do", "done", "case", "esac", "while", "{", "}", "!", "#", "=", "A=", "export ", "$'", "*", "x", "-r", "-rf", "/var/lib/apt/lists/*",
        "python -m pip", "uv pip", "env ", "sudo ", "rm", "find . -delete", "npm ci", "apk add", "conda install", "\r",
        "find -D", " -D", " -o", " -c", " -m", " -t", " -W", " --index-url=", " -qUr", "conda clean", " env create", "yarn", "pnpm store",
        "python3", "apt", " -o APT::Install-Recommends=", "timeout", " gosu", " --", "{}", " -exec",
    ];

    [Fact]
    public void Random_fragments_never_throw_and_spans_stay_in_range()
    {
        var random = new Random(20240601);
        for (int iteration = 0; iteration < 3000; iteration++)
        {
            var text = new StringBuilder();
            int count = random.Next(1, 40);
            for (int i = 0; i < count; i++)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            AssertWellFormed(text.ToString());
        }
    }

    [Fact]
    public void Random_characters_never_throw()
    {
        const string alphabet = "ab -'\"\\$`(){}[]|&;<>#\n\t=*!0123456789~%@:,.";
        var random = new Random(7);
        for (int iteration = 0; iteration < 3000; iteration++)
        {
            char[] chars = new char[random.Next(0, 60)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            AssertWellFormed(new string(chars));
        }
    }

    [Theory]
    [InlineData("$(", ")")]
    [InlineData("(", ")")]
    [InlineData("{ ", "; }")]
    [InlineData("if a; then ", "; fi")]
    [InlineData("f() ", "")]
    public void Deep_nesting_is_cut_off_with_a_diagnostic(string open, string close)
    {
        string text = string.Concat(Enumerable.Repeat(open, 5000)) + "echo" + string.Concat(Enumerable.Repeat(close, 5000));
        ShellScript script = AssertWellFormed(text);
        Assert.NotEmpty(script.Diagnostics);
    }

    [Theory]
    [InlineData("sh -c '", "'")]
    [InlineData("`", "`")]
    public void Long_flat_repetitions_are_fine(string open, string close)
    {
        string text = string.Concat(Enumerable.Repeat(open, 5000)) + "echo" + string.Concat(Enumerable.Repeat(close, 5000));
        AssertWellFormed(text);
    }

    [Fact]
    public void Escaped_nesting_of_sh_c_strings_is_followed_and_limited()
    {
        // sh -c "sh -c \"sh -c \\\"...\\\"\""; each level doubles the backslashes.
        string script = "echo deep";
        for (int level = 0; level < 6; level++)
        {
            script = "sh -c \"" + script.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        ShellScript analysed = AssertWellFormed(script);
        SimpleCommand echo = analysed.Commands[^1];
        Assert.Equal(["echo", "deep"], echo.Words.Select(w => w.Value));
        Assert.Equal(6, echo.NestingLevel);
        Assert.Equal("deep", analysed.At(echo.Words[1].Span));
    }

    [Fact]
    public void Long_input_is_read_whole()
    {
        string line = "apt-get update && apt-get install -y --no-install-recommends curl \"$(cat x)\" 'q' && rm -rf /var/lib/apt/lists/*\n";
        string small = string.Concat(Enumerable.Repeat(line, 2000));
        string large = string.Concat(Enumerable.Repeat(line, 8000));
        AssertWellFormed(small);
        // Speed is measured by a benchmark, not asserted here.
        ShellScript script = ShellScript.Analyze(large);
        Assert.Equal(8000 * 4, script.Commands.Length);
        Assert.Equal(8000 * 3, script.Invocations.Length);
    }

    private static ShellScript AssertWellFormed(string text)
    {
        ShellScript script = ShellScript.Analyze(text);
        _ = script.Invocations;
        for (int i = 0; i < script.Commands.Length; i++)
        {
            SimpleCommand command = script.Commands[i];
            Assert.Equal(i, command.Index);
            AssertInRange(text, command.Span);
            foreach (ShellWord word in command.Words.Concat(command.Assignments.Select(a => a.Word)))
            {
                AssertInRange(text, word.Span);
                Assert.All(word.Parts, p => AssertInRange(text, p.Span));
            }

            foreach (ShellRedirection redirection in command.Redirections)
            {
                AssertInRange(text, redirection.Span);
                if (redirection.Heredoc is { } heredoc)
                {
                    AssertInRange(text, heredoc.BodySpan);
                }
            }
        }

        foreach (ToolInvocation invocation in script.Invocations)
        {
            Assert.InRange(invocation.FlagInsertionOffset, 0, text.Length);
            Assert.All(invocation.Options, o => AssertInRange(text, o.Span));
        }

        Assert.All(script.Diagnostics, d => AssertInRange(text, d.Span));
        return script;
    }

    private static void AssertInRange(string text, Headroom.Text.TextSpan span)
    {
        Assert.InRange(span.Start, 0, text.Length);
        Assert.InRange(span.End, span.Start, text.Length);
    }
}
