using Headroom.Dockerfiles;
using Headroom.Tests.Cli;

namespace Headroom.Tests.Dockerfiles;

/// <summary>
/// BuildKit's parser_test.go over the shared corpus. The cases are enumerated when the tests run, so a
/// case dropped into the corpus folder is picked up without a code change.
/// </summary>
public sealed class BuildKitConformanceTests
{
    public static TheoryData<string> PositiveCases() => ConformanceCorpus.CaseNames("testfiles");

    public static TheoryData<string> NegativeCases() => ConformanceCorpus.CaseNames("testfiles-negative");

    [Theory]
    [MemberData(nameof(PositiveCases))]
    public void Positive_case_dumps_exactly_as_BuildKit(string name)
    {
        string dir = Path.Combine(ConformanceCorpus.Require(), "testfiles", name);
        string text = ConformanceCorpus.ReadText(Path.Combine(dir, "Dockerfile"));
        string expected = ConformanceCorpus.ReadText(Path.Combine(dir, "result"));

        DockerfileSyntax syntax = DockerfileParser.Parse(text, "Dockerfile");

        Assert.False(syntax.HasErrors, string.Join("\n", syntax.Diagnostics));
        Assert.Equal(expected, SexpPrinter.Print(syntax));
        Assert.Equal(text, syntax.ToFullString());
    }

    [Theory]
    [MemberData(nameof(PositiveCases))]
    public void Positive_case_dumps_through_the_CLI(string name)
    {
        string dir = Path.Combine(ConformanceCorpus.Require(), "testfiles", name);
        string expected = ConformanceCorpus.ReadText(Path.Combine(dir, "result"));

        CliResult result = CliRunner.Run("dockerfile", "dump", Path.Combine(dir, "Dockerfile"), "--format", "sexp");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Out);
    }

    [Theory]
    [MemberData(nameof(NegativeCases))]
    public void Negative_case_is_rejected_by_the_CLI_with_a_line(string name)
    {
        string file = Path.Combine(ConformanceCorpus.Require(), "testfiles-negative", name, "Dockerfile");

        CliResult result = CliRunner.Run("dockerfile", "dump", file, "--format", "sexp");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^headroom: error: .+Dockerfile:\d+: \S", line);
    }

    [Theory]
    [MemberData(nameof(NegativeCases))]
    public void Negative_case_has_an_error_diagnostic_and_still_round_trips(string name)
    {
        string text = ConformanceCorpus.ReadText(Path.Combine(ConformanceCorpus.Require(), "testfiles-negative", name, "Dockerfile"));

        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        Assert.True(syntax.HasErrors);
        Assert.Equal(text, syntax.ToFullString());
    }

    [Fact]
    public void Testfile_line_gives_BuildKits_line_ranges()
    {
        string text = ConformanceCorpus.ReadText(Path.Combine(ConformanceCorpus.Require(), "testfile-line", "Dockerfile"));

        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        Assert.False(syntax.HasErrors);
        (int, int)[] ranges = [.. syntax.Instructions.Select(i => (i.StartLine, i.EndLine))];
        Assert.Equal([(5, 5), (11, 12), (17, 31)], ranges);
        // BuildKit's root node spans from the first child's start to the last child's end.
        Assert.Equal(5, syntax.Instructions.First().StartLine);
        Assert.Equal(31, syntax.Instructions.Last().EndLine);
        Assert.Equal(text, syntax.ToFullString());
    }

    [Fact]
    public void Corpus_is_present_with_BuildKits_license()
    {
        string root = ConformanceCorpus.Require();

        Assert.True(File.Exists(Path.Combine(root, "LICENSE")));
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(root, "testfiles")));
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(root, "testfiles-negative")));
    }
}
