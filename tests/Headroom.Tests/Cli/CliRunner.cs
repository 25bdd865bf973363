using Headroom.Cli;

namespace Headroom.Tests.Cli;

/// <summary>Runs the real CLI entry point in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, CliHost.ForProcess(stderr) with { Network = false });
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <paramref name="stdin"/> as standard input (stderr is not a terminal).</summary>
    public static CliResult RunWithInput(Stream stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(() => stdin, ErrorIsTerminal: false, Ci: null, TimeProvider.System) { Network = false };
        int code = CliApp.Run(args, stdout, stderr, host);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
