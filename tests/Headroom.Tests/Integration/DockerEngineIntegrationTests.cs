using System.Formats.Tar;
using System.Text.Json;
using Headroom.Images.Remote;

namespace Headroom.Tests.Integration;

/// <summary>The Docker Engine client against podman's compatible API service (tests/integration/start-podman.sh).</summary>
public sealed class DockerEngineIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Pings_and_inspects_the_loaded_image()
    {
        (string socket, string image) = fixture.Environment.RequirePodman();
        using var client = new DockerEngineClient(DockerEndpoint.Parse("unix://" + socket));
        await client.PingAsync(TestContext.Current.CancellationToken);
        DockerImageInfo info = await client.InspectImageAsync(image, TestContext.Current.CancellationToken);
        Assert.StartsWith("sha256:", info.Id, StringComparison.Ordinal);
        Assert.True(info.Size > 100_000_000, $"size {info.Size}");
        Assert.Contains(image, info.RepoTags);
        Assert.Equal("amd64", info.Architecture);
    }

    [Fact]
    public async Task Exports_a_docker_archive_stream_with_manifest_json()
    {
        (string socket, string image) = fixture.Environment.RequirePodman();
        using var client = new DockerEngineClient(DockerEndpoint.Parse("unix://" + socket));
        DockerImageInfo info = await client.InspectImageAsync(image, TestContext.Current.CancellationToken);
        await using Stream stream = await client.ExportImageAsync(image, TestContext.Current.CancellationToken);
        Assert.False(stream.CanSeek);

        using var reader = new TarReader(stream);
        var names = new List<string>();
        JsonDocument? manifest = null;
        long bytes = 0;
        while (await reader.GetNextEntryAsync(copyData: false, TestContext.Current.CancellationToken) is TarEntry entry)
        {
            names.Add(entry.Name);
            bytes += entry.Length;
            if (entry.Name == "manifest.json" && entry.DataStream is Stream data)
            {
                manifest = await JsonDocument.ParseAsync(data, cancellationToken: TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(manifest);
        using (manifest)
        {
            JsonElement first = manifest.RootElement[0];
            string config = first.GetProperty("Config").GetString()!;
            Assert.Contains(config, names);
            Assert.Contains(info.Id["sha256:".Length..], config, StringComparison.Ordinal);
            Assert.Equal(4, first.GetProperty("Layers").GetArrayLength());
            Assert.All(first.GetProperty("Layers").EnumerateArray(), l => Assert.Contains(l.GetString()!, names));
        }

        Assert.True(bytes > 100_000_000, $"{bytes} bytes of entries");
    }

    [Fact]
    public async Task Unknown_image_is_one_clear_line()
    {
        (string socket, _) = fixture.Environment.RequirePodman();
        using var client = new DockerEngineClient(DockerEndpoint.Parse("unix://" + socket));
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.InspectImageAsync("localhost/headroom-it/absent:1", TestContext.Current.CancellationToken));
        Assert.Equal($"docker-daemon unix://{socket}: no such image: localhost/headroom-it/absent:1 (404)", e.Message);
        e = await Assert.ThrowsAsync<RemoteImageException>(() => client.ExportImageAsync("localhost/headroom-it/absent:1", TestContext.Current.CancellationToken));
        Assert.Equal($"docker-daemon unix://{socket}: no such image: localhost/headroom-it/absent:1 (404)", e.Message);
    }

    [Fact]
    public async Task Docker_host_from_the_environment_reaches_podman()
    {
        (string socket, _) = fixture.Environment.RequirePodman();
        DockerEndpoint endpoint = DockerEndpoint.FromEnvironment(k => k == "DOCKER_HOST" ? "unix://" + socket : null);
        using var client = new DockerEngineClient(endpoint);
        await client.PingAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>The exported archives exist and have the shape the image readers expect.</summary>
public sealed class FixtureArchiveTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Every_fixture_has_a_docker_archive_with_a_manifest_and_oci_layouts()
    {
        foreach (string name in fixture.Environment.Fixtures())
        {
            string archive = fixture.Environment.RequireFixture(name, "docker.tar");
            await using FileStream file = File.OpenRead(archive);
            using var reader = new TarReader(file);
            bool manifest = false;
            while (await reader.GetNextEntryAsync(copyData: false, TestContext.Current.CancellationToken) is TarEntry entry)
            {
                manifest |= entry.Name == "manifest.json";
            }

            Assert.True(manifest, $"{archive} has no manifest.json");
            Assert.True(File.Exists(Path.Combine(fixture.Environment.RequireFixture(name, "oci"), "index.json")));
            Assert.True(File.Exists(fixture.Environment.RequireFixture(name, "oci.tar")));
        }
    }
}
