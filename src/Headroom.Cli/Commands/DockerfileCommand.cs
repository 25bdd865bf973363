using System.CommandLine;

namespace Headroom.Cli.Commands;

/// <summary><c>headroom dockerfile dump FILE --format sexp|json</c>: the parse of one Dockerfile.</summary>
internal static class DockerfileCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The Dockerfile to parse." };
        var format = new Option<string>("--format")
        {
            Description = "sexp (BuildKit's Node.Dump format) or json.",
            DefaultValueFactory = _ => "sexp",
        };
        format.AcceptOnlyFromAmong("sexp", "json");

        var dump = new Command("dump", "Print the parse of one Dockerfile.") { file, format };
        dump.SetAction(parse =>
        {
            context.Error.WriteLine("headroom: error: 'dockerfile dump' is not built yet (planned in issue #2)");
            return ExitCodes.CannotRun;
        });

        return new Command("dockerfile", "Dockerfile tools for conformance and debugging.") { dump };
    }
}
