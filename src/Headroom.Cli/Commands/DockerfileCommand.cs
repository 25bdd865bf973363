using System.CommandLine;
using System.Text;
using Headroom.Diagnostics;
using Headroom.Dockerfiles;

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
        dump.SetAction(parse => Dump(context, parse.GetValue(file)!, parse.GetValue(format) ?? "sexp"));

        return new Command("dockerfile", "Dockerfile tools for conformance and debugging.") { dump };
    }

    private const int MaxWarningsShown = 20;

    private static int Dump(CommandContext context, string path, string format)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(ReadDockerfile(path), path);
        Diagnostic? error = syntax.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error != null)
        {
            throw new CliException(error.ToString());
        }

        Diagnostic[] warnings = [.. syntax.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)];
        foreach (Diagnostic warning in warnings.Take(MaxWarningsShown))
        {
            context.Error.WriteLine($"headroom: warning: {warning}");
        }

        if (warnings.Length > MaxWarningsShown)
        {
            context.Error.WriteLine($"headroom: warning: {path}: {warnings.Length - MaxWarningsShown} more warning(s) not shown");
        }

        context.Out.Write(format == "json" ? DockerfileJsonDump.ToJson(syntax) : SexpPrinter.Print(syntax));
        return ExitCodes.Ok;
    }

    /// <summary>UTF-8, with a byte order mark kept (as U+FEFF) so that the parse sees it as BuildKit does.</summary>
    private static string ReadDockerfile(string path)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such file", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read: {ex.Message}", ex);
        }
    }
}
