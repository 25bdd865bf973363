using Headroom.Shell;

namespace Headroom.Tests.Shell;

public sealed class WordExpansionTests
{
    private static readonly KeyValuePair<string, string?>[] Arguments =
    [
        KeyValuePair.Create("PYINDEX", (string?)"http://127.0.0.1:8000"),
        KeyValuePair.Create("EMPTY", (string?)""),
    ];

    private static string? Expand(string script, int word = 1)
    {
        SimpleCommand command = ShellScript.Analyze(script, ShellEnvironment.FromExported(Arguments)).Commands[^1];
        return WordExpansion.Expand(command.Words[word], command.Environment);
    }

    [Theory]
    [InlineData("echo ${PYINDEX}/cpu/simple", "http://127.0.0.1:8000/cpu/simple")]
    [InlineData("echo $PYINDEX/simple", "http://127.0.0.1:8000/simple")]
    [InlineData("echo \"$PYINDEX\"'/x'", "http://127.0.0.1:8000/x")]
    [InlineData("echo --index-url=${PYINDEX}/simple", "--index-url=http://127.0.0.1:8000/simple")]
    [InlineData("echo ${MISSING:-https://pypi.org/simple}", "https://pypi.org/simple")]
    [InlineData("echo ${EMPTY:-fallback}", "fallback")]
    [InlineData("echo ${EMPTY-fallback}", "")]
    [InlineData("echo ${PYINDEX:-fallback}", "http://127.0.0.1:8000")]
    [InlineData("echo plain", "plain")]
    [InlineData("LOCAL=http://mirror; echo $LOCAL/simple", "http://mirror/simple")]
    public void Known_parameters_expand(string script, string expected) =>
        Assert.Equal(expected, Expand(script));

    [Theory]
    [InlineData("echo $MISSING/simple")]
    [InlineData("echo ${MISSING}")]
    [InlineData("echo $(cat url)/simple")]
    [InlineData("echo $((1+2))")]
    [InlineData("echo $1")]
    [InlineData("echo ${#PYINDEX}")]
    [InlineData("echo ${PYINDEX%/}")]
    [InlineData("echo ${MISSING:-$OTHER}")]
    [InlineData("DYN=$(cat x); echo ${DYN:-fallback}")]
    public void Unknowable_words_stay_unknown(string script) =>
        Assert.Null(Expand(script));

    [Fact]
    public void A_word_inside_sh_c_expands_from_its_own_text()
    {
        SimpleCommand pip = ShellScript.Analyze("sh -c 'pip install -i ${PYINDEX}/cpu/simple torch'", ShellEnvironment.FromExported(Arguments))
            .Commands.Single(c => c.Words[0].Value == "pip");
        Assert.Equal("http://127.0.0.1:8000/cpu/simple", WordExpansion.Expand(pip.Words[3], pip.Environment));
    }
}
