using System.Reflection;
using System.Text.Json;
using Headroom.Cli;
using Headroom.Tests.Cli;
using Headroom.Tests.Dockerfiles;
using Headroom.Tests.Integration;

namespace Headroom.Tests.Shipping;

/// <summary>
/// <c>dotnet tool install</c> as a user runs it: the CLI project is packed (from the build the tests
/// run on, no rebuild) into a folder feed, installed from that feed alone into a tool path, and the
/// installed <c>headroom</c> runs <c>--version</c> and <c>check</c> on a copy of the example. Skips with
/// the reason when the SDK cannot pack or install; fails instead under HEADROOM_REQUIRE_INTEGRATION=1.
/// </summary>
public sealed class DotnetToolTests
{
    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_feed_and_checks_the_example()
    {
        string root = ConformanceCorpus.RepositoryRoot();
        string configuration = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string built = Path.Combine(root, "src", "Headroom.Cli", "bin", configuration, "net10.0", "headroom.dll");
        if (!File.Exists(built))
        {
            IntegrationEnvironment.Unavailable($"no {configuration} build of the CLI at {built} to pack");
        }

        string dotnet = ExternalProcess.Dotnet();
        string work = Directory.CreateTempSubdirectory("headroom-tool-").FullName;
        try
        {
            string feed = Path.Combine(work, "feed");
            ProcessResult pack = await ExternalProcess.RunAsync(dotnet, [
                "pack", Path.Combine(root, "src", "Headroom.Cli", "Headroom.Cli.csproj"), "-c", configuration, "--no-build", "--no-restore",
                "-o", feed, $"-p:PublishDir={Path.Combine(work, "publish")}/"]);
            if (pack.ExitCode != 0)
            {
                IntegrationEnvironment.Unavailable($"dotnet pack failed: {pack}");
            }

            string version = ToolVersion.Current;
            Assert.True(File.Exists(Path.Combine(feed, $"Headroom.{version}.nupkg")), pack.ToString());

            // Only the folder feed, and a private package folder, so that no stale copy of this version is reused.
            string config = Path.Combine(work, "nuget.config");
            await File.WriteAllTextAsync(config, "<configuration><packageSources><clear /></packageSources></configuration>", TestContext.Current.CancellationToken);
            string tools = Path.Combine(work, "tools");
            ProcessResult install = await ExternalProcess.RunAsync(
                dotnet,
                ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", feed, "Headroom", "--version", version],
                work,
                new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") });
            Assert.True(install.ExitCode == 0, install.ToString());
            Assert.Contains("'headroom'", install.Out, StringComparison.Ordinal);

            string headroom = Path.Combine(tools, "headroom");
            ProcessResult versionRun = await ExternalProcess.RunAsync(headroom, ["--version"]);
            Assert.Equal(0, versionRun.ExitCode);
            Assert.Equal(version, versionRun.Out.Trim());

            string example = Path.Combine(work, "ml-backend");
            CopyTree(Path.Combine(root, "examples", "ml-backend"), example);
            ProcessResult check = await ExternalProcess.RunAsync(headroom, ["check", "--format", "json"], example);
            CliResult inProcess = CliRunner.Run("check", Path.Combine(root, "examples", "ml-backend"), "--format", "json");
            Assert.Equal(1, check.ExitCode);
            Assert.Equal("", check.Error);
            using JsonDocument document = JsonDocument.Parse(check.Out);
            Assert.Contains(
                document.RootElement.GetProperty("findings").EnumerateArray(),
                f => f.GetProperty("ruleId").GetString() == "DF001" && f.GetProperty("path").GetString() == "backend/Dockerfile");
            Assert.Equal(inProcess.Out, check.Out);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Copies a folder and everything below it.</summary>
    internal static void CopyTree(string from, string to)
    {
        foreach (string dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
