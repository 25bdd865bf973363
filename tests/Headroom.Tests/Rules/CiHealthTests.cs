using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Output;
using Headroom.Tests.Dockerfiles;

namespace Headroom.Tests.Rules;

public sealed class CiHealthTests
{
    private const string ComposeV1 = "on: push\njobs:\n  it:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker-compose up -d\n      - run: docker-compose down\n";

    private static CheckResult CheckAll(params (string Path, string Text)[] files) => RuleHarness.CheckAll(HeadroomConfig.Empty, files);

    [Fact]
    public void There_are_eleven_classes_and_every_existing_rule_id_in_them_is_a_rule()
    {
        Assert.Equal(11, CiHealth.Classes.Count);
        Assert.All(CiHealth.Classes.SelectMany(c => c.RuleIds), id => Assert.Matches("^(DF|PY|GH|JS)0[0-9]{2}$", id));
        Assert.Contains(CiHealth.Rows(CheckAll()), r => r.Name.StartsWith("docker-compose", StringComparison.Ordinal) && r.Checked);
    }

    [Fact]
    public void A_found_class_lists_its_places_and_fix_and_the_others_are_clear()
    {
        CheckResult result = CheckAll((".github/workflows/ci.yml", ComposeV1));
        CiHealthRow compose = CiHealth.Rows(result).Single(r => r.RuleIds.Contains("GH002"));
        Assert.Equal("found", compose.Status);
        Assert.Equal(".github/workflows/ci.yml:6, .github/workflows/ci.yml:7", compose.Places());
        Assert.Equal(2, compose.FixableCount);
        Assert.Equal("clear", CiHealth.Rows(result).Single(r => r.RuleIds.Contains("GH004")).Status);

        var markdown = new StringWriter { NewLine = "\n" };
        FindingsMarkdownWriter.Write(markdown, result);
        Assert.Contains("| docker-compose v1 gone from runners | GH002 | found | `.github/workflows/ci.yml:6`, `.github/workflows/ci.yml:7` | `headroom fix` |\n", markdown.ToString(), StringComparison.Ordinal);
        Assert.Contains("| buildx image not loaded | GH004 | clear |  |  |\n", markdown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Places_are_cut_after_three()
    {
        string steps = string.Concat(Enumerable.Range(0, 5).Select(i => $"      - run: docker-compose ps {i}\n"));
        CheckResult result = CheckAll((".github/workflows/ci.yml", "on: push\njobs:\n  it:\n    runs-on: ubuntu-latest\n    steps:\n" + steps));
        Assert.EndsWith("ci.yml:8 +2 more", CiHealth.Rows(result).Single(r => r.RuleIds.Contains("GH002")).Places(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_summary_gets_one_line_per_found_class_only_when_asked()
    {
        CheckResult result = CheckAll((".github/workflows/ci.yml", ComposeV1));
        var plain = new StringWriter { NewLine = "\n" };
        var withHealth = new StringWriter { NewLine = "\n" };
        FindingsTextWriter.Write(plain, result, _ => null);
        FindingsTextWriter.Write(withHealth, result, _ => null, ciHealth: true);

        Assert.DoesNotContain("CI health", plain.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(
            "fixable with 'headroom fix'.\nCI health: 1 of 11 breakages found\n  docker-compose v1 gone from runners [GH002]: .github/workflows/ci.yml:6, .github/workflows/ci.yml:7; headroom fix\n",
            withHealth.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_project_has_no_text_lines_and_an_all_clear_table()
    {
        CheckResult result = CheckAll(("README.md", "# nothing\n"));
        var text = new StringWriter { NewLine = "\n" };
        FindingsTextWriter.Write(text, result, _ => null, ciHealth: true);
        Assert.DoesNotContain("CI health", text.ToString(), StringComparison.Ordinal);

        var markdown = new StringWriter { NewLine = "\n" };
        FindingsMarkdownWriter.Write(markdown, result);
        Assert.Contains("### CI health: 0 of 11 breakages found", markdown.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("| found |", markdown.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Golden test: the CI-health table of examples/ml-backend, reviewed by hand against the example's README
    /// (Rules/Data/ml-backend-ci-health.md). It changes when a rule of the table is added or starts finding more.
    /// </summary>
    [Fact]
    public void The_table_of_the_ml_backend_example_matches_the_reviewed_golden_file()
    {
        string example = Path.Combine(ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");
        CheckResult result = CheckRunner.Run(ProjectModel.Load(example), CheckOptions.Default, HeadroomConfig.Empty, RuleCatalog.All);
        var markdown = new StringWriter { NewLine = "\n" };
        CiHealth.WriteMarkdown(markdown, result);
        string golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "Data", "ml-backend-ci-health.md")).ReplaceLineEndings("\n");
        Assert.True(golden == markdown.ToString(), "the CI-health table of examples/ml-backend changed; review it and update Rules/Data/ml-backend-ci-health.md:\n" + markdown);
    }
}
