using Headroom.Tests.Cli;

namespace Headroom.Tests.Dockerfiles;

public sealed class DockerfileDumpCommandTests
{
    [Fact]
    public void Missing_file_exits_2_with_one_line()
    {
        CliResult result = CliRunner.Run("dockerfile", "dump", "/no/such/Dockerfile");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("headroom: error: /no/such/Dockerfile: no such file\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Parse_error_exits_2_with_file_line_and_message()
    {
        using var file = new TempFile("FROM a\n\nRUN <<EOF\nnever closed\n");

        CliResult result = CliRunner.Run("dockerfile", "dump", file.Path, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal($"headroom: error: {file.Path}:3: unterminated heredoc\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Byte_order_mark_in_the_file_is_seen_by_the_parser()
    {
        using var file = new TempFile([0xEF, 0xBB, 0xBF, .. "# escape=`\nFROM a `\n  b\n"u8.ToArray()]);

        CliResult result = CliRunner.Run("dockerfile", "dump", file.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("(from \"a\" \"b\")\n", result.Out);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        CliResult result = CliRunner.Run("dockerfile", "dump", "x", "--format", "yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("headroom: error: ", result.Error, StringComparison.Ordinal);
    }
}
