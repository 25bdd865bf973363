using Headroom.Images.Remote;

namespace Headroom.Tests.Images.Remote;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("ubuntu", "docker.io", "library/ubuntu", null, null, "latest")]
    [InlineData("ubuntu:22.04", "docker.io", "library/ubuntu", "22.04", null, "22.04")]
    [InlineData("user/app", "docker.io", "user/app", null, null, "latest")]
    [InlineData("docker.io/ubuntu", "docker.io", "library/ubuntu", null, null, "latest")]
    [InlineData("index.docker.io/library/ubuntu:24.04", "docker.io", "library/ubuntu", "24.04", null, "24.04")]
    [InlineData("localhost/app:1", "localhost", "app", "1", null, "1")]
    [InlineData("localhost:5000/a/b/c:dev", "localhost:5000", "a/b/c", "dev", null, "dev")]
    [InlineData("127.0.0.1:5000/headroom-it/apt-delete", "127.0.0.1:5000", "headroom-it/apt-delete", null, null, "latest")]
    [InlineData("ghcr.io/owner/my_img.x-y", "ghcr.io", "owner/my_img.x-y", null, null, "latest")]
    [InlineData("MyRegistry/app", "MyRegistry", "app", null, null, "latest")]
    [InlineData("[::1]:5000/app:v1", "[::1]:5000", "app", "v1", null, "v1")]
    public void Parses_with_docker_normalisation(string text, string registry, string repository, string? tag, string? digest, string reference)
    {
        ImageReference parsed = ImageReference.Parse(text);
        Assert.Equal(registry, parsed.Registry);
        Assert.Equal(repository, parsed.Repository);
        Assert.Equal(tag, parsed.Tag);
        Assert.Equal(digest, parsed.Digest);
        Assert.Equal(reference, parsed.Reference);
    }

    [Fact]
    public void Digest_wins_over_tag_and_both_are_kept()
    {
        ImageReference parsed = ImageReference.Parse($"ghcr.io/o/img:v1@sha256:{Hex}");
        Assert.Equal("v1", parsed.Tag);
        Assert.Equal($"sha256:{Hex}", parsed.Digest);
        Assert.Equal($"sha256:{Hex}", parsed.Reference);
        Assert.Equal($"ghcr.io/o/img:v1@sha256:{Hex}", parsed.ToString());
        Assert.Equal($"o/img@sha256:{Hex}", parsed.RepositoryAndReference);
    }

    [Fact]
    public void Canonical_text_and_api_host()
    {
        ImageReference hub = ImageReference.Parse("python:3.12-slim");
        Assert.Equal("docker.io/library/python:3.12-slim", hub.ToString());
        Assert.Equal("registry-1.docker.io", hub.ApiHost);
        Assert.Equal("library/python:3.12-slim", hub.RepositoryAndReference);
        Assert.Equal("ghcr.io", ImageReference.Parse("ghcr.io/a/b").ApiHost);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("UPPER", "must be lowercase")]
    [InlineData("a b", "white space")]
    [InlineData("repo:", "bad tag")]
    [InlineData("repo@sha256:zz", "bad digest")]
    [InlineData("localhost:5000/", "no repository")]
    [InlineData("a//b", "bad repository")]
    [InlineData("repo:-bad", "bad tag")]
    public void Rejects_bad_references_with_a_reason(string text, string reason)
    {
        Assert.False(ImageReference.TryParse(text, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        FormatException e = Assert.Throws<FormatException>(() => ImageReference.Parse(text));
        Assert.StartsWith($"invalid image reference '{text}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5000/a", true)]
    [InlineData("127.1.2.3/a", true)]
    [InlineData("localhost/a", true)]
    [InlineData("localhost:443/a", true)]
    [InlineData("[::1]:5000/a", true)]
    [InlineData("registry.example.com/a", false)]
    [InlineData("10.0.0.1:5000/a", false)]
    [InlineData("ubuntu", false)]
    public void Knows_loopback_registries(string text, bool loopback)
    {
        Assert.Equal(loopback, ImageReference.Parse(text).IsLoopbackRegistry);
    }
}

public sealed class ImagePlatformTests
{
    [Fact]
    public void Parses_and_prints()
    {
        Assert.Equal(new ImagePlatform("linux", "arm64", "v8"), ImagePlatform.Parse("linux/arm64/v8"));
        Assert.Equal("linux/amd64", ImagePlatform.Parse("Linux/AMD64").ToString());
        Assert.Equal("linux/amd64", ImagePlatform.Default.ToString());
        Assert.Throws<FormatException>(() => ImagePlatform.Parse("linux"));
        Assert.Throws<FormatException>(() => ImagePlatform.Parse("linux//v7"));
    }

    [Theory]
    [InlineData("linux/arm64", "linux/arm64/v8", true)]
    [InlineData("linux/arm64/v8", "linux/arm64", true)]
    [InlineData("linux/arm/v7", "linux/arm", true)]
    [InlineData("linux/arm/v6", "linux/arm/v7", false)]
    [InlineData("linux/arm", "linux/arm/v6", true)]
    [InlineData("linux/amd64", "linux/arm64", false)]
    [InlineData("windows/amd64", "linux/amd64", false)]
    public void Matches_variants_as_docker_does(string wanted, string candidate, bool matches)
    {
        Assert.Equal(matches, ImagePlatform.Parse(wanted).Matches(ImagePlatform.Parse(candidate)));
    }
}

public sealed class AuthChallengeTests
{
    [Fact]
    public void Parses_a_bearer_challenge_with_commas_in_quotes()
    {
        AuthChallenge c = Assert.Single(AuthChallenge.Parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:a/b:pull,push\""));
        Assert.True(c.IsBearer);
        Assert.Equal("https://auth.docker.io/token", c.Realm);
        Assert.Equal("registry.docker.io", c.Service);
        Assert.Equal("repository:a/b:pull,push", c.Scope);
    }

    [Fact]
    public void Parses_several_challenges_unquoted_values_and_escapes()
    {
        IReadOnlyList<AuthChallenge> all = AuthChallenge.Parse("Basic realm=\"a \\\"quoted\\\" realm\", Bearer realm=http://127.0.0.1:1/token, service=x");
        Assert.Equal(2, all.Count);
        Assert.True(all[0].IsBasic);
        Assert.Equal("a \"quoted\" realm", all[0].Realm);
        Assert.True(all[1].IsBearer);
        Assert.Equal("http://127.0.0.1:1/token", all[1].Realm);
        Assert.Equal("x", all[1].Service);
    }
}
