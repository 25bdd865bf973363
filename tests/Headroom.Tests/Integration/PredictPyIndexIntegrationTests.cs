using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Headroom.Cli;
using Headroom.Net;
using Headroom.Python;
using Headroom.Tests.Images;

namespace Headroom.Tests.Integration;

/// <summary>
/// <c>headroom predict</c> against the loopback index of tests/integration/pyindex (real wheels mirroring torch's CUDA and
/// CPU structure, real HTTP): every pip component's size equals the sum of its wheel file's zip entries, read here
/// with System.IO.Compression, and the CUDA build brings exactly the nvidia-* pins of torch's METADATA.
/// </summary>
public sealed class PredictPyIndexIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static long ZipSum(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        return zip.Entries.Sum(e => e.Length);
    }

    private static string WheelOf(string folder, string name, string version) =>
        Directory.EnumerateFiles(folder, "*.whl").Single(f =>
            Path.GetFileName(f).Split('-') is [var n, var v, ..] && PackageName.Normalize(n) == name && Uri.UnescapeDataString(v) == version);

    private JsonElement[] Predict(string requirements)
    {
        (Uri url, _) = fixture.Environment.RequirePyIndex();
        using var dir = new TempDir();
        dir.File("Dockerfile", Encoding.UTF8.GetBytes("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"));
        dir.File("requirements.txt", Encoding.UTF8.GetBytes(requirements.Replace("INDEX/", url.AbsoluteUri, StringComparison.Ordinal)));
        string cache = Path.Combine(dir.Path, "cache");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(() => Stream.Null, false, null, TimeProvider.System)
        {
            Network = false,
            PackageIndexFetcher = () => new HttpFetcher(new HttpFetchOptions { CacheDirectory = cache, NetrcPath = null }),
        };
        int code = CliApp.Run(["predict", dir.Path, "--format", "json"], stdout, stderr, host);
        Assert.Equal((0, ""), (code, stderr.ToString()));
        JsonElement prediction = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("predictions")[0].Clone();
        Assert.False(prediction.GetProperty("offline").GetBoolean());
        return [.. prediction.GetProperty("components").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "pip")];
    }

    [Fact]
    public void Cuda_torch_from_the_pypi_index_is_sized_exactly_with_its_pinned_stack()
    {
        string wheels = Path.Combine(fixture.Environment.RequirePyIndex().Wheels, "files");
        JsonElement[] pip = Predict("--index-url INDEX/pypi/simple/\ntorch==2.6.0\n");

        foreach (JsonElement c in pip)
        {
            string name = c.GetProperty("name").GetString()!;
            Assert.True(c.GetProperty("exact").GetBoolean(), name);
            Assert.Equal(ZipSum(WheelOf(wheels, name, c.GetProperty("version").GetString()!)), c.GetProperty("bytes").GetInt64());
        }

        // The nvidia-* pins of torch's own METADATA, read from the wheel file.
        using ZipArchive torch = ZipFile.OpenRead(WheelOf(wheels, "torch", "2.6.0"));
        using var reader = new StreamReader(torch.Entries.Single(e => e.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)).Open());
        string[] pins = [.. reader.ReadToEnd().Split('\n').Where(l => l.StartsWith("Requires-Dist: nvidia-", StringComparison.Ordinal))
            .Select(l => l["Requires-Dist: ".Length..].Split(';')[0].Trim().Replace("==", " ", StringComparison.Ordinal))];
        Assert.NotEmpty(pins);
        Assert.Subset(pip.Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("version").GetString()}").ToHashSet(), pins.ToHashSet());
    }

    [Fact]
    public void The_cpu_index_as_an_extra_index_gives_cpu_torch_without_the_stack()
    {
        string wheels = Path.Combine(fixture.Environment.RequirePyIndex().Wheels, "files");
        JsonElement[] pip = Predict("--index-url INDEX/pypi/simple/\n--extra-index-url INDEX/cpu/simple/\ntorch==2.6.0\n");

        JsonElement torch = pip.Single(c => c.GetProperty("name").GetString() == "torch");
        Assert.Equal("2.6.0+cpu", torch.GetProperty("version").GetString());
        Assert.Equal(ZipSum(WheelOf(wheels, "torch", "2.6.0+cpu")), torch.GetProperty("bytes").GetInt64());
        Assert.DoesNotContain(pip, c => c.GetProperty("name").GetString()!.StartsWith("nvidia-", StringComparison.Ordinal));
        Assert.All(pip, c => Assert.True(c.GetProperty("exact").GetBoolean()));
    }
}
