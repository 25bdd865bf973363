using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using static Headroom.Tests.Dockerfiles.ParserTestHelpers;

namespace Headroom.Tests.Dockerfiles;

public sealed class ContinuationTests
{
    /// <summary>BuildKit's TestParseWarnsOnEmptyContinutationLine.</summary>
    [Fact]
    public void Empty_continuation_lines_warn_once_per_instruction()
    {
        const string text = "\nFROM alpine:3.6\n\nRUN valid \\\n    continuation\n\nRUN something \\\n\n    following \\\n\n    more\n\nRUN another \\\n\n    thing\n\nRUN non-indented \\\n# this is a comment\n   after-comment\n\nRUN indented \\\n    # this is an indented comment\n    comment\n\t";
        DockerfileSyntax syntax = Parse(text);

        Assert.False(syntax.HasErrors);
        Diagnostic[] warnings = [.. syntax.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)];
        Assert.Equal(2, warnings.Length);
        Assert.Contains("Empty continuation line found in", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("RUN something     following     more", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("RUN another     thing", warnings[1].Message, StringComparison.Ordinal);
        Assert.All(warnings, w => Assert.Equal("no-empty-continuation", w.Code));
        Assert.Equal(8, warnings[0].Start.Line);
        Assert.Equal(["non-indented    after-comment"], syntax.Instructions.ElementAt(4).Args);
        Assert.Equal(["indented     comment"], syntax.Instructions.ElementAt(5).Args);
    }

    [Fact]
    public void Escaped_escape_does_not_continue()
    {
        Assert.Equal("(run \"echo a\\\\\\\\\")\n(run \"b\")\n", Dump("RUN echo a\\\\\nRUN b\n"));
    }

    [Fact]
    public void Trailing_escape_at_end_of_file()
    {
        Assert.Equal("(from \"a\")\n(run \"something\")\n", Dump("FROM a\nRUN something \\"));
    }

    [Fact]
    public void Escape_followed_by_blanks_continues_and_comments_do_not_continue()
    {
        Assert.Equal("(run \"a b\")\n(run \"c\")\n", Dump("RUN a \\  \t\nb\n# comment \\\nRUN c\n"));
    }

    [Fact]
    public void Crlf_lines_parse_like_lf_lines()
    {
        const string text = "FROM a\r\nRUN echo a \\\r\n  b\r\nENV x=y\r\n";
        DockerfileSyntax syntax = Parse(text);

        Assert.Equal("(from \"a\")\n(run \"echo a   b\")\n(env \"x\" \"y\" \"=\")\n", SexpPrinter.Print(syntax));
        Assert.Equal((2, 3), (syntax.Instructions.ElementAt(1).StartLine, syntax.Instructions.ElementAt(1).EndLine));
    }

    [Fact]
    public void Line_over_64_KiB_is_an_error_and_just_under_is_not()
    {
        string ok = "FROM a\nLABEL x=" + new string('a', 65535 - "LABEL x=".Length) + "\n";
        string tooLong = "FROM a\nLABEL x=" + new string('a', 65536) + "\n";

        Assert.False(Parse(ok).HasErrors);
        Diagnostic error = SingleError(Parse(tooLong));
        Assert.Equal("dockerfile line greater than max allowed size of 65535", error.Message);
        Assert.Equal(2, error.Start.Line);
    }

    [Fact]
    public void Line_limit_counts_utf8_bytes()
    {
        // 30000 "é" are 60000 bytes in UTF-8: together with 3000 "€" (9000 bytes) the line is over the limit.
        string text = "FROM a\nLABEL x=" + new string('é', 30000) + new string('€', 3000) + "\n";

        Assert.Equal("line-too-long", SingleError(Parse(text)).Code);
    }

    [Fact]
    public void Empty_file_and_comment_only_file_have_no_instructions()
    {
        Assert.Equal("file with no instructions", SingleError(Parse(string.Empty)).Message);
        Diagnostic comments = SingleError(Parse("# a\n# b\n"));
        Assert.Equal("no-instructions", comments.Code);
        Assert.Equal(2, comments.Start.Line);
    }
}
