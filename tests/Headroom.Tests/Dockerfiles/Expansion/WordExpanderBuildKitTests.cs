// Behaviour specs ported from moby/buildkit frontend/dockerfile/shell/lex_test.go at commit 73ed682
// (https://github.com/moby/buildkit), Copyright The BuildKit Authors, licensed under the Apache License 2.0
// (http://www.apache.org/licenses/LICENSE-2.0). Rewritten in C# for Headroom.
using Headroom.Dockerfiles.Expansion;

namespace Headroom.Tests.Dockerfiles.Expansion;

public sealed class WordExpanderBuildKitTests
{
    private static readonly VariableEnvironment EnvVarTestVariables = Env("PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL=");

    [Theory]
    [MemberData(nameof(BuildKitLexCases.EnvVarCases), MemberType = typeof(BuildKitLexCases))]
    public void EnvVarTest_file(string input, string? expected)
    {
        ExpansionResult result = WordExpander.Default.ExpandWord(input, EnvVarTestVariables);

        if (expected is null)
        {
            Assert.False(result.Succeeded, $"expected an error, got '{result.Value}'");
            Assert.Equal(string.Empty, result.Value);
        }
        else
        {
            Assert.True(result.Succeeded, result.Error?.Message);
            Assert.Equal(expected, result.Value);
        }
    }

    [Theory]
    [MemberData(nameof(BuildKitLexCases.WordsCases), MemberType = typeof(BuildKitLexCases))]
    public void WordsTest_file(string[] variables, string input, string[]? expected)
    {
        ExpansionResult result = WordExpander.Default.ExpandWords(input, Env(variables));

        if (expected is null)
        {
            Assert.False(result.Succeeded);
        }
        else
        {
            Assert.True(result.Succeeded, result.Error?.Message);
            Assert.Equal(expected, result.Words);
        }
    }

    [Fact]
    public void Mandatory_variables_report_the_message_with_variables_expanded()
    {
        const string noEmpty = "${VAR:?message here$ARG}";
        const string noUnset = "${VAR?message here$ARG}";
        VariableEnvironment set = Env("VAR=plain", "ARG=x");
        VariableEnvironment empty = Env("VAR=", "ARG=x");
        VariableEnvironment unset = Env("ARG=x");

        Assert.Equal("plain", WordExpander.Default.ExpandWord(noEmpty, set).Value);
        ExpansionResult emptyResult = WordExpander.Default.ExpandWord(noEmpty, empty);
        Assert.Equal(ExpansionErrorKind.RequiredVariable, emptyResult.Error?.Kind);
        Assert.Equal("VAR: message herex", emptyResult.Error?.Message);
        Assert.Equal("VAR", emptyResult.Error?.Variable);
        Assert.Contains("message herex", WordExpander.Default.ExpandWord(noEmpty, unset).Error?.Message, StringComparison.Ordinal);

        Assert.Equal("plain", WordExpander.Default.ExpandWord(noUnset, set).Value);
        ExpansionResult emptyAllowed = WordExpander.Default.ExpandWord(noUnset, empty);
        Assert.True(emptyAllowed.Succeeded);
        Assert.Equal(string.Empty, emptyAllowed.Value);
        Assert.Contains("message herex", WordExpander.Default.ExpandWord(noUnset, unset).Error?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", new[] { "DUMMY=dummy" }, "x", "", "")]
    [InlineData("x ${UNUSED}", new[] { "DUMMY=dummy" }, "x ", "", "UNUSED")]
    [InlineData("x ${FOO}", new[] { "FOO=y" }, "x y", "FOO", "")]
    [InlineData("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", new[] { "FOO=xxx", "BAR=" }, "xxx  ccc", "BAR,FOO", "BAZ")]
    [InlineData("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}", new[] { "FOO=xxx", "BAR=" }, "xxx bbb ccc", "BAR,FOO", "BAZ")]
    [InlineData("${FOO:-}", new[] { "FOO=xxx", "BAR=" }, "xxx", "FOO", "")]
    [InlineData("${FOO:-}", new string[0], "", "", "FOO")]
    [InlineData("${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}", new[] { "FOO=xxx", "BAR=" }, "aaa bbb ", "BAR,FOO", "BAZ")]
    [InlineData("${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}", new[] { "FOO=xxx", "BAR=" }, "aaa  ", "BAR,FOO", "BAZ")]
    [InlineData("${FOO?aaa}", new[] { "FOO=xxx", "BAR=" }, "xxx", "FOO", "")]
    [InlineData("${BAR?bbb}", new[] { "FOO=xxx", "BAR=" }, "", "BAR", "")]
    [InlineData("${FOO:?aaa}", new[] { "FOO=xxx", "BAR=" }, "xxx", "FOO", "")]
    [InlineData("${FOO#()[]{\\}^$.\\*\\?|\\\\}", new[] { "FOO=()[]{}^$.*?|\\x" }, "x", "FOO", "")]
    [InlineData("${FOO%%\\**}", new[] { "FOO=xx**" }, "xx", "FOO", "")]
    [InlineData("${FOO#*x*y}", new[] { "FOO=xxyy" }, "y", "FOO", "")]
    [InlineData("${FOO#*}", new[] { "FOO=xxyy" }, "xxyy", "FOO", "")]
    [InlineData("${FOO#$BAR}", new[] { "FOO=xxyy", "BAR=x" }, "xyy", "BAR,FOO", "")]
    [InlineData("${FOO#$BAR}", new[] { "FOO=xxyy", "BAR=" }, "xxyy", "BAR,FOO", "")]
    [InlineData("${FOO#}", new[] { "FOO=xxyy" }, "xxyy", "FOO", "")]
    [InlineData("${FOO##*x}", new[] { "FOO=xxyy" }, "yy", "FOO", "")]
    [InlineData("${FOO##}", new[] { "FOO=xxyy" }, "xxyy", "FOO", "")]
    [InlineData("${FOO#?\\?}", new[] { "FOO=???y" }, "?y", "FOO", "")]
    [InlineData("${ABC:-.}${FOO%x}${ABC:-.}", new[] { "FOO=xxyy" }, ".xxyy.", "FOO", "ABC")]
    [InlineData("${FOO%%\\**\\*}", new[] { "FOO=a***yy*" }, "a", "FOO", "")]
    [InlineData("${FOO%}", new[] { "FOO=xxyy" }, "xxyy", "FOO", "")]
    [InlineData("${FOO%%$BAR}", new[] { "FOO=xxyy", "BAR=" }, "xxyy", "BAR,FOO", "")]
    [InlineData("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", new[] { "FOO=/foo*/*/*.txt", "NEEDLE=\\*/" }, "/foo.*/*.txt - /foo..*.txt", "FOO,NEEDLE", "")]
    [InlineData("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", new[] { "FOO=/tmp/tmp/bar.txt", "NEEDLE=/tmp" }, "/tmp/bar.txt - /bar.txt", "FOO,NEEDLE", "")]
    [InlineData("${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}", new[] { "FOO=/a/foo/b/c.txt", "NEEDLE=/?/", "REPLACEMENT=/" }, "/foo/b/c.txt - /foo/c.txt", "FOO,NEEDLE,REPLACEMENT", "")]
    [InlineData("${FOO/$NEEDLE/$REPLACEMENT}", new[] { "FOO=http://google.de", "NEEDLE=http://", "REPLACEMENT=https://" }, "https://google.de", "FOO,NEEDLE,REPLACEMENT", "")]
    [InlineData("${FOO//\\//\\/}", new[] { "FOO=/tmp/foo.txt" }, "\\/tmp\\/foo.txt", "FOO", "")]
    [InlineData("${FOO/$BAR/ww}", new[] { "FOO=xxyy", "BAR=" }, "wwxxyy", "BAR,FOO", "")]
    [InlineData("${FOO///}", new[] { "FOO=xxyy" }, "xxyy", "FOO", "")]
    [InlineData("${FOO///}", new string[0], "", "", "FOO")]
    public void Matches_and_unmatched_names(string input, string[] variables, string expected, string matched, string unmatched)
    {
        ExpansionResult result = WordExpander.Default.ExpandWord(input, Env(variables));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(expected, result.Value);
        Assert.Equal(Names(matched), result.Matched.Order(StringComparer.Ordinal));
        Assert.Equal(Names(unmatched), result.Unmatched.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("${BAZ?ccc}", "BAZ")]
    [InlineData("${BAR:?bbb}", "")]
    [InlineData("${BAZ:?ccc}", "BAZ")]
    [InlineData("${BAZ:?}", "BAZ")]
    [InlineData("${FOO=aaa}", "")]
    [InlineData("${FOO=:aaa}", "")]
    [InlineData("${FOO=}", "")]
    [InlineData("${FOO:#}", "")]
    [InlineData("${FOO:##}", "")]
    [InlineData("${FOO:%}", "")]
    [InlineData("${FOO:%%}", "")]
    [InlineData("${FOO//ww}", "")]
    [InlineData("${FOO//}", "")]
    public void Errors_still_report_the_names_looked_up(string input, string unmatched)
    {
        ExpansionResult result = WordExpander.Default.ExpandWord(input, Env("FOO=xxyy", "BAR="));

        Assert.False(result.Succeeded);
        Assert.Equal(string.Empty, result.Value);
        Assert.Equal(Names(unmatched), result.Unmatched.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("arm", "v7", "something-v1.2.3.linux-arm-v7.tar.gz")]
    [InlineData("arm64", "", "something-v1.2.3.linux-arm64.tar.gz")]
    [InlineData("arm64", null, "something-v1.2.3.linux-arm64.tar.gz")]
    public void Release_file_name_with_platform_variables(string arch, string? variant, string expected)
    {
        const string release = "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";
        VariableEnvironment variables = Env("VERSION=v1.2.3", "TARGETOS=linux", "TARGETARCH=" + arch);
        if (variant is not null)
        {
            variables = variables.Set("TARGETVARIANT", variant);
        }

        Assert.Equal(expected, WordExpander.Default.ExpandWord(release, variables).Value);
    }

    [Theory]
    [InlineData("*", "^.*")]
    [InlineData("\\*", "^\\*")]
    [InlineData("(()[]{\\}^$.\\*\\?|\\\\", "^\\(\\(\\)\\[\\]\\{\\}\\^\\$\\.\\*\\?\\|\\\\")]
    public void Shell_pattern_to_regex(string pattern, string expected)
    {
        Assert.Equal(expected, ShellPattern.ToRegex(pattern, greedy: true, anchored: true, out string? error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("\\")]
    [InlineData("\\x")]
    [InlineData("\\\\\\")]
    public void Invalid_shell_patterns(string pattern)
    {
        Assert.Null(ShellPattern.ToRegex(pattern, greedy: true, anchored: true, out string? error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("a\\*c", "c\\*a")]
    [InlineData("\\\\\\ab", "b\\a\\\\")]
    [InlineData("ab\\", "\\ba")]
    [InlineData("👽\\🚀🖖", "🖖\\🚀👽")]
    [InlineData("\\\\b", "b\\\\")]
    public void Reverse_pattern_keeps_escapes(string pattern, string expected)
    {
        Assert.Equal(expected, ShellPattern.ReversePattern(pattern));
    }

    [Fact]
    public void Reverse_string_keeps_surrogate_pairs()
    {
        Assert.Equal("12345", ShellPattern.ReverseString("54321"));
        Assert.Equal("👽🚀🖖", ShellPattern.ReverseString("🖖🚀👽"));
    }

    [Fact]
    public void Last_value_of_a_repeated_name_wins()
    {
        Assert.Equal("bike", WordExpander.Default.ExpandWord("$car", Env("foo=bar", "car=hat", "car=bike")).Value);
    }

    internal static VariableEnvironment Env(params string[] pairs)
    {
        VariableEnvironment result = VariableEnvironment.Empty;
        foreach (string pair in pairs)
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            result = equals < 0 ? result.Set(pair, string.Empty) : result.Set(pair[..equals], pair[(equals + 1)..]);
        }

        return result;
    }

    private static string[] Names(string commaSeparated) =>
        commaSeparated.Length == 0 ? [] : commaSeparated.Split(',');
}
