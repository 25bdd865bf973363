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
}
