using System.Text;
using Headroom.Dockerfiles;

namespace Headroom.Tests.Dockerfiles;

public sealed class RoundTripTests
{
    public static TheoryData<string> AllCorpusFiles()
    {
        var data = new TheoryData<string>();
        string? root = ConformanceCorpus.Directory;
        if (root == null)
        {
            data.Add("<corpus missing>");
            return data;
        }

        foreach (string file in Directory.EnumerateFiles(root, "Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCorpusFiles))]
    public void Every_corpus_file_round_trips_and_nodes_partition_the_text(string relative)
    {
        string text = ConformanceCorpus.ReadText(Path.Combine(ConformanceCorpus.Require(), relative));

        AssertPartition(text);
        // The same file with CRLF line ends and a byte order mark.
        AssertPartition("\uFEFF" + text.ReplaceLineEndings("\r\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("\uFEFF")]
    [InlineData("\\")]
    [InlineData("\\\n")]
    [InlineData("RUN a\\")]
    [InlineData("RUN a\r")]
    [InlineData("RUN a\r\r\nRUN b\rc")]
    [InlineData("\t# comment \\\n  \n")]
    [InlineData("RUN <<EOF")]
    [InlineData("RUN <<EOF\n")]
    [InlineData("RUN <<'EOF\nx\n")]
    [InlineData("COPY <<A <<B\nA\n")]
    [InlineData("CMD [\"a\", 1]\nENV\nENV x\nLABEL a b=c\n")]
    [InlineData("# escape=\n# escape=`\n# escape=`\n")]
    [InlineData("ONBUILD ONBUILD RUN <<X\nX\n")]
    [InlineData("RUN ${a:-b} <<\"${x}\" $((1)) \\\"\n")]
    [InlineData("FROM \ud800 \udc00\nRUN \u0085--x \u00a0\n")]
    [InlineData("COPY --a=\u8800 --b=\U0001F600 x\n")]
    public void Odd_inputs_never_throw_and_round_trip(string text)
    {
        AssertPartition(text);
    }

    [Fact]
    public void Random_inputs_never_throw_and_round_trip()
    {
        var random = new Random(1234);
        string alphabet = "RUN COPY ADD ONBUILD ENV LABEL CMD FROM <<- <<EOF EOF \\ ` # escape= syntax= \"'[]{},=-- \t\r\n\n\u00e9\u00a0\ufeff$\\{}:1";
        for (int round = 0; round < 400; round++)
        {
            var builder = new StringBuilder();
            int pieces = random.Next(1, 60);
            for (int i = 0; i < pieces; i++)
            {
                int start = random.Next(alphabet.Length);
                builder.Append(alphabet, start, Math.Min(random.Next(1, 8), alphabet.Length - start));
            }

            AssertPartition(builder.ToString());
        }
    }

    [Fact]
    public void A_megabyte_of_long_continuations_and_many_heredocs_round_trips()
    {
        // Parse time is measured by bench/parse/run.sh, not asserted here.
        string large = BigDockerfile(1_000_000);

        DockerfileSyntax syntax = DockerfileParser.Parse(large);

        Assert.Equal(large, syntax.ToFullString());
        Assert.False(syntax.HasErrors);
        Assert.Contains(syntax.Instructions, i => i.Heredocs.Length == 2);
    }

    /// <summary>About <paramref name="size"/> characters: long RUN continuations and many heredocs.</summary>
    private static string BigDockerfile(int size)
    {
        var builder = new StringBuilder("FROM alpine\n");
        int n = 0;
        while (builder.Length < size)
        {
            builder.Append("RUN apk add \\\n");
            for (int i = 0; i < 200; i++)
            {
                builder.Append("    pkg").Append(i).Append(" \\\n");
            }

            builder.Append("    last\n");
            builder.Append("COPY <<A").Append(n).Append(" <<B").Append(n).Append(" /dst\n");
            for (int i = 0; i < 50; i++)
            {
                builder.Append("line ").Append(i).Append('\n');
            }

            builder.Append('A').Append(n).Append("\nb\nB").Append(n).Append('\n');
            n++;
        }

        return builder.ToString();
    }

    private static void AssertPartition(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        Assert.Equal(text, syntax.ToFullString());
        int pos = 0;
        foreach (DockerfileNode node in syntax.Nodes)
        {
            Assert.Equal(pos, node.Span.Start);
            Assert.True(node.Span.Length > 0, "empty node");
            pos = node.Span.End;
        }

        Assert.Equal(text.Length, pos);
        foreach (var diagnostic in syntax.Diagnostics)
        {
            Assert.InRange(diagnostic.Start.Line, 1, syntax.Source.LineCount);
        }

        _ = SexpPrinter.Print(syntax);
        _ = DockerfileJsonDump.ToJson(syntax);
    }
}
