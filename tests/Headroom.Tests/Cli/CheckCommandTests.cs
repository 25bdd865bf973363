using System.Text.Json;
using Headroom.Tests.Dockerfiles;

namespace Headroom.Tests.Cli;

public sealed class CheckCommandTests
{
    private static string Example => Path.Combine(ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");

    [Fact]
    public void Check_on_the_example_reports_findings_with_place_excerpt_and_summary()
    {
        CliResult result = CliRunner.Run("check", Example);

        Assert.Equal("", result.Error);
        Assert.Contains("backend/Dockerfile\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n  11:23  warning  DF007 apt-recommends\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("    11 | RUN apt-get update && apt-get install -y build-essential libgomp1 curl\n", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n\d+ findings? \(.*\) in \d+ files; \d+ fixable with 'headroom fix'\.\nCI health: \d+ of 11 breakages found\n", result.Out);
        Assert.Contains("\n  docker-compose v1 gone from runners [GH002]: .github/workflows/ci.yml:96, .github/workflows/ci.yml:107; headroom fix\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_is_the_contract_document_and_the_exit_code_follows_the_errors()
    {
        CliResult result = CliRunner.Run("check", Example, "--format", "json");

        using JsonDocument document = JsonDocument.Parse(result.Out);
        Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
        JsonElement[] findings = [.. document.RootElement.GetProperty("findings").EnumerateArray()];
        JsonElement df007 = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "DF007");
        Assert.Equal("backend/Dockerfile", df007.GetProperty("path").GetString());
        Assert.Equal(11, df007.GetProperty("line").GetInt32());
        Assert.True(df007.GetProperty("fixable").GetBoolean());
        bool anyError = findings.Any(f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal(anyError ? 1 : 0, result.ExitCode);
        Assert.Equal(1, CliRunner.Run("check", Example, "--fail-on", "warning").ExitCode);
        Assert.Equal(0, CliRunner.Run("check", Example, "--fail-on", "never").ExitCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fix_dry_run_prints_a_diff_and_writes_nothing_then_fix_writes_and_a_second_run_changes_nothing()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-fix-").FullName;
        try
        {
            string dockerfile = Path.Combine(dir, "Dockerfile");
            const string Before = "FROM debian\r\n# headroom ignore=DF006\r\nRUN apt-get install -y curl\r\n";
            File.WriteAllText(dockerfile, Before);
            File.SetUnixFileMode(dockerfile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            CliResult dry = CliRunner.Run("fix", dir, "--dry-run");
            Assert.Equal(1, dry.ExitCode);
            Assert.Contains("-RUN apt-get install -y curl", dry.Out, StringComparison.Ordinal);
            Assert.Contains("+RUN apt-get install --no-install-recommends -y curl", dry.Out, StringComparison.Ordinal);
            Assert.Equal(Before, File.ReadAllText(dockerfile));

            CliResult fix = CliRunner.Run("fix", dir, "--only", "apt-recommends");
            Assert.Equal(0, fix.ExitCode);
            Assert.Equal("FROM debian\r\n# headroom ignore=DF006\r\nRUN apt-get install --no-install-recommends -y curl\r\n", File.ReadAllText(dockerfile));
            Assert.True(File.GetUnixFileMode(dockerfile).HasFlag(UnixFileMode.UserExecute));
            Assert.Single(Directory.GetFiles(dir));

            Assert.Equal(0, CliRunner.Run("fix", dir, "--dry-run", "--only", "DF007").ExitCode);
            Assert.Equal(2, CliRunner.Run("fix", dir, "--only", "DF999").ExitCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Fix_on_a_copy_of_the_example_converges_in_one_run()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-example-").FullName;
        try
        {
            foreach (string file in Directory.GetFiles(Example, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(dir, Path.GetRelativePath(Example, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            CliResult first = CliRunner.Run("fix", dir);
            Assert.Equal(0, first.ExitCode);
            Assert.Contains("fixed DF001 cuda-torch-on-cpu-build", first.Out, StringComparison.Ordinal);
            Assert.Contains("fixed DF011 python-version-mismatch: use Python 3.11 in CI like the image", first.Out, StringComparison.Ordinal);
            Assert.Contains("; 0 not applied.", first.Out, StringComparison.Ordinal);
            Assert.Contains("python-version: \"3.11\"", File.ReadAllText(Path.Combine(dir, ".github", "workflows", "ci.yml")), StringComparison.Ordinal);

            CliResult second = CliRunner.Run("fix", dir, "--dry-run");
            Assert.Equal(0, second.ExitCode);
            Assert.Equal("", second.Out);
            Assert.Contains("0 fix(es) to apply, would change 0 file(s); 0 not applied.", second.Error, StringComparison.Ordinal);

            // The story: after the fix, DF001 and DF005 are gone and the backend image is predicted about 75% smaller.
            (string[] rulesBefore, long imageBefore) = BackendCheck(Example);
            (string[] rulesAfter, long imageAfter) = BackendCheck(dir);
            Assert.Contains("DF001", rulesBefore);
            Assert.Contains("DF005", rulesBefore);
            Assert.DoesNotContain("DF001", rulesAfter);
            Assert.DoesNotContain("DF005", rulesAfter);
            double smaller = 1 - ((double)imageAfter / imageBefore);
            Assert.InRange(smaller, 0.70, 0.90);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The rule IDs of the findings in backend/ and the predicted size of backend/Dockerfile's image.</summary>
    private static (string[] Rules, long ImageBytes) BackendCheck(string root)
    {
        CliResult result = CliRunner.Run("check", root, "--format", "json", "--fail-on", "never");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Out);
        string[] rules = [.. document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("path").GetString()!.StartsWith("backend/", StringComparison.Ordinal))
            .Select(f => f.GetProperty("ruleId").GetString()!)];
        JsonElement prediction = document.RootElement.GetProperty("predictions").EnumerateArray()
            .Single(p => p.GetProperty("dockerfile").GetString() == "backend/Dockerfile");
        return (rules, prediction.GetProperty("imageBytes").GetInt64());
    }

    [Fact]
    public void Fix_keeps_a_utf8_byte_order_mark_and_refuses_a_file_that_is_not_utf8()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-fix-bom-").FullName;
        try
        {
            string dockerfile = Path.Combine(dir, "Dockerfile");
            byte[] bom = [0xEF, 0xBB, 0xBF];
            File.WriteAllBytes(dockerfile, [.. bom, .. "FROM debian\r\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\r\n"u8]);

            Assert.Equal(0, CliRunner.Run("fix", dir, "--only", "DF007").ExitCode);
            byte[] fixedBytes = [.. bom, .. "FROM debian\r\nRUN apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\r\n"u8];
            Assert.Equal(fixedBytes, File.ReadAllBytes(dockerfile));

            // Latin-1 'é' (0xE9) in a comment: read with a replacement character, so writing it back would change it.
            byte[] latin1 = [.. "FROM debian\n# caf"u8, 0xE9, .. "\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"u8];
            File.WriteAllBytes(dockerfile, latin1);
            CliResult refused = CliRunner.Run("fix", dir, "--only", "DF007");
            Assert.Equal(2, refused.ExitCode);
            Assert.Matches(@"^headroom: error: Dockerfile: not UTF-8 text", refused.Error);
            Assert.Equal(latin1, File.ReadAllBytes(dockerfile));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_config_file_with_an_unknown_key_is_exit_2_naming_the_line()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-config-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM debian\nRUN apt-get install -y curl\n");
            File.WriteAllText(Path.Combine(dir, ".headroom.yaml"), "ignore: [DF007]\nfailon: warning\n");

            CliResult result = CliRunner.Run("check", dir);
            Assert.Equal(2, result.ExitCode);
            Assert.Matches(@"^headroom: error: .*\.headroom\.yaml:2: unknown key 'failon'", result.Error);

            File.WriteAllText(Path.Combine(dir, ".headroom.yaml"), "ignore: [DF007]\n");
            CliResult clean = CliRunner.Run("check", dir, "--output", Path.Combine(dir, "report.json"), "--format", "json");
            Assert.Equal(0, clean.ExitCode);
            Assert.Equal("", clean.Out);
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
            Assert.Equal(0, report.RootElement.GetProperty("findings").GetArrayLength());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("Dockerfile", "FROM debian\nRUN <<EOF\necho never ends\n", @"^headroom: error: .*Dockerfile:2: .*heredoc")]
    [InlineData("docker-compose.yml", "services:\n  api:\n    build: backend\n   image: api\n  web:\n    image: nginx\n", @"^headroom: error: docker-compose\.yml:4: ")]
    public void A_malformed_input_file_is_exit_2_with_its_file_and_line(string name, string text, string expected)
    {
        string dir = Directory.CreateTempSubdirectory("headroom-check-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, name), text);

            CliResult result = CliRunner.Run("check", dir);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Matches(expected, line);
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
