using System.Text.Json;
using Headroom.Tests.Cli;

namespace Headroom.Tests.Images;

/// <summary><c>headroom image -</c> reads a docker-archive from standard input, front to back.</summary>
public sealed class ImageStdinTests
{
    [Fact]
    public void Dash_reads_a_docker_archive_from_standard_input_with_the_same_figures_as_the_file()
    {
        ImageFixture fx = ImageAnalyzerTests.Standard();
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(fx.DockerClassicFiles()));
        // manifest.json last, as `docker save` streams it: the layers pass before the manifest is known.
        byte[] streamed = ImageFixture.TarOf(fx.DockerClassicFiles(), "manifest.json");
        using var stdin = new NonSeekableStream(streamed);

        CliResult fromStdin = CliRunner.RunWithInput(stdin, "image", "-", "--format", "json");
        CliResult fromFile = CliRunner.Run("image", path, "--format", "json");

        Assert.True(fromStdin.ExitCode == 0, fromStdin.Error);
        Assert.Equal(string.Empty, fromStdin.Error);
        using var a = JsonDocument.Parse(fromStdin.Out);
        using var b = JsonDocument.Parse(fromFile.Out);
        Assert.Equal("stdin", a.RootElement.GetProperty("source").GetString());
        foreach (string part in new[] { "totals", "layers", "packages", "categories", "largestFiles" })
        {
            Assert.Equal(b.RootElement.GetProperty(part).GetRawText(), a.RootElement.GetProperty(part).GetRawText());
        }

        Assert.Equal(1895, a.RootElement.GetProperty("totals").GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void Dash_with_a_truncated_stream_exits_2_with_one_line()
    {
        byte[] whole = ImageFixture.TarOf(ImageAnalyzerTests.Standard().DockerClassicFiles(), "manifest.json");
        using var stdin = new NonSeekableStream(whole[..(whole.Length / 2)]);

        CliResult result = CliRunner.RunWithInput(stdin, "image", "-", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("headroom: error: stdin", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }
}
