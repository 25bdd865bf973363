using System.Text.RegularExpressions;
using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Output;
using Headroom.Tests.Cli;
using Headroom.Tests.Dockerfiles;

namespace Headroom.Tests.Rules;

/// <summary>
/// Every rule has one page, docs/rules/ID.md, whose examples are real: the non-compliant example makes
/// the rule fire with exactly the output the page shows, and the compliant one does not make it fire.
/// </summary>
public sealed partial class RuleDocsTests
{
    private static string DocsFolder => Path.Combine(ConformanceCorpus.RepositoryRoot(), "docs", "rules");

    public static TheoryData<string> RuleIds => [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

    [Fact]
    public void Ids_and_slugs_are_unique_and_every_page_has_a_rule()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Descriptor.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Descriptor.Slug).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (string page in Directory.GetFiles(DocsFolder, "*.md"))
        {
            Assert.True(RuleCatalog.Find(Path.GetFileNameWithoutExtension(page)) is not null, $"{page} documents no rule");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_page_exists_and_its_head_matches_the_rule(string id)
    {
        RuleDescriptor rule = RuleCatalog.Find(id)!.Descriptor;
        string path = Path.Combine(DocsFolder, id + ".md");
        Assert.True(File.Exists(path), $"{id} has no page {path}");
        string[] lines = File.ReadAllLines(path);
        Assert.Equal($"# {rule.Id} {rule.Slug}", lines[0]);
        Assert.Contains($"**Severity:** {FindingsJsonWriter.SeverityName(rule.DefaultSeverity)} · **Fixable:** {(rule.Fixable ? "yes" : "no")}", lines);
        foreach (string section in new[] { "## Why", "## Non-compliant", "## Compliant", "## Fix", "## Configuration", "## Output" })
        {
            Assert.Contains(section, lines);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_examples_behave_as_the_page_says(string id)
    {
        IRule rule = RuleCatalog.Find(id)!;
        string page = File.ReadAllText(Path.Combine(DocsFolder, id + ".md")).ReplaceLineEndings("\n");
        (string Path, string Text)[] bad = Blocks(Section(page, "Non-compliant"));
        (string Path, string Text)[] good = Blocks(Section(page, "Compliant"));
        Assert.NotEmpty(bad);
        Assert.NotEmpty(good);

        string actual = Render(rule, bad);
        string expected = Assert.Single(Blocks(Section(page, "Output"), withPath: false)).Text;
        Assert.True(expected == actual, $"docs/rules/{id}.md: the Output block differs from the real output, which is:\n{actual}");
        Assert.DoesNotContain(RuleHarness.CheckAll(HeadroomConfig.Empty, good).Findings, f => f.Rule.Id == id);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Headroom_rules_ID_prints_the_page(string id)
    {
        CliResult result = CliRunner.Run("rules", id);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(DocsFolder, id + ".md")), result.Out);
    }

    [Fact]
    public void Headroom_rules_lists_every_rule_and_an_unknown_one_is_exit_2()
    {
        CliResult list = CliRunner.Run("rules");
        Assert.Equal(0, list.ExitCode);
        foreach (IRule rule in RuleCatalog.All)
        {
            Assert.Contains($"{rule.Descriptor.Id}  {rule.Descriptor.Slug}", list.Out, StringComparison.Ordinal);
        }

        Assert.Equal(2, CliRunner.Run("rules", "XX999").ExitCode);
    }

    /// <summary>The text output of a check of the example, with this rule's findings only.</summary>
    internal static string Render(IRule rule, (string Path, string Text)[] files)
    {
        ProjectModel project = RuleHarness.Project(files);
        CheckResult all = CheckRunner.Run(project, CheckOptions.Default, HeadroomConfig.Empty, RuleCatalog.All);
        var mine = new CheckResult([.. all.Findings.Where(f => f.Rule.Id == rule.Descriptor.Id)], all.FilesChecked, 0);
        var output = new StringWriter { NewLine = "\n" };
        FindingsTextWriter.Write(output, mine, project.ReadSource);
        return output.ToString();
    }

    private static string Section(string page, string title)
    {
        Match m = Regex.Match(page, $@"^## {Regex.Escape(title)}\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(m.Success, $"no section '## {title}'");
        return m.Groups["body"].Value;
    }

    private static (string Path, string Text)[] Blocks(string section, bool withPath = true) =>
        [.. Fence().Matches(section).Select(m =>
        {
            string[] info = m.Groups["info"].Value.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(!withPath || info.Length == 2, $"an example block needs 'LANG PATH' after its fence: '{m.Groups["info"].Value}'");
            return (withPath ? info[1] : string.Empty, m.Groups["body"].Value);
        })];

    [GeneratedRegex(@"^(?<fence>`{3,})(?<info>[^\n`]*)\n(?<body>.*?\n)\k<fence>[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
