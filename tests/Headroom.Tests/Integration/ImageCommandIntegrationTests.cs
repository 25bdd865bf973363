using System.Text.Json;
using Headroom.Tests.Cli;

namespace Headroom.Tests.Integration;

/// <summary>
/// <c>headroom image --format json</c> gives the same figures for one fixture image read from its
/// docker-archive, from the registry (<c>docker://</c>) and from podman (<c>docker-daemon:</c>).
/// </summary>
public sealed class ImageCommandIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static readonly string[] SameFields = ["bytes", "finalBytes", "reclaimableBytes", "efficiency", "fileCount"];

    [Fact]
    public void Json_totals_agree_across_archive_registry_and_daemon()
    {
        string archive = fixture.Environment.RequireFixture("apt-delete", "docker.tar");
        string registry = fixture.Environment.RequireRegistry();
        (string socket, string image) = fixture.Environment.RequirePodman();

        using JsonDocument fromArchive = Run($"docker-archive:{archive}");
        using JsonDocument fromRegistry = Run($"docker://{registry}/headroom-it/apt-delete:latest");
        using JsonDocument fromZstd = Run($"docker://{registry}/headroom-it/apt-delete:zstd", "--verify");
        string? old = Environment.GetEnvironmentVariable("DOCKER_HOST");
        JsonDocument fromDaemon;
        try
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", "unix://" + socket);
            fromDaemon = Run($"docker-daemon:{image}");
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", old);
        }

        using (fromDaemon)
        {
            foreach ((string name, JsonDocument doc) in new[] { ("registry", fromRegistry), ("zstd", fromZstd), ("daemon", fromDaemon) })
            {
                JsonElement expected = fromArchive.RootElement;
                JsonElement actual = doc.RootElement;
                Assert.Equal(expected.GetProperty("imageId").GetString(), actual.GetProperty("imageId").GetString());
                Assert.Equal(expected.GetProperty("platform").GetString(), actual.GetProperty("platform").GetString());
                foreach (string field in SameFields)
                {
                    Assert.True(
                        expected.GetProperty("totals").GetProperty(field).GetRawText() == actual.GetProperty("totals").GetProperty(field).GetRawText(),
                        $"{name}: totals.{field} {actual.GetProperty("totals").GetProperty(field)} != {expected.GetProperty("totals").GetProperty(field)}");
                }

                Assert.Equal(
                    expected.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("bytes").GetInt64()),
                    actual.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("bytes").GetInt64()));
                Assert.Equal(expected.GetProperty("packages").GetRawText(), actual.GetProperty("packages").GetRawText());
            }

            // The archive stores plain tars; the registry serves gzip and zstd blobs.
            long plain = fromArchive.RootElement.GetProperty("totals").GetProperty("compressedBytes").GetInt64();
            Assert.True(fromRegistry.RootElement.GetProperty("totals").GetProperty("compressedBytes").GetInt64() < plain);
            Assert.True(fromZstd.RootElement.GetProperty("totals").GetProperty("compressedBytes").GetInt64() < plain);
            Assert.Equal($"docker://{registry}/headroom-it/apt-delete:latest", fromRegistry.RootElement.GetProperty("source").GetString());
        }
    }

    [Fact]
    public void Platform_option_picks_from_a_registry_index()
    {
        string registry = fixture.Environment.RequireRegistry();
        using JsonDocument arm = Run($"docker://{registry}/headroom-it/scratch-multiarch:latest", "--platform", "linux/arm64");
        Assert.StartsWith("linux/arm64", arm.RootElement.GetProperty("platform").GetString(), StringComparison.Ordinal);

        CliResult missing = CliRunner.Run("image", $"docker://{registry}/headroom-it/scratch-multiarch:latest", "--platform", "linux/s390x", "--format", "json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("s390x", missing.Error, StringComparison.Ordinal);
        Assert.Single(missing.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Remote_errors_exit_2_with_one_line()
    {
        string registry = fixture.Environment.RequireRegistry();
        CliResult result = CliRunner.Run("image", $"docker://{registry}/headroom-it/absent:1", "--format", "json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"headroom: error: registry {registry}: manifest unknown for headroom-it/absent:1 (404)", result.Error.TrimEnd());
    }

    private static JsonDocument Run(string source, params string[] extra)
    {
        CliResult result = CliRunner.Run(["image", source, "--format", "json", .. extra]);
        Assert.True(result.ExitCode == 0, $"headroom image {source}: exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Out);
    }
}
