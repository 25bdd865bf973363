using Headroom.Rules;
using Headroom.Rules.JavaScript;

namespace Headroom.Tests.Rules;

public sealed class NpmLockfileMissingRuleTests
{
    private static readonly NpmLockfileMissingRule Rule = new();

    private const string Package = """{ "name": "web", "scripts": { "build": "vite build" } }""";

    private const string Lock = """{ "name": "web", "lockfileVersion": 3, "packages": {} }""";

    private const string CacheWorkflow = """
        on: push
        jobs:
          web:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-node@v4
                with:
                  node-version: 20
                  cache: npm
        """;

    private const string CiWorkflow = """
        on: push
        jobs:
          web:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Install
                working-directory: web
                run: npm ci
              - run: |
                  cd web
                  npm ci --ignore-scripts
        """;

    [Fact]
    public void Fires_on_setup_node_cache_without_a_root_lock_file_and_quotes_the_ci_error()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (".github/workflows/ci.yml", CacheWorkflow), ("package.json", Package)).Findings);
        Assert.Equal("JS001", finding.Rule.Id);
        Assert.Equal((".github/workflows/ci.yml", 10), (finding.Path, finding.Start.Line));
        Assert.Equal(
            "setup-node's npm cache looks for package-lock.json, npm-shrinkwrap.json or yarn.lock at the repository root and finds none, so the job fails with \"Error: Dependencies lock file is not found in /home/runner/work/<repo>/<repo>. Supported file patterns: package-lock.json,npm-shrinkwrap.json,yarn.lock\"; run 'npm install' and commit the lock file, or remove 'cache: npm'",
            finding.Message);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void A_lock_file_in_a_sub_folder_does_not_help_setup_node_and_is_suggested()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (".github/workflows/ci.yml", CacheWorkflow), ("web/package.json", Package), ("web/package-lock.json", Lock)).Findings);
        Assert.EndsWith("set cache-dependency-path: web/package-lock.json", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("package-lock.json")]
    [InlineData("npm-shrinkwrap.json")]
    [InlineData("yarn.lock")]
    public void Does_not_fire_on_setup_node_with_a_root_lock_file(string lockName) =>
        Assert.Empty(RuleHarness.Check(Rule, (".github/workflows/ci.yml", CacheWorkflow), ("package.json", Package), (lockName, Lock)).Findings);

    [Fact]
    public void Cache_dependency_path_is_where_setup_node_looks()
    {
        string workflow = CacheWorkflow + "\n          cache-dependency-path: web/package-lock.json\n";
        Assert.Empty(RuleHarness.Check(Rule, (".github/workflows/ci.yml", workflow), ("web/package-lock.json", Lock)).Findings);
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (".github/workflows/ci.yml", workflow), ("package-lock.json", Lock)).Findings);
        Assert.Equal(11, finding.Start.Line);
        Assert.Contains("Some specified paths were not resolved", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_on_npm_ci_in_its_working_directory_and_after_cd()
    {
        CheckResult result = RuleHarness.Check(Rule, (".github/workflows/ci.yml", CiWorkflow), ("web/package.json", Package), ("package-lock.json", Lock));
        Assert.Equal([9, 12], result.Findings.Select(f => f.Start.Line));
        Assert.All(result.Findings, f => Assert.StartsWith("'npm ci' runs in web/ where there is no package-lock.json or npm-shrinkwrap.json, so it fails with \"npm error The `npm ci` command can only install", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Does_not_fire_on_npm_ci_next_to_its_lock_file_or_on_npm_install()
    {
        Assert.Empty(RuleHarness.Check(Rule, (".github/workflows/ci.yml", CiWorkflow), ("web/package.json", Package), ("web/package-lock.json", Lock)).Findings);
        Assert.Empty(RuleHarness.Check(Rule, (".github/workflows/ci.yml", CiWorkflow.Replace("npm ci", "npm install", StringComparison.Ordinal)), ("web/package.json", Package)).Findings);
    }

    [Theory]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n", 4)]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n", 4)]
    [InlineData("FROM node:20\nCOPY web/ /app/\nRUN cd /app && npm ci\n", 3)]
    public void Fires_on_run_npm_ci_when_the_copied_folder_has_no_lock_file(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("package.json", Package), ("web/package.json", Package)).Findings);
        Assert.Equal(("Dockerfile", line), (finding.Path, finding.Start.Line));
    }

    [Theory]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n")]
    [InlineData("FROM node:20\nCOPY web/ /app/\nRUN cd /app && npm ci\n")]
    [InlineData("FROM node:20\nCOPY --from=deps /app /app\nRUN npm ci\n")]
    [InlineData("FROM node:20\nRUN --mount=type=bind,source=package-lock.json,target=package-lock.json npm ci\n")]
    [InlineData("FROM node:20\nCOPY package.json ./\nRUN npm install\n")]
    public void Does_not_fire_when_the_lock_file_is_in_the_copied_folder_or_comes_from_elsewhere(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("package.json", Package), ("package-lock.json", Lock), ("web/package.json", Package), ("web/package-lock.json", Lock)).Findings);

    [Fact]
    public void A_dockerfile_in_a_sub_folder_uses_its_folder_as_the_context()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("web/Dockerfile", "FROM node:20\nCOPY package*.json ./\nRUN npm ci\n"), ("web/package.json", Package), ("package-lock.json", Lock)).Findings);
        Assert.Contains("(there is none in web/, where the build takes the package files from)", finding.Message, StringComparison.Ordinal);
    }
}
