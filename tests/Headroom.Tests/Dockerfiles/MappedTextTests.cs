using Headroom.Dockerfiles;
using static Headroom.Tests.Dockerfiles.ParserTestHelpers;

namespace Headroom.Tests.Dockerfiles;

public sealed class MappedTextTests
{
    [Fact]
    public void Run_over_continuation_lines_maps_every_body_character_to_its_source_offset()
    {
        const string text = "FROM a\nRUN apt-get update \\\n    # a comment\n\n    && apt-get install -y \\\n\tcurl\n";
        DockerfileSyntax syntax = Parse(text);

        Instruction run = syntax.Instructions.Last();
        Assert.Equal("apt-get update     && apt-get install -y \tcurl", run.Body.Value);
        for (int i = 0; i < run.Body.Value.Length; i++)
        {
            Assert.Equal(run.Body.Value[i], text[run.Body.ToSourceOffset(i)]);
        }

        // Pieces start where each physical line's content starts.
        Assert.Equal(text.IndexOf("apt-get update", StringComparison.Ordinal), run.Body.ToSourceOffset(0));
        int andAnd = run.Body.Value.IndexOf("&&", StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("    && apt-get", StringComparison.Ordinal) + 4, run.Body.ToSourceOffset(andAnd));
        Assert.Equal(text.IndexOf("\tcurl", StringComparison.Ordinal), run.Body.ToSourceOffset(run.Body.Value.IndexOf('\t', StringComparison.Ordinal)));
        Assert.Equal((2, 6), (run.StartLine, run.EndLine));
    }

    [Fact]
    public void Keyword_span_and_empty_body()
    {
        const string text = "  run\n";
        Instruction run = Parse(text).Instructions.Single();

        Assert.Equal("run", text.Substring(run.KeywordSpan.Start, run.KeywordSpan.Length));
        Assert.Equal(string.Empty, run.Body.Value);
        Assert.Empty(run.Args);
        Assert.Equal(new Headroom.Text.TextSpan(0, 6), run.Span);
    }

    [Fact]
    public void Slice_keeps_the_mapping()
    {
        var mapped = new MappedText("abcdef", [0, 3], [10, 20]);

        MappedText slice = mapped.Slice(2, 3);

        Assert.Equal("cde", slice.Value);
        Assert.Equal([12, 20, 21], Enumerable.Range(0, 3).Select(slice.ToSourceOffset));
        Assert.Equal(new Headroom.Text.TextSpan(12, 10), mapped.ToSourceSpan(2, 3));
    }
}
