using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Headroom.Images.Remote;

namespace Headroom.Tests.Integration;

/// <summary>The registry client against Debian's docker-registry with fixtures pushed by skopeo (tests/integration/start-registry.sh).</summary>
public sealed class RegistryIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static RegistryClient Client(IRegistryCredentialProvider? credentials = null) =>
        new(new RegistryClientOptions { Credentials = credentials ?? StaticCredentialProvider.None, RetryDelay = TimeSpan.FromMilliseconds(50) });

    private static StaticCredentialProvider Creds(string registry, string user, string password) =>
        new(new Dictionary<string, RegistryCredential> { [registry] = new RegistryCredential(user, password) });

    [Fact]
    public async Task Every_fixture_resolves_and_every_layer_blob_matches_its_digest()
    {
        string registry = fixture.Environment.RequireRegistry();
        using RegistryClient client = Client();
        foreach (string name in fixture.Environment.Fixtures())
        {
            ImageReference image = ImageReference.Parse($"{registry}/headroom-it/{name}:latest");
            ResolvedManifest resolved = await client.ResolveAsync(image, null, TestContext.Current.CancellationToken);
            Assert.Equal(ManifestMediaTypes.OciManifest, resolved.Manifest.MediaType);
            await CheckImageAsync(client, image, resolved);
        }
    }

    [Fact]
    public async Task Docker_schema2_and_zstd_variants()
    {
        string registry = fixture.Environment.RequireRegistry();
        using RegistryClient client = Client();

        ImageReference v2s2 = ImageReference.Parse($"{registry}/headroom-it/apt-delete:v2s2");
        ResolvedManifest docker = await client.ResolveAsync(v2s2, null, TestContext.Current.CancellationToken);
        Assert.Equal(ManifestMediaTypes.DockerManifest, docker.Manifest.MediaType);
        Assert.All(docker.Parsed.Layers, l => Assert.Equal("application/vnd.docker.image.rootfs.diff.tar.gzip", l.MediaType));
        await CheckImageAsync(client, v2s2, docker);

        ImageReference zstd = ImageReference.Parse($"{registry}/headroom-it/apt-delete:zstd");
        ResolvedManifest z = await client.ResolveAsync(zstd, null, TestContext.Current.CancellationToken);
        Assert.All(z.Parsed.Layers, l => Assert.Equal("application/vnd.oci.image.layer.v1.tar+zstd", l.MediaType));
        await using Stream first = await client.OpenBlobAsync(zstd, z.Parsed.Layers[0].Digest, verify: true, TestContext.Current.CancellationToken);
        byte[] magic = new byte[4];
        await first.ReadExactlyAsync(magic, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }, magic);
    }

    [Fact]
    public async Task Multi_platform_index_picks_the_platform_or_lists_the_choices()
    {
        string registry = fixture.Environment.RequireRegistry();
        using RegistryClient client = Client();
        ImageReference image = ImageReference.Parse($"{registry}/headroom-it/scratch-multiarch:latest");

        ManifestResponse top = await client.GetManifestAsync(image, TestContext.Current.CancellationToken);
        Assert.Equal(ManifestMediaTypes.OciIndex, top.MediaType);

        ResolvedManifest amd64 = await client.ResolveAsync(image, null, TestContext.Current.CancellationToken);
        Assert.Equal("linux/amd64", amd64.Platform?.ToString());
        Assert.Equal("amd64", await ConfigArchitectureAsync(client, image, amd64));

        ResolvedManifest arm64 = await client.ResolveAsync(image, ImagePlatform.Parse("linux/arm64"), TestContext.Current.CancellationToken);
        Assert.Equal("linux/arm64/v8", arm64.Platform?.ToString());
        Assert.Equal("arm64", await ConfigArchitectureAsync(client, image, arm64));
        await CheckImageAsync(client, image, arm64);

        // By digest: the index's own digest resolves the same way.
        ResolvedManifest byDigest = await client.ResolveAsync(image with { Tag = null, Digest = top.Digest }, ImagePlatform.Parse("linux/arm64/v8"), TestContext.Current.CancellationToken);
        Assert.Equal(arm64.Manifest.Digest, byDigest.Manifest.Digest);

        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.ResolveAsync(image, ImagePlatform.Parse("linux/s390x"), TestContext.Current.CancellationToken));
        Assert.Equal($"registry {registry}: headroom-it/scratch-multiarch:latest has no image for linux/s390x; available: linux/amd64, linux/arm64/v8", e.Message);
    }

    [Fact]
    public async Task Unknown_tag_and_repository_are_one_line_errors()
    {
        string registry = fixture.Environment.RequireRegistry();
        using RegistryClient client = Client();
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(ImageReference.Parse($"{registry}/headroom-it/apt-delete:nope"), TestContext.Current.CancellationToken));
        Assert.Equal($"registry {registry}: manifest unknown for headroom-it/apt-delete:nope (404)", e.Message);
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);

        e = await Assert.ThrowsAsync<RemoteImageException>(() => client.GetManifestAsync(ImageReference.Parse($"{registry}/headroom-it/absent:latest"), TestContext.Current.CancellationToken));
        Assert.Equal($"registry {registry}: manifest unknown for headroom-it/absent:latest (404)", e.Message);

        string digest = "sha256:" + new string('0', 64);
        e = await Assert.ThrowsAsync<RemoteImageException>(() => client.OpenBlobAsync(ImageReference.Parse($"{registry}/headroom-it/apt-delete"), digest, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal($"registry {registry}: blob unknown to registry for headroom-it/apt-delete@{digest} (404)", e.Message);
    }

    [Fact]
    public async Task Basic_auth_registry_with_and_without_credentials()
    {
        (string registry, string user, string password) = fixture.Environment.RequireBasicRegistry();
        ImageReference image = ImageReference.Parse($"{registry}/private/scratch:latest");

        using (RegistryClient anonymous = Client())
        {
            RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => anonymous.ResolveAsync(image, null, TestContext.Current.CancellationToken));
            Assert.Equal($"registry {registry}: authentication required for private/scratch (401), and no credentials for {registry} in Docker's config.json", e.Message);
        }

        using (RegistryClient wrong = Client(Creds(registry, user, "wrong")))
        {
            RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => wrong.ResolveAsync(image, null, TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
            Assert.StartsWith($"registry {registry}: ", e.Message, StringComparison.Ordinal);
        }

        using RegistryClient client = Client(Creds(registry, user, password));
        ResolvedManifest resolved = await client.ResolveAsync(image, null, TestContext.Current.CancellationToken);
        await CheckImageAsync(client, image, resolved);
    }

    [Fact]
    public async Task Token_auth_registry_anonymous_public_and_credentials_for_private()
    {
        (string registry, string user, string password) = fixture.Environment.RequireTokenRegistry();
        ImageReference pub = ImageReference.Parse($"{registry}/public/scratch:latest");
        ImageReference priv = ImageReference.Parse($"{registry}/private/scratch:latest");

        using (RegistryClient anonymous = Client())
        {
            ResolvedManifest resolved = await anonymous.ResolveAsync(pub, null, TestContext.Current.CancellationToken);
            await CheckImageAsync(anonymous, pub, resolved);

            RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => anonymous.ResolveAsync(priv, null, TestContext.Current.CancellationToken));
            Assert.Equal($"registry {registry}: authentication required for private/scratch:latest (401); no credentials for {registry} in Docker's config.json", e.Message);
        }

        using (RegistryClient wrong = Client(Creds(registry, user, "wrong")))
        {
            RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => wrong.ResolveAsync(priv, null, TestContext.Current.CancellationToken));
            Assert.Matches(@"^registry 127\.0\.0\.1:\d+: token service 127\.0\.0\.1:\d+: credentials for 127\.0\.0\.1:\d+ refused for private/scratch \(401\)$", e.Message);
        }

        string configDir = Directory.CreateTempSubdirectory("headroom-docker-config").FullName;
        try
        {
            // Credentials the way a user has them: ~/.docker/config.json with a base64 auth.
            string auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));
            string config = Path.Combine(configDir, "config.json");
            await File.WriteAllTextAsync(config, "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}", TestContext.Current.CancellationToken);
            using RegistryClient client = Client(new DockerConfigCredentialProvider(config, (_, _) => null));
            ResolvedManifest resolved = await client.ResolveAsync(priv, ImagePlatform.Parse("linux/arm64"), TestContext.Current.CancellationToken);
            await CheckImageAsync(client, priv, resolved);
        }
        finally
        {
            Directory.Delete(configDir, recursive: true);
        }
    }

    /// <summary>Reads the config (checked against its digest) and streams every layer, hashing it.</summary>
    private static async Task CheckImageAsync(RegistryClient client, ImageReference image, ResolvedManifest resolved)
    {
        byte[] config = await client.GetBlobBytesAsync(image, resolved.Parsed.Config.Digest, TestContext.Current.CancellationToken);
        using (JsonDocument doc = JsonDocument.Parse(config))
        {
            Assert.Equal(resolved.Parsed.Layers.Count, doc.RootElement.GetProperty("rootfs").GetProperty("diff_ids").GetArrayLength());
        }

        Assert.NotEmpty(resolved.Parsed.Layers);
        foreach (Descriptor layer in resolved.Parsed.Layers)
        {
            await using Stream stream = await client.OpenBlobAsync(image, layer.Digest, verify: false, TestContext.Current.CancellationToken);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                total += n;
            }

            Assert.Equal(layer.Digest, "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset()));
            Assert.Equal(layer.Size, total);
        }
    }

    private static async Task<string?> ConfigArchitectureAsync(RegistryClient client, ImageReference image, ResolvedManifest resolved)
    {
        byte[] config = await client.GetBlobBytesAsync(image, resolved.Parsed.Config.Digest, TestContext.Current.CancellationToken);
        using JsonDocument doc = JsonDocument.Parse(config);
        return doc.RootElement.GetProperty("architecture").GetString();
    }
}
