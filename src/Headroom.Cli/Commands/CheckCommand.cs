using System.CommandLine;
using System.Text.Json;
using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Project;

namespace Headroom.Cli.Commands;

/// <summary>
/// <c>headroom check [PATH...]</c>. For now it reads every file Headroom knows under the paths and
/// parses each Dockerfile (a malformed one is exit 2, as the contract says); the rules come next.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Folders or files to check (default: the current folder).",
        };
        var format = new Option<string>("--format")
        {
            Description = "text or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("check", "Lint Dockerfiles, requirement files, workflows and front-end configs.") { paths, format };
        command.SetAction(parse =>
        {
            string[] roots = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            var results = new List<(string Root, ProjectFile File, Instruction[]? Instructions)>();
            foreach (string root in roots)
            {
                foreach (ProjectFile file in ProjectScanner.Scan(root))
                {
                    Instruction[]? instructions = null;
                    if (file.Kind == ProjectFileKind.Dockerfile)
                    {
                        instructions = ParseOrFail(root, file);
                    }

                    results.Add((root, file, instructions));
                }
            }

            if (parse.GetValue(format) == "json")
            {
                WriteJson(context.Out);
            }
            else
            {
                WriteText(context.Out, results);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Instruction[] ParseOrFail(string root, ProjectFile file)
    {
        string display = DisplayPath(root, file);
        DockerfileSyntax syntax = DockerfileParser.Parse(File.ReadAllText(file.FullPath), display);
        Diagnostic? error = syntax.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            throw new CliException($"{display}:{error.Start.Line}: {error.Message}");
        }

        return [.. syntax.Instructions];
    }

    private static string DisplayPath(string root, ProjectFile file) =>
        File.Exists(root) ? root : Path.Join(root, file.RelativePath).Replace('\\', '/');

    private static void WriteText(TextWriter output, List<(string Root, ProjectFile File, Instruction[]? Instructions)> results)
    {
        int width = results.Count == 0 ? 0 : results.Max(r => DisplayPath(r.Root, r.File).Length);
        foreach ((string root, ProjectFile file, Instruction[]? instructions) in results)
        {
            string detail = instructions is null ? "" : DescribeDockerfile(instructions);
            output.WriteLine($"{DisplayPath(root, file).PadRight(width)}  {Describe(file.Kind)}{detail}");
        }

        int dockerfiles = results.Count(r => r.File.Kind == ProjectFileKind.Dockerfile);
        output.WriteLine();
        output.WriteLine($"Read {results.Count} file(s), {dockerfiles} Dockerfile(s) parsed. 0 findings (no rules are enabled in this version).");
    }

    private static string DescribeDockerfile(Instruction[] instructions)
    {
        string[] bases = [.. instructions.Where(i => i.Name == InstructionNames.From && i.Args.Length > 0).Select(i => i.Args[0])];
        return $": {instructions.Length} instructions, {bases.Length} stage(s) from {string.Join(", ", bases)}";
    }

    private static string Describe(ProjectFileKind kind) => kind switch
    {
        ProjectFileKind.Dockerfile => "Dockerfile",
        ProjectFileKind.DockerIgnore => ".dockerignore",
        ProjectFileKind.Requirements => "Python requirements",
        ProjectFileKind.PyProject => "pyproject.toml",
        ProjectFileKind.PythonLock => "Python lock file",
        ProjectFileKind.Workflow => "GitHub Actions workflow",
        ProjectFileKind.Compose => "Compose file",
        ProjectFileKind.PackageJson => "package.json",
        ProjectFileKind.PackageLock => "npm lock file",
        ProjectFileKind.TsConfig => "tsconfig",
        ProjectFileKind.PythonToolConfig => "Python tool config",
        ProjectFileKind.PreCommitConfig => "pre-commit config",
        _ => kind.ToString(),
    };

    private static void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartArray("findings");
            json.WriteEndArray();
            json.WriteStartArray("predictions");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
