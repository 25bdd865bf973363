using System.CommandLine;

namespace Headroom.Cli.Commands;

/// <summary>
/// The commands of the contract that are not built yet: they parse their arguments and then say so,
/// with exit code 2, so scripts never mistake them for a clean run.
/// </summary>
internal static class PlannedCommands
{
    public static Command Diff(CommandContext context) =>
        Planned(context, "diff", "Impact of a change: two images or two predictions.", "BEFORE AFTER", 7);

    private static Command Planned(CommandContext context, string name, string description, string argName, int issue)
    {
        var args = new Argument<string[]>(argName) { Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(name, description + " (not built yet)") { args };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ =>
        {
            context.Error.WriteLine($"headroom: error: '{name}' is not built yet (planned in issue #{issue})");
            return ExitCodes.CannotRun;
        });
        return command;
    }
}
