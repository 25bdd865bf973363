using System.Diagnostics;
using Headroom.Diagnostics;
using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Text;

namespace Headroom.Tests.Rules;

public sealed class FixPlannerTests
{
    /// <summary>Flags the first line of each Dockerfile and "fixes" it with a given insertion.</summary>
    private sealed class InsertingRule(string id, string insertion, int offset = 0) : IRule
    {
        public RuleDescriptor Descriptor { get; } = new(id, "test-" + id.ToLowerInvariant(), DiagnosticSeverity.Warning, "test", true);

        public void Check(CheckContext context, FindingSink findings)
        {
            foreach (DockerfileDocument doc in DockerfileDocument.All(context))
            {
                if (!doc.Source.Text.Contains("# fixed", StringComparison.Ordinal))
                {
                    findings.Report(doc.Source, new TextSpan(0, 4), "first line", fix: Fix.InFile("insert", doc.Path, TextEdit.Insert(offset, insertion)));
                }
            }
        }
    }

    private static FixPlan Plan(IRule[] rules, string dockerfile)
    {
        ProjectModel project = RuleHarness.Project(("Dockerfile", dockerfile));
        CheckResult before = CheckRunner.Run(project, CheckOptions.Default, HeadroomConfig.Empty, rules);
        return FixPlanner.Plan(project, CheckOptions.Default, HeadroomConfig.Empty, before);
    }

    [Fact]
    public void A_fix_that_would_break_parsing_is_not_applied_and_says_why()
    {
        // The inserted heredoc never ends, so BuildKit would reject the file.
        FixPlan plan = Plan([new InsertingRule("XX001", "RUN <<EOF\n")], "FROM debian\n");

        FixOutcome outcome = Assert.Single(plan.Outcomes);
        Assert.Equal(FixStatus.BreaksParsing, outcome.Status);
        Assert.Contains("heredoc", outcome.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(plan.Files);
    }

    [Fact]
    public void A_fix_that_brings_a_new_finding_is_not_applied()
    {
        // The fix silences its own rule but adds an apt-get install that DF007 would flag.
        FixPlan plan = Plan([new InsertingRule("XX002", "# fixed\n", 12), .. RuleCatalog.All], "FROM debian\nRUN true\n");

        FixOutcome outcome = Assert.Single(plan.Outcomes, o => o.Finding.Rule.Id == "XX002");
        Assert.Equal(FixStatus.Applied, outcome.Status);

        FixPlan bad = Plan([new InsertingRule("XX003", "RUN apt-get install -y curl\n# fixed\n", 12), .. RuleCatalog.All], "FROM debian\nRUN true\n");
        Assert.Equal(FixStatus.BringsNewFinding, Assert.Single(bad.Outcomes).Status);
        Assert.Empty(bad.Files);
    }

    [Fact]
    public void Overlapping_fixes_keep_the_first_and_report_the_second()
    {
        var first = new InsertingRuleWithSpan("XX004", new TextSpan(0, 4), "FROM");
        var second = new InsertingRuleWithSpan("XX005", new TextSpan(2, 4), "OM d");
        FixPlan plan = Plan([first, second], "FROM debian\n");

        Assert.Equal([FixStatus.Applied, FixStatus.Conflicting], plan.Outcomes.Select(o => o.Status));
    }

    private sealed class InsertingRuleWithSpan(string id, TextSpan span, string text) : IRule
    {
        public RuleDescriptor Descriptor { get; } = new(id, "test-" + id.ToLowerInvariant(), DiagnosticSeverity.Warning, "test", true);

        public void Check(CheckContext context, FindingSink findings)
        {
            DockerfileDocument doc = DockerfileDocument.All(context)[0];
            findings.Report(doc.Source, span, "replace", fix: Fix.InFile("replace", doc.Path, new TextEdit(span, text)));
        }
    }

    [Fact]
    public void Text_edits_keep_every_byte_outside_them_and_reject_overlaps()
    {
        Assert.Equal("a-X--b\r\n", TextEdits.Apply("a--b\r\n", [TextEdit.Insert(2, "X-"), TextEdit.Insert(1, "")]));
        Assert.Equal("\r\n", TextEdits.NewLineOf("x\r\ny\n"));
        Assert.Equal("\n", TextEdits.NewLineOf("x"));
        Assert.Throws<ArgumentException>(() => TextEdits.Apply("abcdef", [new TextEdit(new TextSpan(0, 3), ""), new TextEdit(new TextSpan(2, 2), "")]));
        Assert.False(TextEdits.Overlap(TextEdit.Insert(2, "a"), TextEdit.Insert(2, "b")));
        Assert.True(TextEdits.Overlap(TextEdit.Insert(2, "a"), new TextEdit(new TextSpan(1, 3), "")));
        Assert.False(TextEdits.Overlap(TextEdit.Insert(1, "a"), new TextEdit(new TextSpan(1, 3), "")));
    }

    [Theory]
    [InlineData("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "a\nb\nc\nX\nd\ne\nf\ng\nh\ni\nY\nj\n")]
    [InlineData("one\ntwo\n", "one\n2\n")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n")]
    public void The_unified_diff_applies_with_git_apply(string before, string after)
    {
        string dir = Directory.CreateTempSubdirectory("headroom-diff-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "file.txt"), before);
            var diff = new StringWriter { NewLine = "\n" };
            UnifiedDiff.Write(diff, "file.txt", before, after);
            File.WriteAllText(Path.Combine(dir, "change.diff"), diff.ToString());

            var git = Process.Start(new ProcessStartInfo("git", ["apply", "--unidiff-zero", "change.diff"]) { WorkingDirectory = dir, RedirectStandardError = true })!;
            string error = git.StandardError.ReadToEnd();
            git.WaitForExit();

            Assert.True(git.ExitCode == 0, error + "\n" + diff);
            Assert.Equal(after, File.ReadAllText(Path.Combine(dir, "file.txt")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_diff_of_a_created_file_starts_from_dev_null()
    {
        var diff = new StringWriter { NewLine = "\n" };
        UnifiedDiff.Write(diff, "backend/.dockerignore", null, "**/.venv\ndata/models\n");
        Assert.Equal("--- /dev/null\n+++ b/backend/.dockerignore\n@@ -0,0 +1,2 @@\n+**/.venv\n+data/models\n", diff.ToString());
    }

    [Fact]
    public void A_finding_whose_message_cites_a_line_that_moved_is_the_same_finding()
    {
        // DF011 cites the workflow's line ("ci.yml:8"); a fix elsewhere in the workflow (GH003 moving
        // the checkout) shifts it. The planner must not take that for a new finding.
        const string dockerfile = "FROM python:3.11-slim\n";
        const string workflow = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \"3.12\"\n";
        string moved = workflow.Replace("    steps:\n", "    steps:\n      - uses: actions/checkout@v4\n", StringComparison.Ordinal);
        var rule = new Headroom.Rules.Dockerfile.PythonVersionMismatchRule();
        Finding before = Assert.Single(RuleHarness.Check(rule, ("Dockerfile", dockerfile), (".github/workflows/ci.yml", workflow)).Findings);
        Finding after = Assert.Single(RuleHarness.Check(rule, ("Dockerfile", dockerfile), (".github/workflows/ci.yml", moved)).Findings);

        Assert.NotEqual(before.Message, after.Message);
        Assert.Equal(FixPlanner.Signatures([before]), FixPlanner.Signatures([after]));
        Assert.NotEqual(FixPlanner.Signatures([before]), FixPlanner.Signatures([before with { Path = "other/Dockerfile" }]));
    }
}
