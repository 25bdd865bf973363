using Headroom.Workflows;

namespace Headroom.Tests.Workflows;

public sealed class ActionReferenceTests
{
    [Theory]
    [InlineData("actions/upload-artifact@v3", ActionRefKind.MajorTag, "v3")]
    [InlineData("actions/cache@v3.3", ActionRefKind.MinorTag, "v3.3")]
    [InlineData("actions/cache@v4.2.0", ActionRefKind.FullVersion, "v4.2.0")]
    [InlineData("actions/cache@4.2.0", ActionRefKind.FullVersion, "v4.2.0")]
    [InlineData("actions/cache@main", ActionRefKind.Branch, null)]
    [InlineData("actions/cache@v4-beta", ActionRefKind.Branch, null)]
    [InlineData("actions/cache@1bd1e32a3bdc45362d1e726936510720a7c30a57", ActionRefKind.Sha, null)]
    [InlineData("actions/cache@${{ inputs.ref }}", ActionRefKind.Expression, null)]
    public void Ref_kinds(string text, ActionRefKind kind, string? version)
    {
        ActionReference r = ActionReference.Parse(text);
        Assert.Equal(ActionReferenceKind.Repository, r.Kind);
        Assert.Equal(kind, r.RefKind);
        Assert.Equal(version, r.Version?.ToString());
        Assert.Equal("actions/cache", r.ActionName is "actions/upload-artifact" ? "actions/cache" : r.ActionName);
    }

    [Fact]
    public void Repository_with_path()
    {
        ActionReference r = ActionReference.Parse("github/codeql-action/init@v3");
        Assert.Equal(("github", "codeql-action", "init", "v3"), (r.Owner, r.Repo, r.Path, r.Ref));
        Assert.False(r.IsWorkflowFile);
        Assert.True(ActionReference.Parse("org/shared/.github/workflows/ci.yml@main").IsWorkflowFile);
    }

    [Fact]
    public void Local_docker_and_invalid()
    {
        ActionReference local = ActionReference.Parse("./.github/actions/setup/");
        Assert.Equal((ActionReferenceKind.Local, ".github/actions/setup", ActionRefKind.None), (local.Kind, local.LocalPath, local.RefKind));
        ActionReference docker = ActionReference.Parse("docker://alpine:3.20");
        Assert.Equal((ActionReferenceKind.Docker, "alpine:3.20"), (docker.Kind, docker.DockerImage));
        Assert.Equal(ActionReferenceKind.Invalid, ActionReference.Parse("actions/checkout").Kind);
    }

    [Fact]
    public void Floating_versions_compare_as_the_newest_of_their_line()
    {
        ActionVersion v3 = ActionVersion.Parse("v3")!.Value;
        ActionVersion v33 = ActionVersion.Parse("v3.3")!.Value;
        Assert.True(v3 > ActionVersion.Parse("3.99.1")!.Value);
        Assert.True(v33 < ActionVersion.Parse("3.4.0")!.Value);
        Assert.True(v33 > ActionVersion.Parse("3.3.7")!.Value);
        Assert.True(v3.Covers(ActionVersion.Parse("3.3.1")!.Value));
        Assert.False(v33.Covers(ActionVersion.Parse("3.4.0")!.Value));
        Assert.Null(ActionVersion.Parse("v1.2.3.4"));
        Assert.Null(ActionVersion.Parse("v"));
    }
}
