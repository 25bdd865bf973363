using Headroom.Dockerfiles;

namespace Headroom.Tests.Dockerfiles;

/// <summary>Expected values are what Go's strconv.Quote returns.</summary>
public sealed class GoQuoteTests
{
    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("abc", "\"abc\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("\a\b\f\n\r\t\v", "\"\\a\\b\\f\\n\\r\\t\\v\"")]
    [InlineData("\u0000\u0001\u001f\u007f", "\"\\x00\\x01\\x1f\\x7f\"")]
    [InlineData("\u0080\u009f", "\"\\u0080\\u009f\"")]
    [InlineData("\u00a0\u2028\u3000", "\"\\u00a0\\u2028\\u3000\"")]
    [InlineData("\u00ad\u200b\ufeff", "\"\\u00ad\\u200b\\ufeff\"")]
    [InlineData("♥☃é日本", "\"♥☃é日本\"")]
    [InlineData("\U0001F600", "\"\U0001F600\"")]
    [InlineData("\U000E0001", "\"\\U000e0001\"")]
    [InlineData("\U000F0000", "\"\\U000f0000\"")]
    [InlineData("\ue000", "\"\\ue000\"")]
    [InlineData("'`", "\"'`\"")]
    public void Quotes_like_go(string value, string expected)
    {
        Assert.Equal(expected, GoQuote.Quote(value));
    }

    [Fact]
    public void Lone_surrogate_is_written_as_the_replacement_character()
    {
        Assert.Equal("\"a\uFFFDb\"", GoQuote.Quote("a\ud800b"));
    }

    [Fact]
    public void Slice_uses_go_percent_q_format()
    {
        var builder = new System.Text.StringBuilder();
        GoQuote.AppendSlice(builder, ["--a=b", "--c"]);

        Assert.Equal("[\"--a=b\" \"--c\"]", builder.ToString());
    }
}
