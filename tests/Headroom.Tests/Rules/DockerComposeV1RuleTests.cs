using Headroom.Rules;
using Headroom.Rules.Workflows;

namespace Headroom.Tests.Rules;

public sealed class DockerComposeV1RuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private static readonly DockerComposeV1Rule Rule = new();

    private static string Workflow(string run, string runsOn = "ubuntu-latest", string before = "") =>
        "on: push\njobs:\n  it:\n    runs-on: " + runsOn + "\n    steps:\n      - uses: actions/checkout@v4\n" + before
        + "      - run: |\n          " + run.Replace("\n", "\n          ", StringComparison.Ordinal) + "\n";

    [Theory]
    [InlineData("docker-compose up -d --build", "ubuntu-latest", 8)]
    [InlineData("make\nsudo docker-compose -f ci/compose.yml down -v", "ubuntu-22.04", 9)]
    [InlineData("docker-compose pull", "windows-2022", 8)]
    [InlineData("docker-compose up", "[ubuntu-24.04]", 8)]
    public void Fires_on_compose_v1_on_hosted_runners(string run, string runsOn, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, Workflow(run, runsOn))).Findings);
        Assert.Equal(line, finding.Start.Line);
        Assert.Contains("docker-compose: command not found", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Fix);
    }

    [Fact]
    public void Fires_for_a_matrix_of_hosted_runners()
    {
        string text = "on: push\njobs:\n  it:\n    strategy:\n      matrix:\n        os: [ubuntu-22.04, windows-2022]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: docker-compose up\n";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, (Path, text)).Findings);
        Assert.Equal(9, finding.Start.Line);
        Assert.Contains("ubuntu-22.04, windows-2022", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker compose up -d")]
    [InlineData("docker compose -f docker-compose.yml up")]
    [InlineData("cat docker-compose.yml\necho docker-compose")]
    [InlineData("if command -v docker-compose; then docker-compose up; else docker compose up; fi")]
    [InlineData("pip install docker-compose==1.29.2\ndocker-compose up")]
    [InlineData("sudo curl -L https://example.com/compose -o /usr/local/bin/docker-compose\nsudo chmod +x /usr/local/bin/docker-compose\ndocker-compose up")]
    [InlineData("alias docker-compose='docker compose'\ndocker-compose up")]
    public void Does_not_fire_on_v2_file_names_or_own_installs(string run) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow(run))).Findings);

    [Theory]
    [InlineData("self-hosted")]
    [InlineData("[self-hosted, linux]")]
    [InlineData("${{ inputs.runner }}")]
    public void Does_not_fire_on_runners_that_are_not_known_to_be_hosted(string runsOn) =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow("docker-compose up", runsOn))).Findings);

    [Fact]
    public void Does_not_fire_after_a_step_that_sets_compose_up()
    {
        string before = "      - uses: KengoTODA/actions-setup-docker-compose@v1\n        with:\n          version: '1.29.2'\n";
        Assert.Empty(RuleHarness.Check(Rule, (Path, Workflow("docker-compose up", before: before))).Findings);
    }

    [Fact]
    public void Does_not_fire_in_a_job_container() =>
        Assert.Empty(RuleHarness.Check(Rule, (Path, "on: push\njobs:\n  it:\n    runs-on: ubuntu-latest\n    container: docker:20\n    steps:\n      - run: docker-compose up\n")).Findings);

    [Theory]
    [InlineData("docker-compose up -d --build\ndocker-compose down -v", "docker compose up -d --build\ndocker compose down -v")]
    [InlineData("sudo docker-compose -f ci/docker-compose.yml up", "sudo docker compose -f ci/docker-compose.yml up")]
    public void The_fix_calls_compose_v2(string before, string after)
    {
        string fixedText = RuleHarness.FixOne(Rule, Path, Workflow(before));
        Assert.Equal(Workflow(after), fixedText);
        Assert.Empty(RuleHarness.Fix(Rule, (Path, fixedText)));
    }

    [Fact]
    public void The_fix_keeps_a_single_line_run()
    {
        const string text = "on: push\njobs:\n  it:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker-compose down -v  # tear down\n";
        Assert.Equal(text.Replace("docker-compose down", "docker compose down", StringComparison.Ordinal), RuleHarness.FixOne(Rule, Path, text));
    }
}
