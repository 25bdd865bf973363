using System.Text;
using Headroom.Diagnostics;
using Headroom.IO;

namespace Headroom.Tests.IO;

public sealed class TextFileEncodingTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_file_with_a_byte_order_mark_keeps_its_encoding_and_mark(string name)
    {
        Encoding encoding = Encoding.GetEncoding(name);
        byte[] original = [.. encoding.GetPreamble(), .. encoding.GetBytes("FROM debian\r\n")];
        string fixedText = new StreamReader(new MemoryStream(original), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd() + "RUN true\r\n";

        byte[] written = TextFileEncoding.EncodeLike(original, fixedText, "Dockerfile");

        byte[] expected = [.. encoding.GetPreamble(), .. encoding.GetBytes("FROM debian\r\nRUN true\r\n")];
        Assert.Equal(expected, written);
    }

    [Fact]
    public void A_file_without_a_mark_and_a_new_file_are_utf8_without_one()
    {
        byte[] expected = Encoding.UTF8.GetBytes("FROM debian # café\n");
        Assert.Equal(expected, TextFileEncoding.EncodeLike(Encoding.UTF8.GetBytes("FROM debian\n"), "FROM debian # café\n", "Dockerfile"));
        Assert.Equal(expected, TextFileEncoding.EncodeLike([], "FROM debian # café\n", "Dockerfile"));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_an_input_error()
    {
        byte[] latin1 = [.. "# caf"u8, 0xE9, .. "\n"u8];
        InputException error = Assert.Throws<InputException>(() => TextFileEncoding.EncodeLike(latin1, "# caf\uFFFD\nRUN true\n", "app/Dockerfile"));
        Assert.StartsWith("app/Dockerfile: not UTF-8 text", error.Message, StringComparison.Ordinal);
    }
}
