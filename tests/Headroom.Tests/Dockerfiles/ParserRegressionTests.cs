using Headroom.Dockerfiles;

namespace Headroom.Tests.Dockerfiles;

/// <summary>Inputs that property tests and fuzzing found; each stays as a regression test.</summary>
public sealed class ParserRegressionTests
{
    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\n")]
    [InlineData("\uFEFFFROM x")]
    public void A_byte_order_mark_makes_one_nonempty_node(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        Assert.Equal(text, syntax.ToFullString());
        Assert.All(syntax.Nodes, node => Assert.True(node.Span.Length > 0));
        Assert.Equal(TriviaKind.ByteOrderMark, Assert.IsType<TriviaNode>(syntax.Nodes[0]).Kind);
    }

    [Fact]
    public void Dump_shows_at_most_twenty_warnings_and_counts_the_rest()
    {
        string path = Path.Combine(Path.GetTempPath(), $"headroom-warnings-{Guid.NewGuid():N}.Dockerfile");
        var text = new System.Text.StringBuilder("FROM alpine\n");
        for (int i = 0; i < 25; i++)
        {
            text.Append("RUN echo a \\\n\n    b\n");
        }

        File.WriteAllText(path, text.ToString());
        try
        {
            Cli.CliResult result = Cli.CliRunner.Run("dockerfile", "dump", path);

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(21, lines.Length);
            Assert.EndsWith("5 more warning(s) not shown", lines[^1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

