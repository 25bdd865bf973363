using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Dockerfile;
using Headroom.Rules.Fixing;

namespace Headroom.Tests.Rules;

public sealed class NoDockerignoreRuleTests
{
    private static readonly NoDockerignoreRule Rule = new();

    private const string Dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n";

    [Fact]
    public void Fires_on_the_whole_context_copy_with_the_measured_entries_and_creates_the_dockerignore()
    {
        (string, string)[] files =
        [
            ("api/Dockerfile", Dockerfile),
            ("api/requirements.txt", "fastapi\n"),
            ("api/.venv/pyvenv.cfg", "home = /usr/bin\n"),
            ("api/.venv/lib/site.py", "x = 1\n"),
            ("api/app/__pycache__/main.cpython-312.pyc", "0123456789"),
            ("api/app/main.py", "print()\n"),
        ];
        Finding finding = Assert.Single(RuleHarness.Check(Rule, files).Findings);
        Assert.Equal(("api/Dockerfile", 5), (finding.Path, finding.Start.Line));
        Assert.Contains(".venv/ (22 B)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("__pycache__/ (10 B)", finding.Message, StringComparison.Ordinal);
        Assert.Equal(32, finding.BytesAtStake);
        Assert.True(finding.BytesExact);

        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, files);
        Assert.Equal("**/__pycache__\n.venv\n", fixedFiles["api/.dockerignore"]);
        Assert.Empty(RuleHarness.Check(Rule, [.. files, ("api/.dockerignore", fixedFiles["api/.dockerignore"])]).Findings);
    }

    [Fact]
    public void Gitignored_virtualenvs_caches_and_data_count_and_become_anchored_dockerignore_lines()
    {
        (string, string)[] files =
        [
            ("Dockerfile", "FROM python:3.12-slim\r\nCOPY . /app\r\n"),
            (".gitignore", "# local\n.venv/\n__pycache__/\nreports/\n/build\ndata/models/\ndata/*.parquet\n!data/keep.parquet\n"),
        ];
        Finding finding = Assert.Single(RuleHarness.Check(Rule, files).Findings);
        Assert.Contains("what .gitignore keeps out of git (.venv/, __pycache__/, data/models/, data/*.parquet)", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.BytesAtStake);
        Assert.Equal("**/.venv\r\n**/__pycache__\r\ndata/models\r\ndata/*.parquet\r\n", RuleHarness.Fix(Rule, files)[".dockerignore"]);
    }

    [Theory]
    [InlineData(".dockerignore")]
    [InlineData("Dockerfile.dockerignore")]
    public void Does_not_fire_with_a_dockerignore_or_the_dockerfiles_own(string ignoreFile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", Dockerfile), (".venv/pyvenv.cfg", "x"), (ignoreFile, ".venv\n")).Findings);

    [Theory]
    [InlineData("FROM python:3.12-slim\nCOPY app /app\n")]
    [InlineData("FROM python:3.12-slim\nCOPY --from=build . /app\n")]
    public void Does_not_fire_without_a_whole_context_copy(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("app/main.py", "print()\n"), (".venv/pyvenv.cfg", "x")).Findings);

    [Fact]
    public void Does_not_fire_when_the_context_holds_nothing_unwanted() =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", "FROM python:3.12-slim\nCOPY . .\n"), ("app/main.py", "print()\n"), ("data/sample.txt", "x"), (".gitignore", "reports/\n*.log\n")).Findings);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void On_disk_it_measures_git_node_modules_and_large_files_skips_symlinks_and_the_fix_creates_the_file()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-df010-").FullName;
        string outside = Directory.CreateTempSubdirectory("headroom-df010-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM node:20\nWORKDIR /app\nCOPY . .\n");
            Write(Path.Combine(dir, ".git", "objects", "ab", "cdef"), 1000);
            Write(Path.Combine(dir, "web", "node_modules", "left-pad", "index.js"), 300);
            Write(Path.Combine(dir, "web", "src", "main.js"), 50);
            using (FileStream big = File.Create(Path.Combine(dir, "model.bin")))
            {
                big.SetLength(60_000_000);
            }

            Write(Path.Combine(outside, "node_modules", "huge.js"), 5000);
            Directory.CreateSymbolicLink(Path.Combine(dir, "linked"), outside);
            File.CreateSymbolicLink(Path.Combine(dir, "big-link.bin"), Path.Combine(dir, "model.bin"));

            ProjectModel project = ProjectModel.Load(dir);
            CheckResult result = CheckRunner.Run(project, CheckOptions.Default, HeadroomConfig.Empty, [Rule]);
            Finding finding = Assert.Single(result.Findings);
            Assert.Equal(60_001_300, finding.BytesAtStake);
            Assert.Contains(".git/ (1 kB)", finding.Message, StringComparison.Ordinal);
            Assert.Contains("web/node_modules/", finding.Message, StringComparison.Ordinal);
            Assert.Contains("model.bin (60 MB)", finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("linked", finding.Message, StringComparison.Ordinal);

            FixPlan plan = FixPlanner.Plan(project, CheckOptions.Default, HeadroomConfig.Empty, CheckRunner.Run(project, CheckOptions.Default, HeadroomConfig.Empty), new HashSet<string> { "DF010" });
            Assert.Equal(".git\nmodel.bin\nweb/node_modules\n", plan.Files[".dockerignore"].After);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            Directory.Delete(outside, recursive: true);
        }
    }

    private static void Write(string path, int bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
    }
}
