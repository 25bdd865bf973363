using Headroom.Dockerfiles;

namespace Headroom.Tests.Dockerfiles;

/// <summary>The cases of BuildKit's parser_heredoc_test.go, with the names, bodies and flags it expects.</summary>
public sealed class HeredocTests
{
    private const string ExtractsHeredoc = """

        FROM alpine:3.6

        ENV NAME=me

        RUN ls

        USER <<INVALID
        INVALID

        RUN <<EMPTY
        EMPTY

        RUN 3<<EMPTY2
        EMPTY2

        RUN "<<NOHEREDOC"

        RUN <<INDENT
        	foo
        	bar
        INDENT

        RUN <<-UNINDENT
        	baz
        	quux
        UNINDENT

        RUN <<-UNINDENT2
        	baz
        	quux
        	UNINDENT2

        RUN <<-EXPAND
        	expand $NAME
        EXPAND

        RUN <<-'NOEXPAND'
        	don't expand $NAME
        NOEXPAND

        RUN <<COPY
        echo hello world
        echo foo bar
        COPY

        RUN <<COMMENT
        # internal comment
        echo hello world
        echo foo bar # trailing comment
        COMMENT

        RUN --mount=type=cache,target=/foo <<MOUNT
        echo hello
        MOUNT

        COPY <<FILE1 <<FILE2 /dest
        content 1
        FILE1
        content 2
        FILE2

        COPY <<EOF /quotes
        "foo"
        'bar'
        EOF

        COPY <<X <<Y /dest
        Y
        X
        X
        Y

        RUN <<COMPLEX python3
        print('hello world')
        COMPLEX

        COPY <<file.txt /dest
        hello world
        file.txt

        RUN <<eo'f'
        echo foo
        eof

        RUN <<eo\'f
        echo foo
        eo'f

        RUN <<'e'o\'f
        echo foo
        eo'f

        RUN <<'one two'
        echo bar
        one two

        RUN <<$EOF
        $EOF

        RUN <<  EOF
        EOF

        RUN <<  EOF  > foo
        EOF

        """;

    public static TheoryData<int, string[]> ExpectedHeredocs() => new()
    {
        // Index into the instructions after FROM; each entry is name|body|expand|stripTabs.
        { 0, [] }, // ENV NAME=me
        { 1, [] }, // RUN ls
        { 2, [] }, // USER <<INVALID
        { 3, [] }, // INVALID
        { 4, ["EMPTY||True|False"] },
        { 5, ["EMPTY2||True|False"] },
        { 6, [] }, // RUN "<<NOHEREDOC"
        { 7, ["INDENT|\tfoo\n\tbar\n|True|False"] },
        { 8, ["UNINDENT|\tbaz\n\tquux\n|True|True"] },
        { 9, ["UNINDENT2|\tbaz\n\tquux\n|True|True"] },
        { 10, ["EXPAND|\texpand $NAME\n|True|True"] },
        { 11, ["NOEXPAND|\tdon't expand $NAME\n|False|True"] },
        { 12, ["COPY|echo hello world\necho foo bar\n|True|False"] },
        { 13, ["COMMENT|# internal comment\necho hello world\necho foo bar # trailing comment\n|True|False"] },
        { 14, ["MOUNT|echo hello\n|True|False"] },
        { 15, ["FILE1|content 1\n|True|False", "FILE2|content 2\n|True|False"] },
        { 16, ["EOF|\"foo\"\n'bar'\n|True|False"] },
        { 17, ["X|Y\n|True|False", "Y|X\n|True|False"] },
        { 18, ["COMPLEX|print('hello world')\n|True|False"] },
        { 19, ["file.txt|hello world\n|True|False"] },
        { 20, ["eof|echo foo\n|False|False"] },
        { 21, ["eo'f|echo foo\n|True|False"] },
        { 22, ["eo'f|echo foo\n|False|False"] },
        { 23, ["one two|echo bar\n|False|False"] },
        { 24, ["$EOF||True|False"] },
        { 25, ["EOF||True|False"] },
        { 26, ["EOF||True|False"] },
    };

    [Theory]
    [MemberData(nameof(ExpectedHeredocs))]
    public void Extracts_heredocs_like_BuildKit(int index, string[] expected)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(ExtractsHeredoc);

        Assert.False(syntax.HasErrors, string.Join("\n", syntax.Diagnostics));
        Instruction instruction = syntax.Instructions.ElementAt(index + 1);
        string[] actual = [.. instruction.Heredocs.Select(h => $"{h.Name}|{h.Body}|{h.Expand}|{h.StripTabs}")];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void All_27_instructions_after_FROM_are_found_and_the_text_round_trips()
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(ExtractsHeredoc);

        Assert.Equal(28, syntax.Instructions.Count());
        Assert.Equal(ExtractsHeredoc, syntax.ToFullString());
    }

    [Fact]
    public void File_descriptor_prefix_is_kept()
    {
        Instruction run = Single("FROM a\nRUN 3<<EMPTY2\nEMPTY2\n", 1);

        Heredoc heredoc = Assert.Single(run.Heredocs);
        Assert.Equal(3UL, heredoc.FileDescriptor);
        Assert.Equal(["3<<EMPTY2"], run.Args);
    }

    [Fact]
    public void Heredoc_lines_belong_to_the_instruction_and_set_its_end_line()
    {
        const string text = "FROM a\nCOPY <<A <<B /dst\none\nA\ntwo\nthree\nB\nRUN ls\n";
        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        Instruction copy = syntax.Instructions.ElementAt(1);
        Assert.Equal((2, 7), (copy.StartLine, copy.EndLine));
        Assert.Equal(["<<A", "<<B", "/dst"], copy.Args);
        Assert.Equal("one\n", copy.Heredocs[0].Body);
        Assert.Equal(3, copy.Heredocs[0].BodyStartLine);
        Assert.Equal("one\nA\n", text.Substring(copy.Heredocs[0].Span.Start, copy.Heredocs[0].Span.Length));
        Assert.Equal("two\nthree\n", copy.Heredocs[1].Body);
        Assert.Equal(5, copy.Heredocs[1].BodyStartLine);
        Assert.Equal("run", syntax.Instructions.ElementAt(2).Name);
        Assert.Equal(8, syntax.Instructions.ElementAt(2).StartLine);
    }

    [Fact]
    public void Json_form_has_no_heredocs()
    {
        const string text = "\nFROM alpine:3.6\n\nRUN [\"whoami\"]\nRUN [\"<<EOF\"]\nRUN [\"<<'EOF'\"]\n\t";
        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        Assert.False(syntax.HasErrors);
        Assert.All(syntax.Instructions, i => Assert.Empty(i.Heredocs));
        Assert.Equal(["<<EOF"], syntax.Instructions.ElementAt(2).Args);
    }

    [Fact]
    public void Onbuild_run_has_heredocs()
    {
        Instruction onbuild = Single("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\n", 1);

        Assert.Equal("onbuild", onbuild.Name);
        Assert.Equal("echo hi\n", Assert.Single(onbuild.Heredocs).Body);
        Assert.NotNull(onbuild.Inner);
        Assert.Equal("run", onbuild.Inner.Name);
        Assert.Equal(["<<EOF"], onbuild.Inner.Args);
        Assert.Equal("echo hi\n", Assert.Single(onbuild.Inner.Heredocs).Body);
        Assert.Equal(4, onbuild.EndLine);
    }

    [Fact]
    public void Strip_tabs_applies_to_the_terminator_and_the_effective_body()
    {
        Instruction run = Single("FROM a\nRUN <<-EOF\n\t\techo a\n\tb\n\t\tEOF\n", 1);

        Heredoc heredoc = Assert.Single(run.Heredocs);
        Assert.Equal("\t\techo a\n\tb\n", heredoc.Body);
        Assert.Equal("echo a\nb\n", heredoc.EffectiveBody);
    }

    [Fact]
    public void Crlf_body_keeps_its_line_endings_and_the_terminator_matches()
    {
        Instruction run = Single("FROM a\r\nRUN <<EOF\r\necho a\r\nEOF\r\nRUN b\r\n", 1);

        Assert.Equal("echo a\r\n", Assert.Single(run.Heredocs).Body);
        Assert.Equal(4, run.EndLine);
    }

    [Fact]
    public void Unterminated_heredoc_is_an_error_with_the_instruction_line()
    {
        const string text = "FROM a\n\nRUN <<EOF\necho never ends\n";
        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        var error = Assert.Single(syntax.Diagnostics, d => d.Severity == Headroom.Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal("unterminated heredoc", error.Message);
        Assert.Equal(3, error.Start.Line);
        Assert.Equal(text, syntax.ToFullString());
    }

    [Fact]
    public void Heredoc_on_other_instructions_is_plain_text()
    {
        DockerfileSyntax syntax = DockerfileParser.Parse("FROM a\nUSER <<INVALID\nINVALID\n");

        Assert.Equal(3, syntax.Instructions.Count());
        Assert.Equal("invalid", syntax.Instructions.Last().Name);
        Assert.Equal([string.Empty], syntax.Instructions.Last().Args);
    }

    [Theory]
    [InlineData("<<EOF", "EOF")]
    [InlineData("<<'EOF'", "EOF")]
    [InlineData("<<\"EOF\"", "EOF")]
    [InlineData("<<-EOF", "EOF")]
    [InlineData("<<-'EOF'", "EOF")]
    [InlineData("<<-\"EOF\"", "EOF")]
    [InlineData("<<EO\"F\"", "EOF")]
    [InlineData("<< EOF", "EOF")]
    [InlineData("<<- EOF", "EOF")]
    public void Valid_heredoc_words(string word, string name)
    {
        var header = Headroom.Dockerfiles.Parsing.HeredocDetector.Parse(word, out string? error);

        Assert.Null(error);
        Assert.NotNull(header);
        Assert.Equal(name, header.Name);
    }

    [Theory]
    [InlineData("<<'EOF")]
    [InlineData("<<\"EOF")]
    [InlineData("<<EOF'")]
    [InlineData("<<EOF\"")]
    public void Invalid_heredoc_words_are_errors(string word)
    {
        _ = Headroom.Dockerfiles.Parsing.HeredocDetector.Parse(word, out string? error);

        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("EOF")]
    [InlineData("<<")]
    [InlineData("<<-")]
    [InlineData("<EOF")]
    [InlineData("<<<EOF")]
    [InlineData("<<EOF sh")]
    public void Not_heredoc_words(string word)
    {
        var header = Headroom.Dockerfiles.Parsing.HeredocDetector.Parse(word, out string? error);

        Assert.Null(error);
        Assert.Null(header);
    }

    [Theory]
    [InlineData("RUN <<EOF", new[] { "EOF" })]
    [InlineData("RUN <<-EOF", new[] { "EOF" })]
    // BuildKit's own test lists "EOF" here but only checks the heredocs it finds: the line lexer splits
    // "<<-" from "EOF", so BuildKit finds none.
    [InlineData("RUN <<- EOF", new string[0])]
    [InlineData("RUN << -EOF", new[] { "-EOF" })]
    [InlineData("RUN <<'EOF'", new[] { "EOF" })]
    [InlineData("RUN 4<<EOF", new[] { "EOF" })]
    [InlineData("RUN <<EOF <<EOF2", new[] { "EOF", "EOF2" })]
    [InlineData("RUN '<<EOF'", new string[0])]
    [InlineData("RUN \"<<EOF\"", new string[0])]
    public void Heredocs_from_line(string line, string[] names)
    {
        var headers = Headroom.Dockerfiles.Parsing.HeredocDetector.FromLine(line, out string? error);

        Assert.Null(error);
        Assert.Equal(names, headers.Select(h => h.Name));
    }

    // BuildKit's scanner returns EOF as the modifier of a delimiter that ends right after "${name",
    // printed as U+FFFD, rather than reporting the missing '}' as WordExpander does by default.
    [Theory]
    [InlineData("<<${x", "${x")]
    [InlineData("<<\"${x", "\"${x")]
    [InlineData("<<${a:-}${x", "${a:-}${x")]
    public void Delimiter_ending_after_a_name_fails_with_buildkits_unsupported_modifier_message(string word, string rest)
    {
        var header = Headroom.Dockerfiles.Parsing.HeredocDetector.Parse(word, out string? error);

        Assert.Null(header);
        Assert.Equal("failed to process " + GoQuote.Quote(rest) + ": unsupported modifier (\uFFFD) in substitution", error);
    }

    // The value of ${a:-...} is split at its blank, so the line has the word "<<${x".
    [Fact]
    public void Delimiter_ending_after_a_name_is_an_invalid_heredoc_error_with_buildkits_message()
    {
        const string text = "FROM a\nRUN ${a:-q <<\\${x y}\n";
        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        var error = Assert.Single(syntax.Diagnostics, d => d.Severity == Headroom.Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal("failed to process \"${x\": unsupported modifier (\uFFFD) in substitution", error.Message);
        Assert.Equal(text, syntax.ToFullString());
    }

    [Theory]
    // A BOM is skipped at the start only; an escape inside double quotes is doubled with raw escapes;
    // "//" in ${a//b/c} comes back as one slash; the words buffer is reset by a nested ${...} scan.
    [InlineData("\uFEFF<<EOF", true, true, new[] { "<<EOF" })]
    [InlineData("\"a\\b\"", true, true, new[] { "\"a\\\\b\"" })]
    [InlineData("\"a\\b\"", false, false, new[] { "a\\b" })]
    [InlineData("${a//b/c}", true, true, new[] { "${a/b/c}" })]
    [InlineData("x${a:-y}", false, false, new[] { "${a:-y}" })]
    [InlineData("'$a' \\$b", true, false, new[] { "'$a'", "$b" })]
    public void Heredoc_word_lexing_keeps_buildkits_quirks(string text, bool rawQuotes, bool rawEscapes, string[] words)
    {
        var lexer = new Headroom.Dockerfiles.Expansion.WordExpander
        {
            RawQuotes = rawQuotes,
            RawEscapes = rawEscapes,
            SkipUnsetVariables = true,
            EndAfterNameIsUnsupportedModifier = true,
        };

        var result = Headroom.Dockerfiles.Parsing.HeredocDetector.ProcessWords(lexer, text, out string? error);

        Assert.Null(error);
        Assert.Equal(words, result!.Value);
    }

    private static Instruction Single(string text, int index)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text);
        Assert.False(syntax.HasErrors, string.Join("\n", syntax.Diagnostics));
        Assert.Equal(text, syntax.ToFullString());
        return syntax.Instructions.ElementAt(index);
    }
}
