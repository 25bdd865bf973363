using Headroom.Dockerfiles.Build;

namespace Headroom.Tests.Dockerfiles.Build;

public sealed class PlatformTests
{
    [Theory]
    [InlineData("linux/amd64", "linux/amd64")]
    [InlineData("linux/x86_64", "linux/amd64")]
    [InlineData("linux/aarch64", "linux/arm64")]
    [InlineData("linux/arm64/v8", "linux/arm64")]
    [InlineData("linux/arm", "linux/arm/v7")]
    [InlineData("linux/arm/v6", "linux/arm/v6")]
    [InlineData("Linux/AMD64", "linux/amd64")]
    [InlineData("arm64", "linux/arm64")]
    [InlineData("windows", "windows/amd64")]
    [InlineData("linux/riscv64", "linux/riscv64")]
    public void Parses_and_normalizes(string text, string expected)
    {
        Assert.True(Platform.TryParse(text, out Platform? platform));
        Assert.Equal(expected, platform.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("linux/")]
    [InlineData("nope/amd64")]
    [InlineData("linux/amd64/v2/x")]
    [InlineData("linux/am d64")]
    public void Rejects_what_is_not_a_platform(string? text)
    {
        Assert.False(Platform.TryParse(text, out Platform? platform));
        Assert.Null(platform);
    }
}
