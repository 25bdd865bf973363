using System.Text;
using System.Text.Json;
using Headroom.Knowledge;
using Headroom.Tests.Images;
using Headroom.Tests.Prediction;

namespace Headroom.Tests.Cli;

/// <summary><c>headroom predict</c> on a uv project: the lock's packages, not a resolution.</summary>
public sealed class PredictLockFileTests
{
    private const string Dockerfile = """
        FROM python:3.12-slim
        WORKDIR /app
        COPY pyproject.toml uv.lock ./
        RUN uv sync --frozen --no-dev --no-install-project --no-cache
        """;

    private static TempDir Project(string uvLock)
    {
        var dir = new TempDir();
        dir.File("Dockerfile", Encoding.UTF8.GetBytes(Dockerfile));
        dir.File("pyproject.toml", Encoding.UTF8.GetBytes(LockFixtures.PyProject));
        dir.File("uv.lock", Encoding.UTF8.GetBytes(uvLock));
        return dir;
    }

    [Fact]
    public void Predict_offline_json_lists_the_locked_packages_with_their_recorded_downloads()
    {
        using TempDir dir = Project(LockFixtures.UvLock(LockFixtures.FakeSize));

        CliResult result = CliRunner.Run("predict", dir.Path, "--offline", "--format", "json");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        using JsonDocument document = JsonDocument.Parse(result.Out);
        JsonElement prediction = Assert.Single(document.RootElement.GetProperty("predictions").EnumerateArray());
        JsonElement[] pip = [.. prediction.GetProperty("components").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "pip")];
        Assert.Equal(["filelock", "numpy", "nvidia-cublas-cu12", "torch", "triton"], pip.Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        JsonElement torch = pip.Single(c => c.GetProperty("name").GetString() == "torch");
        Assert.Equal(("2.6.0", 4, false), (torch.GetProperty("version").GetString(), torch.GetProperty("line").GetInt32(), torch.GetProperty("exact").GetBoolean()));
        Assert.Equal(InstalledSizeRatios.Installed(LockFixtures.FakeSize(LockFixtures.Torch), InstalledSizeRatios.Cuda), torch.GetProperty("bytes").GetInt64());

        // The image's downloads: the base image's layers plus exactly the recorded sizes of the five wheels.
        CliResult text = CliRunner.Run("predict", dir.Path, "--offline");
        Assert.Contains("uv sync installs 5 packages of uv.lock for CPython 3.12 on linux/amd64", text.Out, StringComparison.Ordinal);
        Assert.Contains("cause: the CUDA stack", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_uv_lock_exits_2_naming_the_file_and_line()
    {
        using TempDir dir = Project("version = 1\nrevision = 2\n\n[[package]\nname = \"torch\"\n");

        CliResult result = CliRunner.Run("predict", dir.Path, "--offline", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("headroom: error: uv.lock:4: ", line, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
