using System.Text.Json;
using Headroom.Tests.Dockerfiles;
using Headroom.Tests.Images;

namespace Headroom.Tests.Cli;

public sealed class PredictCommandTests
{
    private static string Example => Path.Combine(ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");

    [Fact]
    public void Predict_on_the_example_shows_the_CUDA_stack_as_the_cause_with_a_breakdown()
    {
        CliResult result = CliRunner.Run("predict", Example, "--offline");

        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("backend/Dockerfile (target 0, linux/amd64, Python 3.11) [embedded knowledge]\n", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\ncause: the CUDA stack, ~[\d.]+ GB of ~[\d.]+ GB \(\d+%\): nvidia-\*-cu12 and triton 12\.1, torch 2\.3\.1 \(line 17\)\n", result.Out);
        Assert.Contains("pip   line 17   torch 2.3.1\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("pip cache", result.Out, StringComparison.Ordinal);
        Assert.Contains("frontend/Dockerfile", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_json_carries_the_contract_fields_and_the_CPU_variant_drops()
    {
        using JsonDocument cuda = JsonDocument.Parse(CliRunner.Run("predict", Example, "--offline", "--format", "json").Out);
        JsonElement backend = cuda.RootElement.GetProperty("predictions").EnumerateArray().Single(p => p.GetProperty("dockerfile").GetString() == "backend/Dockerfile");
        Assert.Equal("3.11", backend.GetProperty("python").GetString());
        Assert.Equal("github-ubuntu-latest", backend.GetProperty("budget").GetProperty("name").GetString());
        JsonElement[] components = [.. backend.GetProperty("components").EnumerateArray()];
        Assert.Equal("nvidia-*-cu12 and triton", components[0].GetProperty("name").GetString());
        Assert.False(components[0].GetProperty("exact").GetBoolean());
        long[] bytes = [.. components.Select(c => c.GetProperty("bytes").GetInt64())];
        Assert.Equal(bytes.OrderDescending(), bytes);
        Assert.Equal(bytes.Sum(), backend.GetProperty("imageBytes").GetInt64());

        // The same Dockerfile with CPU torch (a fixed copy: the example must not change).
        using var copy = new TempDir();
        string source = Path.Combine(Example, "backend");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            copy.File(Path.GetRelativePath(source, file), File.ReadAllBytes(file));
        }

        File.WriteAllText(Path.Combine(copy.Path, "requirements.txt"), File.ReadAllText(Path.Combine(copy.Path, "requirements.txt")).Replace("torch==2.3.1\n", "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1\n", StringComparison.Ordinal));
        using JsonDocument cpu = JsonDocument.Parse(CliRunner.Run("predict", copy.Path, "--offline", "--format", "json").Out);
        long cpuBytes = cpu.RootElement.GetProperty("predictions")[0].GetProperty("imageBytes").GetInt64();
        Assert.True(backend.GetProperty("imageBytes").GetInt64() > 3 * cpuBytes, $"{backend.GetProperty("imageBytes")} vs {cpuBytes}");
    }

    [Fact]
    public void Check_json_carries_the_predictions_and_a_small_budget_makes_predict_exit_1()
    {
        using JsonDocument document = JsonDocument.Parse(CliRunner.Run("check", Example, "--format", "json", "--fail-on", "never").Out);
        Assert.Contains(document.RootElement.GetProperty("predictions").EnumerateArray(), p => p.GetProperty("dockerfile").GetString() == "backend/Dockerfile");

        CliResult over = CliRunner.Run("predict", Example, "--budget", "2GB");
        Assert.Equal(1, over.ExitCode);
        Assert.Contains("OVER BUDGET", over.Out, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("predict", Example, "--budget", "lots").ExitCode);
    }

    [Fact]
    public void Alternatives_show_that_CPU_torch_saves_the_most_and_a_later_delete_saves_nothing()
    {
        CliResult result = CliRunner.Run("predict", Path.Combine(Example, "backend"), "--offline", "--alternatives");

        Assert.Equal("", result.Error);
        Assert.Matches(@"\n  CPU-only torch +~[\d.]+ GB +[\d.]+ GB ", result.Out);
        Assert.Matches(@"\n  delete in a later layer \(line 20\) +~[\d.]+ GB +nothing ", result.Out);
        Assert.Contains("the CUDA stack (~", result.Out, StringComparison.Ordinal);
    }
}
