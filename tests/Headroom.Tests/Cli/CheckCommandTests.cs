using System.Text.Json;
using Headroom.Tests.Dockerfiles;

namespace Headroom.Tests.Cli;

public sealed class CheckCommandTests
{
    private static string Example => Path.Combine(ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");

    [Fact]
    public void Check_on_the_example_reads_its_files_and_parses_its_Dockerfiles()
    {
        CliResult result = CliRunner.Run("check", Example);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("backend/Dockerfile", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 stage(s) from python:3.11-slim", result.Out, StringComparison.Ordinal);
        Assert.Contains(".github/workflows/ci.yml", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 Dockerfile(s) parsed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_is_a_schema_version_1_document()
    {
        CliResult result = CliRunner.Run("check", Example, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Out);
        Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("findings").ValueKind);
    }

    [Fact]
    public void A_malformed_Dockerfile_is_exit_2_with_its_file_and_line()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-check-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM debian\nRUN <<EOF\necho never ends\n");

            CliResult result = CliRunner.Run("check", dir);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Matches(@"^headroom: error: .*Dockerfile:2: .*heredoc", line);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_path_is_exit_2()
    {
        CliResult result = CliRunner.Run("check", "/no/such/folder/anywhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/folder/anywhere", result.Error, StringComparison.Ordinal);
    }
}
