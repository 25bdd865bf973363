using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Project;
using Headroom.Text;

namespace Headroom.Rules.Models;

/// <summary>
/// A Dockerfile as the rules see it: its text, lossless syntax tree, stage graph (with the check's
/// build args and target) and the scripts of each RUN (with the ENV and ARG values in force there).
/// A Dockerfile that BuildKit would reject is an <see cref="InputException"/> (exit 2).
/// </summary>
public sealed class DockerfileDocument
{
    private readonly Dictionary<Instruction, IReadOnlyList<RunScript>> _scripts = [];

    private DockerfileDocument(string path, SourceText source, DockerfileSyntax syntax, BuildDefinition build)
    {
        Path = path;
        Source = source;
        Syntax = syntax;
        Build = build;
    }

    /// <summary>Relative to the checked root, with <c>/</c>.</summary>
    public string Path { get; }

    public SourceText Source { get; }

    public DockerfileSyntax Syntax { get; }

    public BuildDefinition Build { get; }

    /// <summary>The folder holding the Dockerfile ("" for the root): the build context unless a workflow or compose file says otherwise.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)?.Replace('\\', '/') ?? string.Empty;

    /// <summary>Every Dockerfile of the project, parsed once.</summary>
    public static IReadOnlyList<DockerfileDocument> All(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. context.Project.FilesOfKind(ProjectFileKind.Dockerfile).Select(f => Get(context, f.RelativePath))];
    }

    /// <summary>The Dockerfile at <paramref name="path"/>, parsed once per project.</summary>
    public static DockerfileDocument Get(CheckContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Project.GetOrAdd(path, p => Load(context, p));
    }

    /// <summary>The scripts the RUN instruction executes (empty for other instructions).</summary>
    public IReadOnlyList<RunScript> ScriptsOf(BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        Instruction run = instruction.Instruction.Inner ?? instruction.Instruction;
        if (run.Name != InstructionNames.Run)
        {
            return [];
        }

        lock (_scripts)
        {
            if (!_scripts.TryGetValue(run, out IReadOnlyList<RunScript>? scripts))
            {
                scripts = RunScripts.Analyze(run, Build.GetRunEnvironment(instruction).Pairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
                _scripts[run] = scripts;
            }

            return scripts;
        }
    }

    private static DockerfileDocument Load(CheckContext context, string path)
    {
        SourceText source = context.Project.ReadSource(path)
            ?? throw new InputException($"{path}: cannot read the file");
        DockerfileSyntax syntax = DockerfileParser.Parse(source.Text, path);
        if (syntax.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InputException($"{path}:{error.Start.Line}: {error.Message}");
        }

        BuildDefinition build = BuildDefinition.Create(syntax, context.Options.Build);
        return new DockerfileDocument(path, syntax.Source, syntax, build);
    }
}
