using Headroom.Diagnostics;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF009: a COPY/ADD of the whole build context (<c>COPY . .</c>, <c>COPY * ./</c>), or of a folder that holds
/// the dependency manifest, runs before the dependency install (<c>pip install -r</c>, <c>pip install .</c>,
/// <c>npm ci</c>, <c>yarn</c>, <c>pnpm install</c>, <c>poetry install</c>, <c>uv sync</c>, <c>pipenv install</c>).
/// A COPY layer's cache key is the checksum of every file it copies, so any code change invalidates it and
/// every later layer: the install runs again on each build. Silent when the same kind of install already
/// ran before that COPY in the stage chain (the dependencies are then in an earlier, cached layer).
/// </summary>
public sealed class ContextCopyBeforeDepsRule : IRule
{
    private static readonly string[] Manifests =
        ["requirements.txt", "pyproject.toml", "setup.py", "setup.cfg", "Pipfile", "poetry.lock", "uv.lock", "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml"];

    public RuleDescriptor Descriptor { get; } = new(
        "DF009", "context-copy-before-deps", DiagnosticSeverity.Warning,
        "the whole build context is copied before the dependency install", Fixable: false);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            var reported = new HashSet<BuildInstruction>();
            foreach (BuildStage stage in document.Build.Stages)
            {
                foreach (BuildInstruction run in stage.Instructions)
                {
                    if (FirstInstall(document, run) is not { } install)
                    {
                        continue;
                    }

                    List<BuildInstruction> before = [.. ContainerPaths.Before(run)];
                    int copyIndex = before.FindLastIndex(i => CopiesContext(context, document, i, install.Manifest));
                    if (copyIndex < 0)
                    {
                        continue;
                    }

                    BuildInstruction copy = before[copyIndex];
                    if (before.Take(copyIndex).Any(i => FirstInstall(document, i) is { } earlier && earlier.Ecosystem == install.Ecosystem) || !reported.Add(copy))
                    {
                        continue;
                    }

                    string written = ContextCopies.Written(copy);
                    findings.Report(
                        document.Source,
                        ContextCopies.FirstLine(document.Source, copy.Instruction),
                        $"'{written}' at line {copy.Line} comes before '{install.Text}' at line {run.Line}, so every code change invalidates the install layer and the dependencies are installed again on each build; copy only {install.Manifest} first, install, then copy the rest",
                        copy.Line,
                        related: [new RelatedLocation(document.Path, run.Line, 1, "the dependency install that runs again")]);
                }
            }
        }
    }

    /// <summary>The first dependency install in a RUN, or null.</summary>
    private static DependencyInstall? FirstInstall(DockerfileDocument document, BuildInstruction instruction)
    {
        foreach (RunScript script in document.ScriptsOf(instruction))
        {
            foreach (SimpleCommand command in script.Script.Commands)
            {
                if (Classify(command, script.Script) is { } install)
                {
                    return install;
                }
            }
        }

        return null;
    }

    private static DependencyInstall? Classify(SimpleCommand command, ShellScript script)
    {
        string text = command.ToString();
        if (text.Length > 60)
        {
            text = text[..57] + "...";
        }

        ToolInvocation? tool = script.Invocations.FirstOrDefault(i => ReferenceEquals(i.Command, command));
        switch (tool)
        {
            case PipInvocation pip when pip.Kind == PipCommandKind.Install:
                if (pip.RequirementFiles.FirstOrDefault() is { } file)
                {
                    return new DependencyInstall("python", text, file.Value ?? "the requirements file");
                }

                return pip.Packages.Any(p => p.Kind == PackageOperandKind.LocalPath) && !pip.NoDeps
                    ? new DependencyInstall("python", text, "pyproject.toml (or setup.py)")
                    : null;
            case PipInvocation pip when pip.Kind == PipCommandKind.Sync:
                return new DependencyInstall("python", text, pip.Operands.FirstOrDefault()?.Value ?? "the requirements file");
            case NpmInvocation npm when !npm.IsGlobal && npm.Packages.IsEmpty && npm.Kind is NpmCommandKind.Install or NpmCommandKind.CleanInstall:
                return new DependencyInstall("node", text, "package.json and the lock file");
        }

        string[] args = [.. command.Arguments.Select(w => w.Value ?? string.Empty)];
        return command.CommandBaseName switch
        {
            "poetry" when args.FirstOrDefault() == "install" && !args.Contains("--only-root") => new DependencyInstall("python", text, "pyproject.toml and poetry.lock"),
            "uv" when args.FirstOrDefault() == "sync" => new DependencyInstall("python", text, "pyproject.toml and uv.lock"),
            "pipenv" when args.FirstOrDefault() is "install" or "sync" => new DependencyInstall("python", text, "Pipfile and Pipfile.lock"),
            _ => null,
        };
    }

    /// <summary>True for a COPY/ADD from the context of the whole context, or of a folder holding a dependency manifest.</summary>
    private static bool CopiesContext(CheckContext context, DockerfileDocument document, BuildInstruction instruction, string manifest)
    {
        if (!ContextCopies.IsFromContext(instruction))
        {
            return false;
        }

        string manifestName = manifest[(manifest.LastIndexOf('/') + 1)..];
        foreach (string source in instruction.Expanded.Args[..^1])
        {
            string trimmed = source.Trim();
            if (ContextCopies.IsWholeContextSource(trimmed))
            {
                return true;
            }

            if (trimmed.IndexOfAny(['*', '?', '[']) >= 0 || trimmed.Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            string folder = Join(document.Directory, trimmed.Trim('/'));
            if (context.Project.ReadSource(folder) is null
                && Manifests.Append(manifestName).Any(m => context.Project.Repository.FileExists(Join(folder, m))))
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(string directory, string path) =>
        directory.Length == 0 ? path : path.Length == 0 ? directory : directory + "/" + path;

    private sealed record DependencyInstall(string Ecosystem, string Text, string Manifest);
}
