using Headroom.Tests.Cli;
using Headroom.Tests.Dockerfiles;

namespace Headroom.Tests.Shipping;

/// <summary>
/// The repository's own <c>Dockerfile</c> (Headroom in an image): <c>headroom check</c> reports nothing
/// on it, with its <c>.dockerignore</c>, in a folder that also holds what a build context must not carry
/// (<c>.git</c>, <c>bin/</c>), and it copies the NativeAOT binary into a small runtime stage.
/// </summary>
public sealed class HeadroomDockerfileTests
{
    private static string Root => ConformanceCorpus.RepositoryRoot();

    [Fact]
    public void Check_reports_nothing_on_headrooms_own_dockerfile()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-self-").FullName;
        try
        {
            foreach (string name in (string[])["Dockerfile", ".dockerignore", "action.yml", ".pre-commit-hooks.yaml"])
            {
                File.Copy(Path.Combine(Root, name), Path.Combine(dir, name));
            }

            Directory.CreateDirectory(Path.Combine(dir, ".git"));
            Directory.CreateDirectory(Path.Combine(dir, "src", "Headroom.Cli", "bin"));

            CliResult result = CliRunner.Run("check", dir, "--fail-on", "info");

            Assert.Equal("", result.Error);
            Assert.Equal("No findings in 2 files.\n", result.Out);
            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_image_is_multi_stage_with_the_aot_binary_on_runtime_deps()
    {
        string text = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        CliResult dump = CliRunner.Run("dockerfile", "dump", Path.Combine(Root, "Dockerfile"), "--format", "sexp");

        Assert.Equal(0, dump.ExitCode);
        Assert.Contains("PublishProfile=\"aot-linux-$rid\"", text, StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\n", text, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /out/headroom /usr/local/bin/headroom\n", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        foreach (string profile in (string[])["aot-linux-x64", "aot-linux-arm64"])
        {
            Assert.True(File.Exists(Path.Combine(Root, "src", "Headroom.Cli", "Properties", "PublishProfiles", profile + ".pubxml")), profile);
        }
    }
}
