using Headroom.Images;
using Headroom.Reports;
using Headroom.Tests.Cli;
using Headroom.Tests.Reports;

namespace Headroom.Tests.Images;

public sealed class ImageHtmlTests
{
    [Fact]
    public void The_size_tree_has_every_layer_byte_with_the_hidden_ones_apart()
    {
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(ImageAnalyzerTests.Standard().DockerClassicFiles()));

        ImageReport report = ImageAnalyzerTests.Analyze(path, new ImageAnalysisOptions { SizeTree = true });

        SizeNode tree = report.Tree!;
        Assert.Equal(report.Totals.Bytes, tree.Bytes);
        Assert.Equal(["layer 0: ADD rootfs.tar /", "layer 1: RUN cleanup", "layer 2: COPY . ."], tree.Children.Select(c => c.Name));
        SizeNode layer0 = tree.Children[0];
        SizeNode hidden = layer0.Children.Single(c => c.Name == "(hidden by later layers)");
        Assert.Equal(report.Totals.ReclaimableBytes, hidden.Bytes);
        Assert.Equal("reclaimable", hidden.Category);
        Assert.Equal(1000, layer0.Children.Single(c => c.Name == "usr/bin").Bytes);
        Assert.Equal(75, tree.Children[2].Bytes);
        Assert.Null(ImageAnalyzerTests.Analyze(path).Tree);
    }

    [Fact]
    public void Image_format_html_writes_one_self_contained_page()
    {
        using var dir = new TempDir();
        string path = dir.File("image.tar", ImageFixture.TarOf(ImageAnalyzerTests.Standard().DockerClassicFiles()));
        string output = System.IO.Path.Combine(dir.Path, "report.html");

        CliResult result = CliRunner.Run("image", path, "--format", "html", "--output", output, "--forbid", "tmp");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        string html = File.ReadAllText(output);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("layer 1: RUN cleanup", html, StringComparison.Ordinal);
        Assert.Contains("<td>/usr/bin/tool</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>forbid:tmp</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-cat=\"tmp\"", html, StringComparison.Ordinal);
        Assert.Empty(HtmlPage.ExternalReferences(html));
        Assert.Equal(1895, HtmlPage.Data(html).GetProperty("tm-1").GetProperty("root").GetProperty("b").GetInt64());
    }
}
