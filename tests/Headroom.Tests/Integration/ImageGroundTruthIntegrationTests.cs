using System.Collections.Concurrent;
using System.Text.Json;
using Headroom.Tests.Cli;
using Headroom.Tests.Images;

namespace Headroom.Tests.Integration;

/// <summary>
/// Every fixture image that tests/integration/build-images.sh builds with buildah (debootstrap
/// base, apt installs, pip installs of local wheels, deletes in later layers, COPYs), in every
/// form it is exported to and served in, against the ground truth that GNU tar gives
/// (<see cref="GroundTruth"/>): totals, each layer's bytes, stored bytes and file changes, and the
/// pip and dpkg package sizes.
/// </summary>
public sealed class ImageGroundTruthIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    // The fixtures of tests/integration/lib.sh (IT_FIXTURES); the test checks that the list agrees.
    private static readonly string[] Fixtures = ["apt-delete", "rm-dir", "multi-stage", "pip-wheels"];

    // Ground truth per fixture, from its docker-archive (the same layer tars as every other form).
    private static readonly ConcurrentDictionary<string, Lazy<Truth>> Truths = new(StringComparer.Ordinal);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in Fixtures)
        {
            foreach (string form in new[] { "docker.tar", "oci.tar", "oci", "zstd.oci", "registry" })
            {
                data.Add(name, form);
            }
        }

        data.Add("apt-delete", "registry-zstd");
        data.Add("apt-delete", "daemon");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Figures_match_gnu_tar_ground_truth(string name, string form)
    {
        IntegrationEnvironment env = fixture.Environment;
        Assert.Equal(Fixtures, env.Fixtures());
        string archive = env.RequireFixture(name, "docker.tar");
        Truth truth = Truths.GetOrAdd(name, _ => new Lazy<Truth>(() => GroundTruth.Analyze(archive, packages: true))).Value;

        // The source, and the stored layer sizes that form must report (null: not checked, podman
        // writes its own export of the layers).
        string source = string.Empty;
        IReadOnlyList<long>? stored = null;
        switch (form)
        {
            case "docker.tar":
                source = "docker-archive:" + archive;
                stored = [.. truth.Layers.Select(l => l.CompressedBytes)];
                break;
            case "oci.tar":
                source = "oci-archive:" + env.RequireFixture(name, form);
                stored = GroundTruth.BlobSizes(env.RequireFixture(name, form));
                break;
            case "oci" or "zstd.oci":
                source = "oci:" + env.RequireFixture(name, form);
                stored = GroundTruth.BlobSizes(env.RequireFixture(name, form));
                break;
            case "registry":
                source = $"docker://{env.RequireRegistry()}/headroom-it/{name}:latest";
                stored = GroundTruth.BlobSizes(env.RequireFixture(name, "oci"));
                break;
            case "registry-zstd":
                source = $"docker://{env.RequireRegistry()}/headroom-it/{name}:zstd";
                stored = GroundTruth.BlobSizes(env.RequireFixture(name, "zstd.oci"));
                break;
            default:
                break;
        }

        using JsonDocument report = form == "daemon" ? RunAgainstPodman(env) : Run(source);

        JsonElement root = report.RootElement;
        string where = $"{name} ({form})";
        JsonElement totals = root.GetProperty("totals");
        AssertEqual(truth.Bytes, totals.GetProperty("bytes").GetInt64(), where, "totals.bytes");
        AssertEqual(truth.FinalBytes, totals.GetProperty("finalBytes").GetInt64(), where, "totals.finalBytes");
        AssertEqual(truth.ReclaimableBytes, totals.GetProperty("reclaimableBytes").GetInt64(), where, "totals.reclaimableBytes");
        AssertEqual(truth.FileCount, totals.GetProperty("fileCount").GetInt64(), where, "totals.fileCount");
        Assert.True(truth.ReclaimableBytes > 0 || name == "multi-stage", $"{where}: the fixture should ship deleted bytes");

        JsonElement[] layers = [.. root.GetProperty("layers").EnumerateArray()];
        Assert.Equal(truth.Layers.Count, layers.Length);
        for (int i = 0; i < layers.Length; i++)
        {
            TruthLayer t = truth.Layers[i];
            JsonElement l = layers[i];
            JsonElement files = l.GetProperty("files");
            AssertEqual(t.Bytes, l.GetProperty("bytes").GetInt64(), where, $"layer {i} bytes");
            AssertEqual(t.Added, files.GetProperty("added").GetInt32(), where, $"layer {i} files.added");
            AssertEqual(t.Modified, files.GetProperty("modified").GetInt32(), where, $"layer {i} files.modified");
            AssertEqual(t.Removed, files.GetProperty("removed").GetInt32(), where, $"layer {i} files.removed");
            if (stored is not null)
            {
                AssertEqual(stored[i], l.GetProperty("compressedBytes").GetInt64(), where, $"layer {i} compressedBytes");
            }
        }

        if (stored is not null)
        {
            AssertEqual(stored.Sum(), totals.GetProperty("compressedBytes").GetInt64(), where, "totals.compressedBytes");
        }

        var packages = root.GetProperty("packages").EnumerateArray()
            .Where(p => p.GetProperty("ecosystem").GetString() is "pip" or "dpkg")
            .GroupBy(p => p.GetProperty("ecosystem").GetString() + ":" + p.GetProperty("name").GetString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.GetProperty("bytes").GetInt64()).Order().ToList(), StringComparer.Ordinal);
        Assert.Equal(truth.Packages.Keys.Order(StringComparer.Ordinal), packages.Keys.Order(StringComparer.Ordinal));
        foreach ((string key, IReadOnlyList<long> bytes) in truth.Packages)
        {
            Assert.True(bytes.SequenceEqual(packages[key]), $"{where}: package {key}: headroom {string.Join(", ", packages[key])}, GNU tar ground truth {string.Join(", ", bytes)}");
        }

        Assert.Contains(truth.Packages.Keys, k => k.StartsWith("dpkg:", StringComparison.Ordinal));
        if (name == "pip-wheels")
        {
            Assert.True(truth.Packages["pip:headroom-demo-core"].Single() > 200_000, "pip-wheels: headroom-demo-core's payload");
            Assert.Contains("pip:headroom-demo-extra", truth.Packages.Keys);
        }
    }

    private static void AssertEqual(long expected, long actual, string where, string what) =>
        Assert.True(expected == actual, $"{where}: {what}: headroom {actual}, GNU tar ground truth {expected}");

    private static JsonDocument RunAgainstPodman(IntegrationEnvironment env)
    {
        (string socket, string image) = env.RequirePodman();
        string? old = Environment.GetEnvironmentVariable("DOCKER_HOST");
        try
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", "unix://" + socket);
            return Run($"docker-daemon:{image}");
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", old);
        }
    }

    private static JsonDocument Run(string source)
    {
        CliResult result = CliRunner.Run("image", source, "--format", "json", "--top", "3");
        Assert.True(result.ExitCode == 0, $"headroom image {source}: exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Out);
    }
}
