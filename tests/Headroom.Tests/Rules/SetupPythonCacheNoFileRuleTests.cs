using Headroom.Rules;
using Headroom.Rules.Workflows;

namespace Headroom.Tests.Rules;

public sealed class SetupPythonCacheNoFileRuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private static readonly SetupPythonCacheNoFileRule Rule = new();

    private const string Head = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n";
    private const string Checkout = "      - uses: actions/checkout@v4\n";
    private const string Install = "      - run: pip install -r backend/requirements-dev.txt\n";

    private static string SetupPython(string extra = "") =>
        "      - uses: actions/setup-python@v5\n        with:\n          python-version: \"3.12\"\n          cache: pip\n" + extra;

    [Fact]
    public void Fires_when_setup_python_runs_before_checkout()
    {
        string text = Head + SetupPython() + "\n" + Checkout + "\n" + Install;
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, text), ("backend/requirements.txt", "fastapi\n")).Findings);
        Assert.Equal(9, finding.Start.Line);
        Assert.Contains("before actions/checkout (line 11)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("matched to [**/requirements.txt or **/pyproject.toml]", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_when_the_job_never_checks_out()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Head + SetupPython()), ("requirements.txt", "x\n")).Findings);
        Assert.Contains("never runs actions/checkout", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("requirements-dev.txt")]
    [InlineData("requirements/base.txt")]
    [InlineData("requirements.in")]
    public void Fires_when_no_file_is_named_as_the_default_pattern(string file)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Head + Checkout + SetupPython()), (file, "x\n")).Findings);
        Assert.Equal(10, finding.Start.Line);
        Assert.Contains("no committed file matches **/requirements.txt or **/pyproject.toml", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_when_the_explicit_path_matches_nothing()
    {
        string text = Head + Checkout + SetupPython("          cache-dependency-path: requirements/*.txt\n");
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, text), ("backend/requirements.txt", "x\n")).Findings);
        Assert.Equal(11, finding.Start.Line);
        Assert.Contains("requirements/*.txt", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backend/requirements.txt", "")]
    [InlineData("pyproject.toml", "")]
    [InlineData("backend/requirements-dev.txt", "          cache-dependency-path: backend/requirements*.txt\n")]
    [InlineData("a/req.txt", "          cache-dependency-path: |\n            **/req.txt\n            !**/other.txt\n")]
    [InlineData("nothing.txt", "          cache-dependency-path: ${{ inputs.deps }}\n")]
    public void Does_not_fire_when_a_file_matches(string file, string extra) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Head + Checkout + SetupPython(extra)), (file, "x\n")).Findings);

    [Fact]
    public void Does_not_fire_without_a_cache() =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Head + "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n")).Findings);

    [Fact]
    public void Poetry_looks_for_its_lock_file()
    {
        string text = Head + Checkout + SetupPython().Replace("cache: pip", "cache: poetry", StringComparison.Ordinal);
        Assert.Single(RuleHarness.Check(Rule, (Path, text), ("requirements.txt", "x\n")).Findings);
        Assert.Empty(RuleHarness.Check(Rule, (Path, text), ("app/poetry.lock", "x\n")).Findings);
    }

    [Fact]
    public void The_fix_moves_checkout_above_setup_python()
    {
        string before = Head + SetupPython() + "\n" + Checkout + "\n" + Install;
        string after = Head + Checkout + "\n" + SetupPython() + "\n" + Install;
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, (Path, before), ("backend/requirements.txt", "x\n"));
        Assert.Equal(after, fixedFiles[Path]);
        Assert.Empty(RuleHarness.Fix(Rule, (Path, after), ("backend/requirements.txt", "x\n")));
    }

    [Fact]
    public void The_fix_sets_the_files_the_job_installs()
    {
        string before = Head + Checkout + SetupPython() + Install;
        string after = Head + Checkout + SetupPython("          cache-dependency-path: backend/requirements-dev.txt\n") + Install;
        (string, string)[] files = [(Path, before), ("backend/requirements-dev.txt", "x\n"), ("docs/requirements-docs.txt", "y\n")];
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, files);
        Assert.Equal(after, fixedFiles[Path]);
        files[0] = (Path, after);
        Assert.Empty(RuleHarness.Fix(Rule, files));
    }

    [Fact]
    public void The_fix_lists_the_repository_requirement_files_in_a_block_and_keeps_comments()
    {
        string before = Head + Checkout + SetupPython().Replace("cache: pip", "cache: pip # speed", StringComparison.Ordinal);
        string after = Head + Checkout + SetupPython("          cache-dependency-path: |\n            requirements/base.txt\n            requirements/dev.txt\n").Replace("cache: pip", "cache: pip # speed", StringComparison.Ordinal);
        (string, string)[] files = [(Path, before), ("requirements/base.txt", "x\n"), ("requirements/dev.txt", "-r base.txt\n")];
        Assert.Equal(after, RuleHarness.Fix(Rule, files)[Path]);
        files[0] = (Path, after);
        Assert.Empty(RuleHarness.Fix(Rule, files));
    }
}
