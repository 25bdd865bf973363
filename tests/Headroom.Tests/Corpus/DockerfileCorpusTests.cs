using Headroom.Dockerfiles;
using Headroom.Rules;
using Headroom.Rules.Configuration;

namespace Headroom.Tests.Corpus;

/// <summary>
/// Real-world Dockerfiles (Corpus/Dockerfiles, sources and licences in Corpus/SOURCES.md): each parses without
/// exception, round-trips to its exact text, goes through the whole rule catalogue, and gives the findings of the
/// reviewed golden file Corpus/findings.txt (<c>&lt;corpus path&gt;:&lt;line&gt; &lt;rule id&gt;</c>, a <c># …</c> tail is a review note).
/// </summary>
public sealed class DockerfileCorpusTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus", "Dockerfiles");

    /// <summary>The corpus paths: one directory per Dockerfile, named owner__repo__path.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string directory in Directory.GetDirectories(CorpusDirectory).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(CorpusDirectory, name, "Dockerfile"));

    [Fact]
    public void The_corpus_has_at_least_fifteen_files_and_the_golden_names_only_corpus_files()
    {
        string[] names = [.. Files().Select(row => row.Data)];
        Assert.True(names.Length >= 15, $"{names.Length} corpus files");
        Assert.All(Golden().Select(line => line.Split(':')[0]).Distinct(), name => Assert.Contains(name, names));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_file_parses_and_round_trips_exactly(string name)
    {
        string text = Read(name);
        DockerfileSyntax syntax = DockerfileParser.Parse(text, name);

        Assert.False(syntax.HasErrors, string.Join("\n", syntax.Diagnostics));
        Assert.Equal(text, syntax.ToFullString());
        Assert.NotEmpty(syntax.Instructions);

        // The node spans partition the text: each starts where the previous one ended, the last ends at the end.
        int position = 0;
        foreach (DockerfileNode node in syntax.Nodes)
        {
            Assert.Equal(position, node.Span.Start);
            position += node.Span.Length;
        }

        Assert.Equal(text.Length, position);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_whole_catalogue_gives_the_reviewed_findings(string name)
    {
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", Read(name))]);
        CheckResult result = CheckRunner.Run(project, CheckOptions.Default with { Offline = true }, HeadroomConfig.Empty, RuleCatalog.All);

        string[] actual = [.. result.Findings.Select(f => $"{name}:{f.Start.Line} {f.RuleId}").Order(StringComparer.Ordinal)];
        string[] expected = [.. Golden().Where(line => line.StartsWith(name + ":", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.True(
            expected.SequenceEqual(actual),
            $"the findings on {name} changed; review them and update Corpus/findings.txt:\n" + string.Join("\n", actual));
    }

    /// <summary>The golden lines without their review notes and blank or comment lines.</summary>
    private static IEnumerable<string> Golden() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "findings.txt"))
            .Select(line => (line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0);
}
