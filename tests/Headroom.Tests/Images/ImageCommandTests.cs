using System.Text.Json;
using Headroom.Images;
using Headroom.Tests.Cli;

namespace Headroom.Tests.Images;

public sealed class ImageCommandTests
{
    private static string StandardArchive(TempDir dir) =>
        dir.File("image.tar", ImageFixture.TarOf(ImageAnalyzerTests.Standard().DockerClassicFiles()));

    [Fact]
    public void Json_output_follows_the_contract()
    {
        using var dir = new TempDir();
        string path = StandardArchive(dir);

        CliResult result = CliRunner.Run("image", path, "--format", "json", "--max-size", "1GB", "--forbid", "tmp,cuda");

        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal(
            ["schemaVersion", "source", "platform", "imageId", "layers", "totals", "packages", "categories", "largestFiles", "gates"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(path, root.GetProperty("source").GetString());
        Assert.Equal("linux/amd64", root.GetProperty("platform").GetString());
        JsonElement layer1 = root.GetProperty("layers")[1];
        Assert.Equal(1, layer1.GetProperty("index").GetInt32());
        Assert.Equal("RUN cleanup", layer1.GetProperty("createdBy").GetString());
        Assert.Equal(130, layer1.GetProperty("bytes").GetInt64());
        Assert.Equal(3, layer1.GetProperty("files").GetProperty("removed").GetInt32());
        JsonElement totals = root.GetProperty("totals");
        Assert.Equal(1895, totals.GetProperty("bytes").GetInt64());
        Assert.Equal(1205, totals.GetProperty("finalBytes").GetInt64());
        Assert.Equal(690, totals.GetProperty("reclaimableBytes").GetInt64());
        Assert.Equal(0.635884, totals.GetProperty("efficiency").GetDouble());
        Assert.Equal(6, totals.GetProperty("fileCount").GetInt64());
        Assert.Equal(
            ["/usr/bin/tool", "/etc/a.txt", "/tmp/gone", "/new/z", "/var/cache/c2"],
            root.GetProperty("largestFiles").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        JsonElement[] gates = [.. root.GetProperty("gates").EnumerateArray()];
        Assert.Equal(["max-size", "forbid:tmp", "forbid:cuda"], gates.Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(1_000_000_000, gates[0].GetProperty("threshold").GetInt64());
        Assert.True(gates[0].GetProperty("passed").GetBoolean());
        Assert.Equal(70, gates[1].GetProperty("value").GetInt64());
        Assert.False(gates[1].GetProperty("passed").GetBoolean());
        Assert.True(gates[2].GetProperty("passed").GetBoolean());
    }

    [Theory]
    [InlineData("--max-size", "1895", 1)]
    [InlineData("--max-size", "1896B", 0)]
    [InlineData("--max-layer", "1690", 1)]
    [InlineData("--max-layer", "1.691KB", 0)]
    [InlineData("--max-reclaimable", "690", 1)]
    [InlineData("--max-reclaimable", "691", 0)]
    [InlineData("--max-reclaimable", "36.4%", 1)]
    [InlineData("--max-reclaimable", "36.5%", 0)]
    [InlineData("--min-efficiency", "0.7", 1)]
    [InlineData("--min-efficiency", "0.6", 0)]
    [InlineData("--budget", "1895", 1)]
    [InlineData("--budget", "github-ubuntu-latest", 0)]
    [InlineData("--forbid", "pycache", 0)]
    [InlineData("--forbid", "tmp", 1)]
    public void Gates_use_greater_or_equal_semantics(string option, string value, int exit)
    {
        using var dir = new TempDir();

        CliResult result = CliRunner.Run("image", StandardArchive(dir), option, value);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(exit == 1 ? "FAIL" : "pass", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_efficiency_equal_to_the_value_passes_and_budget_fraction_applies()
    {
        ImageReport report = ImageAnalyzerTests.Analyze(StandardArchive(new TempDir()));
        var settings = new ImageGateSettings { MinEfficiency = report.Totals.Efficiency, BudgetBytes = 3790, BudgetFraction = 0.5 };

        IReadOnlyList<GateResult> gates = settings.Evaluate(report);

        Assert.True(gates[0].Passed);
        Assert.Equal(new GateResult("budget", 1895, 1895, false, "bytes"), gates[1]);
    }

    [Fact]
    public void Config_file_sets_gates_and_the_command_line_overrides_it()
    {
        using var dir = new TempDir();
        string config = dir.File("h.yaml", "# team limits\nimage:\n  max-size: 1KB\n  forbid:\n    - cuda\n    - pip-cache\n  top: 2\n"u8.ToArray());
        string path = StandardArchive(dir);

        CliResult fromFile = CliRunner.Run("image", path, "--config", config, "--format", "json");
        CliResult overridden = CliRunner.Run("image", path, "--config", config, "--max-size", "2KB", "--format", "json");

        Assert.Equal(1, fromFile.ExitCode);
        using var doc = JsonDocument.Parse(fromFile.Out);
        Assert.Equal(["max-size", "forbid:cuda", "forbid:pip-cache"], doc.RootElement.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(2, doc.RootElement.GetProperty("largestFiles").GetArrayLength());
        Assert.Equal(0, overridden.ExitCode);
    }

    [Fact]
    public void Unknown_config_key_is_an_error_with_its_line()
    {
        using var dir = new TempDir();
        string config = dir.File(".headroom.yaml", "ignore: [DF001]\nimage:\n  max-size: 1GB\n  lowestEfficiency: 0.9\n"u8.ToArray());

        CliResult result = CliRunner.Run("image", StandardArchive(dir), "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"headroom: error: {config}:4: unknown key 'image.lowestEfficiency' (known: max-size,", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("image:\n  max-size: lots\n", "h.yaml:2: image.max-size: 'lots' is not a size")]
    [InlineData("image:\n  min-efficiency: 1.5\n", "h.yaml:2: image.min-efficiency: '1.5' is not a number from 0 to 1")]
    [InlineData("image:\n  forbid: [cuda, cuda-stuff]\n", "h.yaml:2: image.forbid: unknown category 'cuda-stuff'")]
    [InlineData("image:\n  max-size: [1, 2\n", "h.yaml:3: invalid YAML")]
    public void Bad_config_values_name_the_line(string yaml, string expected)
    {
        using var dir = new TempDir();
        string config = dir.File("h.yaml", System.Text.Encoding.UTF8.GetBytes(yaml));

        CliResult result = CliRunner.Run("image", StandardArchive(dir), "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_and_markdown_outputs()
    {
        using var dir = new TempDir();
        string path = StandardArchive(dir);

        CliResult text = CliRunner.Run("image", path, "--max-size", "1GB");
        CliResult markdown = CliRunner.Run("image", path, "--format", "markdown");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("size 1.9 kB in 3 layers", text.Out, StringComparison.Ordinal);
        Assert.Contains("RUN cleanup", text.Out, StringComparison.Ordinal);
        Assert.Contains("1 kB  /usr/bin/tool  (layer 0)", text.Out, StringComparison.Ordinal);
        Assert.Contains("pass  max-size: 1.9 kB (threshold 1 GB)", text.Out, StringComparison.Ordinal);
        Assert.Contains("| layer | size | compressed | added | modified | removed | created by |", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("| 1 | 130 B | ", markdown.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, text.Error);
    }

    [Fact]
    public void Output_file_is_written_and_stdout_stays_empty()
    {
        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "report.json");
        File.WriteAllText(target, "old");

        CliResult result = CliRunner.Run("image", StandardArchive(dir), "--format", "json", "--output", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(target));
        Assert.Equal(1895, doc.RootElement.GetProperty("totals").GetProperty("bytes").GetInt64());
        Assert.Single(Directory.GetFiles(dir.Path, "*report*"));
    }
}
