using Headroom.Dockerfiles;
using static Headroom.Tests.Dockerfiles.ParserTestHelpers;

namespace Headroom.Tests.Dockerfiles;

public sealed class ArgumentFormTests
{
    [Fact]
    public void Json_with_a_non_string_element_is_an_error()
    {
        DockerfileSyntax syntax = Parse("FROM a\nCMD [\"echo\", 1]\n");

        var error = SingleError(syntax);
        Assert.Equal("when using JSON array syntax, arrays must be comprised of strings only", error.Message);
        Assert.Equal("json-not-string-array", error.Code);
        Assert.Equal(2, error.Start.Line);
    }

    [Theory]
    [InlineData("CMD [\"a\", ]", "(cmd \"[\\\"a\\\", ]\")")]
    [InlineData("CMD ['a']", "(cmd \"['a']\")")]
    [InlineData("CMD [\"a\"] x", "(cmd \"[\\\"a\\\"] x\")")]
    [InlineData("COPY [\"a\" \"b\"]", "(copy \"[\\\"a\\\"\" \"\\\"b\\\"]\")")]
    [InlineData("CMD [1, ", "(cmd \"[1,\")")]
    public void Invalid_json_falls_back_to_the_shell_form(string line, string expected)
    {
        Assert.Equal(expected + "\n", Dump(line + "\n"));
    }

    [Fact]
    public void Json_escapes_are_decoded_and_quoted_back_like_go()
    {
        string dump = Dump("CMD [\"\\u0000 \\u00e9 \\ud83d\\ude00 \\ud800 \\/ \\u2028 \\u007f\"]\n");

        // A lone surrogate escape decodes to U+FFFD, which Go prints as it is (it is printable).
        Assert.Equal("(cmd \"\\x00 é 😀 \uFFFD / \\u2028 \\x7f\")\n", dump);
        Assert.True(Parse("CMD [\"a\"]\n").Instructions.Single().IsJson);
    }

    [Fact]
    public void Env_and_label_give_key_value_separator_triples()
    {
        Assert.Equal(
            "(env \"a\" \"b c\" \"\")\n(env \"a\" \"1\" \"=\" \"b\" \"\\\"x y\\\"\" \"=\")\n(label \"k\" \"v\" \"=\")\n",
            Dump("ENV a b c\nENV a=1 b=\"x y\"\nLABEL k=v\n"));
    }

    [Fact]
    public void Env_errors_match_BuildKit()
    {
        Assert.Equal("ENV must have two arguments", SingleError(Parse("FROM a\nENV PATH\n")).Message);
        Assert.Equal(
            "Syntax error - can't find = in \"b\". Must be of the form: name=value",
            SingleError(Parse("FROM a\nENV a=1 b\n")).Message);
    }

    [Fact]
    public void Arg_keeps_words_with_quotes()
    {
        Assert.Equal("(arg \"foo\" \"bar=baz\")\n(arg \"abc=\\\"123 456\\\"\" \"def\")\n", Dump("ARG foo bar=baz\nARG abc=\"123 456\" def\n"));
    }

    [Fact]
    public void Flags_are_dumped_like_go_slices_and_split_into_name_and_value()
    {
        DockerfileSyntax syntax = Parse("RUN --mount=type=cache,target=/root/.cache --network=none \"--x=a b\" pip install x\n");

        Instruction run = Assert.Single(syntax.Instructions);
        Assert.Equal(["--mount=type=cache,target=/root/.cache", "--network=none"], run.Flags.Select(f => f.Raw));
        Assert.Equal(("mount", "type=cache,target=/root/.cache"), (run.Flags[0].Name, run.Flags[0].Value));
        Assert.Equal("--network=none", syntax.Source.ToString(run.Flags[1].Span));
        Assert.Equal("\"--x=a b\" pip install x", run.Body.Value);
        Assert.Equal(
            "(run [\"--mount=type=cache,target=/root/.cache\" \"--network=none\"] \"\\\"--x=a b\\\" pip install x\")\n",
            SexpPrinter.Print(syntax));
    }

    [Fact]
    public void Flag_quotes_and_escapes_are_removed_and_a_flag_without_value_has_null()
    {
        Instruction copy = Parse("COPY --chown=\"a b\" --link --x=c\\ d src dst\n").Instructions.Single();

        Assert.Equal(["--chown=a b", "--link", "--x=c d"], copy.Flags.Select(f => f.Raw));
        Assert.Null(copy.Flags[1].Value);
        Assert.Equal("link", copy.Flags[1].Name);
    }

    [Fact]
    public void Non_ascii_flags_are_mojibake_in_raw_like_BuildKit_but_decoded_in_value()
    {
        Instruction copy = Parse("COPY --chown=é src dst\n").Instructions.Single();

        Assert.Equal("--chown=Ã©", copy.Flags[0].Raw);
        Assert.Equal("é", copy.Flags[0].Value);
        Assert.Equal(["src", "dst"], copy.Args);
    }

    [Fact]
    public void Onbuild_nests_its_instruction()
    {
        DockerfileSyntax syntax = Parse("FROM a\nONBUILD --x RUN --mount=type=tmpfs,target=/t echo test\nONBUILD\n");

        Assert.Equal(
            "(from \"a\")\n(onbuild [\"--x\"] (run [\"--mount=type=tmpfs,target=/t\"] \"echo test\"))\n(onbuild)\n",
            SexpPrinter.Print(syntax));
        Instruction onbuild = syntax.Instructions.ElementAt(1);
        Assert.Empty(onbuild.Args);
        Assert.Equal("RUN --mount=type=tmpfs,target=/t echo test", onbuild.Body.Value);
        Assert.Equal("echo test", onbuild.Inner!.Body.Value);
        Assert.Equal("RUN", syntax.Source.ToString(onbuild.Inner.KeywordSpan));
    }

    [Fact]
    public void Unknown_instruction_is_kept_with_one_empty_argument()
    {
        DockerfileSyntax syntax = Parse("FROM a\nFROBNICATE the thing\n");

        Instruction unknown = syntax.Instructions.Last();
        Assert.False(unknown.IsKnown);
        Assert.Equal([string.Empty], unknown.Args);
        Assert.Equal("the thing", unknown.Body.Value);
        Assert.Equal("(from \"a\")\n(frobnicate \"\")\n", SexpPrinter.Print(syntax));
    }

    [Fact]
    public void Healthcheck_and_empty_json()
    {
        Assert.Equal(
            "(healthcheck)\n(healthcheck \"NONE\")\n(healthcheck [\"--retries=3\"] \"CMD\" \"a\" \"b\")\n(cmd)\n",
            Dump("HEALTHCHECK\nHEALTHCHECK NONE\nHEALTHCHECK --retries=3 CMD [\"a\",\"b\"]\nCMD []\n"));
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_lowered()
    {
        Assert.Equal("(from \"a\")\n(run \"x\")\n", Dump("from a\nRuN x\n"));
    }

    [Fact]
    public void Comments_above_an_instruction_are_collected()
    {
        Instruction run = Parse("FROM a\n# one\n# two\nRUN x\n").Instructions.Last();

        Assert.Equal(["one", "two"], run.Comments);
    }
}
