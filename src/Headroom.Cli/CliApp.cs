using System.CommandLine;
using Headroom.Cli.Commands;
using Headroom.Diagnostics;

namespace Headroom.Cli;

/// <summary>Builds the command tree and runs it with the error contract: one line on stderr, exit 2.</summary>
internal static class CliApp
{
    public static readonly Option<bool> DebugOption = new("--debug")
    {
        Description = "On an error, print the stack trace too.",
        Recursive = true,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CliHost.ForProcess(stderr));

    /// <summary>Runs with the given process facts (standard input, terminal, CI, clock).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost host)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool debug = args.Contains("--debug", StringComparer.Ordinal);
        var context = new CommandContext(stdout, stderr, debug) { Host = host };
        RootCommand root = BuildRoot(context);

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"headroom: error: {parse.Errors[0].Message} (see 'headroom --help')");
            return ExitCodes.CannotRun;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ReportFailure(ex, stderr, debug);
        }
    }

    internal static int ReportFailure(Exception ex, TextWriter stderr, bool debug)
    {
        string message = ex switch
        {
            CliException => ex.Message,
            InputException => ex.Message,
            Headroom.Python.Resolution.ResolutionException => ex.Message,
            FileNotFoundException fnf => $"{fnf.FileName ?? "file"}: no such file",
            DirectoryNotFoundException => ex.Message,
            UnauthorizedAccessException => ex.Message,
            IOException => ex.Message,
            _ => $"internal error: {ex.GetType().Name}: {ex.Message} (please report this; --debug shows the trace)",
        };
        stderr.WriteLine($"headroom: error: {OneLine(message)}");
        if (debug)
        {
            stderr.WriteLine(ex.ToString());
        }

        return ExitCodes.CannotRun;
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();

    private static RootCommand BuildRoot(CommandContext context)
    {
        var root = new RootCommand(
            "Headroom: find what makes container images and CI jobs run out of disk, before the push.");
        root.Options.Add(DebugOption);
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(FixCommand.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));
        root.Subcommands.Add(ImageCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(DockerfileCommand.Create(context));
        return root;
    }
}
