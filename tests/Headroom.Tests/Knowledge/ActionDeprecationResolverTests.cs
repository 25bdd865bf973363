using Headroom.Knowledge;
using Headroom.Workflows;

namespace Headroom.Tests.Knowledge;

public sealed class ActionDeprecationResolverTests
{
    private static DeprecationResolution Resolve(string uses) => ActionDeprecationResolver.Resolve(ActionReference.Parse(uses));

    [Fact]
    public void Upload_artifact_v3_is_shut_down_with_the_exact_error()
    {
        DeprecationResolution r = Resolve("actions/upload-artifact@v3");
        ActionDeprecation service = r.Matches.Single(m => m.Kind == ActionDeprecationKind.Service);
        Assert.Equal("upload-artifact-v3", service.Id);
        Assert.Equal(new DateOnly(2025, 1, 30), service.Date);
        Assert.True(service.Breaks);
        Assert.Equal(
            "Error: This request has been automatically failed because it uses a deprecated version of `actions/upload-artifact: v3`. Learn more: https://github.blog/changelog/2024-04-16-deprecation-notice-v3-of-the-artifact-actions/",
            service.ErrorFor(r.Reference));
        Assert.Equal(ActionRuntime.Node16, r.Runtime);
        Assert.Contains(r.Matches, m => m.Id == "node16-runtime");
        Assert.Equal(3, r.Version!.Value.Major);
    }

    [Theory]
    [InlineData("actions/cache@v3.3.1")]
    [InlineData("actions/cache@v4.0.2")]
    [InlineData("actions/cache@v3.3")]
    [InlineData("actions/cache@v4.1")]
    [InlineData("actions/cache@v2")]
    [InlineData("actions/cache@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9")]
    [InlineData("actions/cache@88522ab9f39a2ea568f7027eddc7d8d8bc9d59c8")]
    public void Cache_pins_below_the_fixed_releases_hit_the_legacy_service(string uses)
    {
        DeprecationResolution r = Resolve(uses);
        Assert.Contains(r.Matches, m => m.Id == "cache-legacy-service");
        Assert.False(r.IsUnknown);
    }

    [Theory]
    [InlineData("actions/cache@v4.2.0")]
    [InlineData("actions/cache@v4")]
    [InlineData("actions/cache@v3")]
    [InlineData("actions/cache@v3.4.0")]
    [InlineData("actions/cache@1bd1e32a3bdc45362d1e726936510720a7c30a57")]
    public void Cache_pins_at_or_above_the_fixed_releases_are_fine_for_the_service(string uses) =>
        Assert.DoesNotContain(Resolve(uses).Matches, m => m.Kind == ActionDeprecationKind.Service);

    [Fact]
    public void Sha_resolves_through_the_release_table()
    {
        DeprecationResolution r = Resolve("actions/cache@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9");
        Assert.Equal("v4.0.2", r.Version.ToString());
        Assert.Equal("4.0.2", r.Release!.VersionText);
        Assert.Equal(ActionRuntime.Node20, r.Runtime);
        Assert.Contains("is v4.0.2", r.How, StringComparison.Ordinal);
        Assert.Contains(r.Matches, m => m.Id == "node20-runtime");
    }

    [Fact]
    public void V4_2_0_is_only_affected_by_the_node20_runtime_change()
    {
        DeprecationResolution r = Resolve("actions/cache@v4.2.0");
        ActionDeprecation only = Assert.Single(r.Matches);
        Assert.Equal("node20-runtime", only.Id);
        Assert.False(only.Breaks);
        Assert.Equal(new DateOnly(2026, 6, 2), only.Date);
    }

    [Fact]
    public void Unknown_sha_and_branch_are_unknown()
    {
        DeprecationResolution sha = Resolve("actions/cache@0123456789abcdef0123456789abcdef01234567");
        Assert.True(sha.IsUnknown);
        Assert.Empty(sha.Matches);
        Assert.True(Resolve("actions/cache@main").IsUnknown);
        Assert.True(Resolve("./local").IsUnknown);
    }

    [Fact]
    public void Runtimes_of_popular_majors_come_from_their_action_yml()
    {
        Assert.Equal(ActionRuntime.Node12, Resolve("actions/checkout@v2").Runtime);
        Assert.Equal(ActionRuntime.Node16, Resolve("actions/setup-python@v4").Runtime);
        Assert.Equal(ActionRuntime.Node20, Resolve("actions/setup-python@v5").Runtime);
        Assert.Equal(ActionRuntime.Node20, Resolve("docker/build-push-action@v5").Runtime);
        Assert.Equal(ActionRuntime.Node16, Resolve("docker/setup-buildx-action@v2").Runtime);
        Assert.Equal(ActionRuntime.Node24, Resolve("actions/checkout@v5").Runtime);
        Assert.DoesNotContain(Resolve("actions/checkout@v5").Matches, m => m.Kind == ActionDeprecationKind.Runtime);
    }

    [Fact]
    public void Artifact_v1_v2_rows_and_runner_label()
    {
        Assert.Contains(Resolve("actions/download-artifact@v2").Matches, m => m.Id == "download-artifact-v1-v2" && m.Date == new DateOnly(2024, 6, 30));
        Assert.DoesNotContain(Resolve("actions/upload-artifact@v4").Matches, m => m.Kind == ActionDeprecationKind.Service);
        ActionDeprecation label = Assert.Single(ActionDeprecations.ForRunnerLabel("ubuntu-20.04"));
        Assert.Equal(new DateOnly(2025, 4, 15), label.Date);
        Assert.Empty(ActionDeprecations.ForRunnerLabel("ubuntu-latest"));
    }

    [Fact]
    public void Every_row_has_a_source_and_date()
    {
        Assert.All(ActionDeprecations.All, d =>
        {
            Assert.StartsWith("https://", d.SourceUrl, StringComparison.Ordinal);
            Assert.True(d.Announced is null || d.Date >= d.Announced.Value);
        });
        Assert.All(ActionReleaseTable.Actions.SelectMany(ActionReleaseTable.ReleasesOf), r =>
        {
            Assert.Equal(40, r.Sha.Length);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r.ReadOn);
        });
        Assert.Contains("actions/upload-artifact", ActionReleaseTable.Actions);
    }
}
