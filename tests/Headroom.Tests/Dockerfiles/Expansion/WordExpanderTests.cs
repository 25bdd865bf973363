using Headroom.Dockerfiles.Expansion;

namespace Headroom.Tests.Dockerfiles.Expansion;

public sealed class WordExpanderTests
{
    private static readonly VariableEnvironment Variables = WordExpanderBuildKitTests.Env("PWD=/home", "EMPTY=", "SPACED=a  b");

    [Theory]
    [InlineData("he`$PWD", "he$PWD")]
    [InlineData("C:\\path\\$PWD", "C:\\path\\/home")]
    [InlineData("\"a`\"b\"", "a\"b")]
    [InlineData("``", "`")]
    [InlineData("a`", "a")]
    [InlineData("\"x\\y\"", "x\\y")]
    public void Backtick_is_the_escape_when_configured(string input, string expected)
    {
        var expander = new WordExpander('`');

        ExpansionResult result = expander.ExpandWord(input, Variables);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Backslash_is_literal_with_backtick_escape_but_escapes_by_default()
    {
        Assert.Equal("a\\b", new WordExpander('`').ExpandWord("a\\b", Variables).Value);
        Assert.Equal("ab", WordExpander.Default.ExpandWord("a\\b", Variables).Value);
    }

    [Theory]
    [InlineData("'$PWD' \"$PWD\"", "'$PWD' \"/home\"")]
    [InlineData("\"a\\\"b\"", "\"a\"b\"")]
    public void Raw_quotes_keeps_the_quotes(string input, string expected)
    {
        var expander = new WordExpander { RawQuotes = true };

        Assert.Equal(expected, expander.ExpandWord(input, Variables).Value);
    }

    [Fact]
    public void Raw_escapes_keeps_the_escape_characters()
    {
        var expander = new WordExpander { RawEscapes = true };

        Assert.Equal("a\\$PWD \\$x", expander.ExpandWord("a\\$PWD \"\\$x\"", Variables).Value);
    }

    [Theory]
    [InlineData("$NOPE ${NOPE} ${NOPE:-x} ${NOPE/a/b} $PWD", "$NOPE ${NOPE} ${NOPE:-x} ${NOPE/a/b} /home")]
    [InlineData("${EMPTY:-x}", "x")]
    public void Skip_unset_variables_leaves_their_references(string input, string expected)
    {
        var expander = new WordExpander { SkipUnsetVariables = true };

        Assert.Equal(expected, expander.ExpandWord(input, Variables).Value);
    }

    [Fact]
    public void Skip_process_quotes_treats_quotes_as_text_but_still_expands()
    {
        var expander = new WordExpander { SkipProcessQuotes = true };

        ExpansionResult result = expander.ExpandWord("echo '$PWD' \"$PWD\"", Variables);

        Assert.Equal("echo '/home' \"/home\"", result.Value);
    }

    [Fact]
    public void Unterminated_single_quote_is_a_syntax_error_not_an_exception()
    {
        ExpansionResult result = WordExpander.Default.ExpandWord("'abc", Variables);

        Assert.Equal(ExpansionErrorKind.Syntax, result.Error?.Kind);
        Assert.Contains("single-quote", result.Error?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${PWD:=x}", ExpansionErrorKind.UnsupportedModifier)]
    [InlineData("${PWD:#x}", ExpansionErrorKind.UnsupportedModifier)]
    [InlineData("${PWD", ExpansionErrorKind.Syntax)]
    [InlineData("${}", ExpansionErrorKind.Syntax)]
    [InlineData("${PWD#\\x}", ExpansionErrorKind.InvalidPattern)]
    [InlineData("${NOPE:?}", ExpansionErrorKind.RequiredVariable)]
    [InlineData("${NOPE:-${A:?x}", ExpansionErrorKind.Syntax)]
    public void Error_kinds(string input, ExpansionErrorKind kind)
    {
        Assert.Equal(kind, WordExpander.Default.ExpandWord(input, Variables).Error?.Kind);
    }

    [Fact]
    public void End_after_name_can_fail_with_buildkits_unsupported_modifier_message()
    {
        var expander = new WordExpander { EndAfterNameIsUnsupportedModifier = true };

        ExpansionResult result = expander.ExpandWord("${PWD", Variables);

        Assert.Equal(ExpansionErrorKind.UnsupportedModifier, result.Error?.Kind);
        Assert.Equal("unsupported modifier (\uFFFD) in substitution", result.Error?.Message);
        Assert.Equal("syntax error: missing '}'", WordExpander.Default.ExpandWord("${PWD", Variables).Error?.Message);
    }

    [Fact]
    public void Unset_required_variable_message_is_buildkits()
    {
        ExpansionResult result = WordExpander.Default.ExpandWord("${VERSION:?}", Variables);

        Assert.Equal("VERSION: is not allowed to be unset", result.Error?.Message);
        Assert.Equal("VERSION", result.Error?.Variable);
    }

    [Fact]
    public void ExpandWord_keeps_spaces_and_has_no_words()
    {
        ExpansionResult result = WordExpander.Default.ExpandWord("x $SPACED y", Variables);

        Assert.Equal("x a  b y", result.Value);
        Assert.Empty(result.Words);
    }

    [Theory]
    [InlineData("$SPACED", new[] { "a", "b" })]
    [InlineData("\"$SPACED\"", new[] { "a  b" })]
    [InlineData("a \"\" b", new[] { "a", "b" })]
    [InlineData("80/tcp 443", new[] { "80/tcp", "443" })]
    [InlineData("<<EOF x", new[] { "<<EOF", "x" })]
    [InlineData("<< EOF", new[] { "<< EOF" })]
    public void ExpandWords_splits_on_unquoted_blanks(string input, string[] expected)
    {
        Assert.Equal(expected, WordExpander.Default.ExpandWords(input, Variables).Words);
    }

    [Fact]
    public void ExpandWords_drops_the_text_before_a_modifier_expansion_as_BuildKit_does()
    {
        // BuildKit's nested processing of ${V:-word} resets the shared words buffer: "80" is lost.
        ExpansionResult result = WordExpander.Default.ExpandWords("80${NOPE:-}/tcp", Variables);

        Assert.Equal("80/tcp", result.Value);
        Assert.Equal(["/tcp"], result.Words);
    }

    [Fact]
    public void ExpandWords_keeps_text_before_a_plain_expansion()
    {
        Assert.Equal(["80/home"], WordExpander.Default.ExpandWords("80${PWD}", Variables).Words);
    }

    [Fact]
    public void Names_with_non_ascii_letters_are_names()
    {
        VariableEnvironment variables = WordExpanderBuildKitTests.Env("ÄPFEL=1", "𝐀=2");

        Assert.Equal("1-2", WordExpander.Default.ExpandWord("$ÄPFEL-${𝐀}", variables).Value);
    }

    [Fact]
    public void Question_mark_pattern_matches_a_whole_surrogate_pair()
    {
        VariableEnvironment variables = WordExpanderBuildKitTests.Env("V=🖖x");

        Assert.Equal("x", WordExpander.Default.ExpandWord("${V#?}", variables).Value);
        Assert.Equal("🖖", WordExpander.Default.ExpandWord("${V%?}", variables).Value);
    }

    [Fact]
    public void Replace_all_follows_go_template_rules_for_dollar()
    {
        VariableEnvironment variables = WordExpanderBuildKitTests.Env("V=aXbX");

        // "\$0" keeps the escape (raw escapes in patterns). One replacement is literal; replace-all goes
        // through Go's template expansion, where $0 is the match.
        Assert.Equal("a\\$0bX", WordExpander.Default.ExpandWord("${V/X/\\$0}", variables).Value);
        Assert.Equal("a\\Xb\\X", WordExpander.Default.ExpandWord("${V//X/\\$0}", variables).Value);
    }

    [Fact]
    public void VariableEnvironment_replaces_in_place_and_keeps_order()
    {
        VariableEnvironment env = VariableEnvironment.Empty.Set("A", "1").Set("B", "2").Set("A", "3");

        Assert.Equal(["A", "B"], env.Names);
        Assert.Equal("3", env["A"]);
        Assert.Null(env.Remove("A")["A"]);
        Assert.Equal("3", env["A"]);
    }
}
