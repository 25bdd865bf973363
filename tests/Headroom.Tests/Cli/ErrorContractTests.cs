namespace Headroom.Tests.Cli;

public sealed class ErrorContractTests
{
    [Fact]
    public void Unknown_option_exits_2_with_one_line()
    {
        CliResult result = CliRunner.Run("dockerfile", "dump", "x", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("headroom: error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_exits_2()
    {
        CliResult result = CliRunner.Run("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("headroom: error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version_and_exits_0()
    {
        CliResult result = CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out.Trim());
    }

    [Fact]
    public void Help_lists_every_contract_command()
    {
        CliResult result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string command in new[] { "check", "fix", "predict", "image", "diff", "rules", "dockerfile" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }
}
