using Headroom.Dockerfiles.Build;

namespace Headroom.Tests.Dockerfiles.Build;

public sealed class RunMountTests
{
    [Fact]
    public void Fields_keys_are_lowercased_and_aliases_resolve()
    {
        Assert.True(RunMount.TryParse("Type=Cache,DST=/root/.cache,id=pip,sharing=locked,ro", out RunMount? mount, out _));

        Assert.Equal("cache", mount.Type);
        Assert.Equal("/root/.cache", mount.Target);
        Assert.Equal("pip", mount.Id);
        Assert.Null(mount.From);
        Assert.Null(mount.Get("ro"));
        Assert.Contains(mount.Fields, field => field.Key == "ro" && field.Value is null);
    }

    [Fact]
    public void Default_type_is_bind()
    {
        Assert.True(RunMount.TryParse("from=build,source=/out,target=/in", out RunMount? mount, out _));

        Assert.Equal(("bind", "build", "/out", "/in"), (mount.Type, mount.From, mount.Source, mount.Target));
    }

    [Fact]
    public void Quoted_csv_field_may_hold_commas()
    {
        Assert.True(RunMount.TryParse("type=bind,\"source=a,b\",target=/x", out RunMount? mount, out _));

        Assert.Equal("a,b", mount.Source);
    }

    [Theory]
    [InlineData("type=bind,\"source=a")]
    [InlineData("from=$STAGE")]
    [InlineData("from=${STAGE}")]
    public void Bad_values_fail_without_throwing(string value)
    {
        Assert.False(RunMount.TryParse(value, out RunMount? mount, out string? error));
        Assert.Null(mount);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Trailing_dollar_in_from_is_allowed_as_in_BuildKit()
    {
        Assert.True(RunMount.TryParse("from=stage$", out RunMount? mount, out _));
        Assert.Equal("stage$", mount.From);
    }
}
