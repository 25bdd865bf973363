using Headroom.Prediction;
using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Workflows;

namespace Headroom.Tests.Rules;

public sealed class RunnerDiskBudgetRuleTests
{
    private const string Path = ".github/workflows/ci.yml";
    private const long GB = 1_000_000_000;

    private static readonly RunnerDiskBudgetRule Rule = new(new FixedCosts(new Dictionary<string, (long, long)>
    {
        ["backend/Dockerfile"] = (6 * GB, 7 * GB),
        ["frontend/Dockerfile"] = (1 * GB, 1 * GB),
    }));

    private static string Workflow(string steps, string runsOn = "ubuntu-latest") =>
        "on: push\njobs:\n  docker:\n    runs-on: " + runsOn + "\n    steps:\n      - uses: actions/checkout@v4\n" + steps;

    private const string Buildx = "      - uses: docker/setup-buildx-action@v3\n";

    private const string BuildLoad = "      - uses: docker/build-push-action@v6\n        with:\n          context: backend\n          tags: api:ci\n          load: true\n";

    private static (string, string)[] Files(string workflow) =>
        [(Path, workflow), ("backend/Dockerfile", "FROM python:3.12-slim\n"), ("frontend/Dockerfile", "FROM nginx\n")];

    [Fact]
    public void The_story_a_6GB_image_loaded_from_the_container_driver_exceeds_14GB()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, Files(Workflow(Buildx + BuildLoad))).Findings);
        Assert.Equal(3, finding.Start.Line);
        Assert.Contains("job 'docker' needs ~15.64 GB of disk at its peak (line 8:", finding.Message, StringComparison.Ordinal);
        Assert.Contains("more than the 14 GB free on github-ubuntu-latest", finding.Message, StringComparison.Ordinal);
        Assert.Contains("driver: docker", finding.Message, StringComparison.Ordinal);
        Assert.Equal(15_636_363_636, finding.BytesAtStake);
    }

    [Theory]
    [InlineData(Buildx + "      - uses: docker/build-push-action@v6\n        with:\n          context: backend\n          tags: api:ci\n")]
    [InlineData("      - uses: docker/setup-buildx-action@v3\n        with:\n          driver: docker\n" + BuildLoad)]
    [InlineData("      - run: docker build -t api:ci backend\n")]
    [InlineData("      - uses: jlumbroso/free-disk-space@v1.3.1\n" + Buildx + BuildLoad)]
    [InlineData("      - run: sudo rm -rf /usr/share/dotnet /usr/local/lib/android\n" + Buildx + BuildLoad)]
    public void Does_not_fire_when_the_peak_fits(string steps) =>
        Assert.Empty(RuleHarness.Check(Rule, Files(Workflow(steps))).Findings);

    [Theory]
    [InlineData("self-hosted")]
    [InlineData("macos-14")]
    public void Does_not_fire_without_a_known_budget(string runsOn) =>
        Assert.Empty(RuleHarness.Check(Rule, Files(Workflow(Buildx + BuildLoad, runsOn))).Findings);

    [Fact]
    public void Does_not_fire_when_nothing_can_be_predicted()
    {
        var rule = new RunnerDiskBudgetRule(ImageCostSources.Default);
        Assert.Empty(RuleHarness.Check(rule, Files(Workflow(Buildx + BuildLoad))).Findings);
    }

    [Fact]
    public void A_clean_up_after_the_peak_does_not_count()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, Files(Workflow(Buildx + BuildLoad + "      - uses: jlumbroso/free-disk-space@v1.3.1\n"))).Findings);
        Assert.DoesNotContain("clean-up gives back", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_option_overrides_the_runner()
    {
        CheckResult result = CheckRunner.Run(RuleHarness.Project(Files(Workflow("      - run: docker build -t api:ci backend\n", "self-hosted"))), CheckOptions.Default with { Budget = "5GB" }, HeadroomConfig.Empty, [Rule]);
        Finding finding = Assert.Single(result.Findings);
        Assert.Contains("needs ~7 GB", finding.Message, StringComparison.Ordinal);
        Assert.Contains("budget 5GB", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_builds_and_pulls_count_with_the_builder_setup_buildx_made_the_default()
    {
        const string compose = "services:\n  api:\n    build: ./backend\n  web:\n    build:\n      context: ./frontend\n  db:\n    image: postgres:16\n";
        (string, string)[] files = [.. Files(Workflow(Buildx + "      - run: docker compose up -d --build\n")), ("docker-compose.yml", compose)];
        Finding finding = Assert.Single(RuleHarness.Check(Rule, files).Findings);
        Assert.Contains("backend/Dockerfile in the builder's store", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(line 8:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrix_uses_the_smallest_runner_and_arm_labels_are_arm()
    {
        string text = "on: push\njobs:\n  docker:\n    strategy:\n      matrix:\n        os: [ubuntu-24.04, ubuntu-24.04-arm]\n    runs-on: ${{ matrix.os }}\n    steps:\n" + Buildx + BuildLoad;
        Assert.Single(RuleHarness.Check(Rule, Files(text)).Findings);
    }

    [Fact]
    public void The_docker_job_of_the_ml_backend_example_is_over_budget_once_the_image_size_is_known()
    {
        string example = System.IO.Path.Combine(Headroom.Tests.Dockerfiles.ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");
        CheckResult result = CheckRunner.Run(ProjectModel.Load(example), CheckOptions.Default, HeadroomConfig.Empty, [Rule]);
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal((Path, 71), (finding.Path, finding.Start.Line));
        // The buildx build keeps 6 GB plus mode=max cache blobs; compose then builds the backend again on the
        // buildx builder that setup-buildx-action made the default, and loads it: builder, tarball and engine copies.
        Assert.Contains("job 'docker' needs ~25.88 GB of disk at its peak (line 96:", finding.Message, StringComparison.Ordinal);
        Assert.Contains("export the cache with mode=min", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>Fixed image and peak sizes per Dockerfile, as the predictor would give them.</summary>
    private sealed class FixedCosts(Dictionary<string, (long Image, long Peak)> costs) : IImageCostSource
    {
        public ImageBuildCost? Predict(CheckContext context, string dockerfilePath, IReadOnlyDictionary<string, string> buildArgs, string? target) =>
            costs.TryGetValue(dockerfilePath, out var c) ? new ImageBuildCost(dockerfilePath, target, c.Image, c.Image, c.Image, c.Peak, 0, Exact: false) : null;
    }
}
