using Headroom.Dockerfiles.Build;
using Headroom.Knowledge;
using Headroom.Project;
using Headroom.Python;
using Headroom.Python.Index;
using Headroom.Shell;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Rules.Models;

/// <summary>
/// Every pip (and uv pip) install of the project for which the target Python is known: Dockerfile RUNs (the
/// Python and C library of the stage's base image, the stage's platform) and workflow <c>run:</c> steps (each
/// Python that setup-python sets up in the same job, on the job's GitHub-hosted Ubuntu runner).
/// </summary>
public static class PythonInstalls
{
    private const string RootName = "<pip-command-line>";

    /// <summary>The installs, computed once per check.</summary>
    public static IReadOnlyList<PythonInstall> All(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Project.GetOrAdd("<python-installs>", _ => (IReadOnlyList<PythonInstall>)[.. FromDockerfiles(context), .. FromWorkflows(context)]);
    }

    /// <summary>
    /// Loads requirement files (repository paths, <c>-c</c> when <c>Constraint</c>) as one pip command line does:
    /// a synthetic root that includes each, so nested <c>-r</c>/<c>-c</c> are followed; null when there are none.
    /// </summary>
    public static RequirementsSet? LoadFiles(CheckContext context, IReadOnlyCollection<(string Path, bool Constraint)> files)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(files);
        // A lock file (-r pylock.toml) is not a requirements file: the predictor reads it as a lock.
        files = [.. files.Where(f => !LockFile.IsPylockName(f.Path))];
        if (files.Count == 0)
        {
            return null;
        }

        string rootText = string.Concat(files.Select(f => (f.Constraint ? "-c " : "-r ") + f.Path + "\n"));
        var loader = new RequirementsLoader(p => p == RootName ? rootText : context.Project.ReadSource(p.TrimStart('/'))?.Text);
        return loader.Load(RootName);
    }

    private static IEnumerable<PythonInstall> FromDockerfiles(CheckContext context)
    {
        foreach (TorchInstall install in TorchInstalls.All(context))
        {
            RunInvocation<PipInvocation> run = install.Run;
            if (TargetOf(run.Document, install.Stage) is not { } target)
            {
                continue;
            }

            PipInvocation pip = run.Invocation;
            LinePosition at = run.Document.Source.GetPosition(run.SourceSpan.Start);
            (IndexConfiguration indexes, bool known) = Indexes(pip, install.Requirements, name => Environment(pip, name));
            yield return new PythonInstall(
                new RelatedLocation(run.Document.Path, at.Line, at.Column, "the install"),
                [target],
                [.. Lines(install.Requirements), .. Operands(pip, run.Document.Source, s => run.Script.ToSourceSpan(s))],
                indexes,
                known)
            {
                Files = FilesOf(install.Requirements),
            };
        }
    }

    private static IEnumerable<PythonInstall> FromWorkflows(CheckContext context)
    {
        List<CiPython> pythons = [.. CiPythons.All(context)];
        if (pythons.Count == 0)
        {
            yield break;
        }

        foreach (WorkflowInvocation<PipInvocation> invocation in WorkflowFiles.Invocations<PipInvocation>(context))
        {
            PipInvocation pip = invocation.Invocation;
            if (pip.Kind is not (PipCommandKind.Install or PipCommandKind.Sync))
            {
                continue;
            }

            PythonTarget[] targets = [.. pythons.Where(p => ReferenceEquals(p.JobNode, invocation.Step.Job)).Select(RunnerTarget).OfType<PythonTarget>().DistinctBy(t => t.Environment)];
            if (targets.Length == 0)
            {
                continue;
            }

            string? folder = invocation.Folder;
            IEnumerable<ShellWord> syncFiles = pip.Kind == PipCommandKind.Sync ? pip.Operands : [];
            List<(string Path, bool Constraint)> files = [];
            foreach ((string? file, bool constraint) in pip.RequirementFiles.Select(o => (o.Value, false)).Concat(syncFiles.Select(w => (w.Value, false))).Concat(pip.ConstraintFiles.Select(o => (o.Value, true))))
            {
                if (file is not null && folder is not null && !file.StartsWith('/') && RepositoryPath.Combine(folder, file) is { } path)
                {
                    files.Add((path, constraint));
                }
            }

            RequirementsSet? requirements = LoadFiles(context, files);
            WorkflowDocument document = WorkflowDocument.Get(context, invocation.Step.Path);
            TextSpan span = invocation.SourceSpan;
            LinePosition at = invocation.Step.Source.GetPosition(span.Start);
            (IndexConfiguration indexes, bool known) = Indexes(pip, requirements, name => Environment(pip, name));
            yield return new PythonInstall(
                new RelatedLocation(invocation.Step.Path, at.Line, at.Column, $"the install (job {invocation.Step.Job.Id})"),
                targets,
                [.. Lines(requirements), .. Operands(pip, invocation.Step.Source, s => document.ToSourceSpan(invocation.Run, s) ?? span)],
                indexes,
                known)
            {
                Files = FilesOf(requirements),
            };
        }
    }

    /// <summary>The Python of a stage's base image (through its parent stages) on the stage's platform, or null.</summary>
    internal static PythonTarget? TargetOf(DockerfileDocument document, BuildStage stage)
    {
        BuildStage root = stage;
        var seen = new HashSet<BuildStage>();
        while (root.BaseStage is { } parent && seen.Add(root))
        {
            root = parent;
        }

        Platform platform = stage.Platform;
        if (platform.Os != "linux" || BaseImageTable.Resolve(root.BaseImage) is not { } match || match.Image.Target(platform.Architecture) is not { } environment)
        {
            return null;
        }

        LinePosition from = document.Source.GetPosition(root.From.Span.Start);
        return new PythonTarget(environment, $"{root.BaseImage}, {document.Path}:{from.Line}", new RelatedLocation(document.Path, from.Line, from.Column, $"the image's Python ({root.BaseImage})"));
    }

    /// <summary>
    /// A setup-python Python on the job's GitHub-hosted Ubuntu runner, or null for other runners (Windows, macOS,
    /// self-hosted, unresolved expressions). glibc per Ubuntu release: the distribution facts of
    /// <see cref="BaseImageTable"/> (jammy 2.35, noble 2.39; focal 2.31 from its Packages index), read 2026-11-30;
    /// <c>ubuntu-latest</c> is 24.04 (actions/runner-images README, November 2026).
    /// </summary>
    private static PythonTarget? RunnerTarget(CiPython python)
    {
        IReadOnlyList<string?> labels = python.JobNode.RunsOn?.ResolveLabels(python.Combination) ?? [];
        string? ubuntu = labels.FirstOrDefault(l => l is not null && l.StartsWith("ubuntu-", StringComparison.Ordinal));
        if (ubuntu is null || labels.Any(l => l is null))
        {
            return null;
        }

        bool arm = ubuntu.EndsWith("-arm", StringComparison.Ordinal);
        string release = arm ? ubuntu[..^4] : ubuntu;
        int? glibc = release switch
        {
            "ubuntu-latest" or "ubuntu-24.04" => 39,
            "ubuntu-22.04" => 35,
            "ubuntu-20.04" => 31,
            _ => null,
        };
        string[] version = python.Version.Split('.');
        if (glibc is null || version[0] != "3")
        {
            return null;
        }

        TargetEnvironment environment = TargetEnvironment.Manylinux(int.Parse(version[1], System.Globalization.CultureInfo.InvariantCulture), arm ? "aarch64" : "x86_64", glibc.Value);
        return new PythonTarget(environment, $"job {python.Job}, {python.Path}:{python.Line}", new RelatedLocation(python.Path, python.Line, python.Column, $"CI's Python {python.Version} (job {python.Job})"));
    }

    private static IEnumerable<InstalledRequirement> Lines(RequirementsSet? requirements) =>
        (requirements?.Requirements ?? []).Where(l => l.Requirement is not null).Select(l => new InstalledRequirement(l.Requirement!, l.Source, l.Span, l));

    private static IEnumerable<InstalledRequirement> Operands(PipInvocation pip, SourceText source, Func<TextSpan, TextSpan> toSource)
    {
        foreach (PackageOperand operand in pip.Packages)
        {
            if (operand.Kind == PackageOperandKind.Name && !operand.IsDynamic && operand.Word.Value is { } text && Requirement.TryParse(text, out Requirement? requirement, out _))
            {
                yield return new InstalledRequirement(requirement, source, toSource(operand.Span), null);
            }
        }
    }

    private static RequirementsFile[] FilesOf(RequirementsSet? requirements) =>
        [.. (requirements?.Files ?? []).Where(f => f.Path != RootName)];

    /// <summary>
    /// The indexes of an install: the command line wins over the requirement files, which win over the
    /// environment (<c>PIP_INDEX_URL</c>; uv's <c>UV_DEFAULT_INDEX</c>/<c>UV_INDEX_URL</c>); extra indexes and
    /// find-links add up. Unknown when an option's value cannot be read or <c>--no-index</c> is given.
    /// </summary>
    internal static (IndexConfiguration, bool Known) Indexes(PipInvocation pip, RequirementsSet? requirements) =>
        Indexes(pip, requirements, name => Environment(pip, name));

    private static (IndexConfiguration, bool Known) Indexes(PipInvocation pip, RequirementsSet? requirements, Func<string, string?> environment)
    {
        bool known = !pip.NoIndex && requirements?.NoIndex != true;
        string? Read(ShellOption option)
        {
            string? value = TorchInstalls.Resolve(pip, option);
            known &= value is not null;
            return value;
        }

        IEnumerable<string> Split(params string[] names) =>
            names.Select(environment).OfType<string>().SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        string? index = pip.IndexUrls.LastOrDefault() is { } option ? Read(option) : requirements?.IndexUrl
            ?? (pip.IsUv ? environment("UV_DEFAULT_INDEX") ?? environment("UV_INDEX_URL") : environment("PIP_INDEX_URL"));
        List<string> extras = [.. pip.ExtraIndexUrls.Select(Read).OfType<string>(), .. requirements?.ExtraIndexUrls ?? [], .. pip.IsUv ? Split("UV_INDEX", "UV_EXTRA_INDEX_URL") : Split("PIP_EXTRA_INDEX_URL")];
        List<string> links = [.. pip.FindLinks.Select(Read).OfType<string>(), .. requirements?.FindLinks ?? [], .. Split(pip.IsUv ? "UV_FIND_LINKS" : "PIP_FIND_LINKS")];
        if (!pip.IsUv)
        {
            return (IndexConfiguration.ForPip(index, extras, links, !known), known);
        }

        IndexStrategy strategy = (pip.FindOption("--index-strategy")?.Value ?? environment("UV_INDEX_STRATEGY")) is "unsafe-best-match" ? IndexStrategy.UvUnsafeBestMatch : IndexStrategy.UvFirstIndex;
        return (IndexConfiguration.ForUv(strategy, index, extras, links, !known), known);
    }

    private static string? Environment(PipInvocation pip, string name) =>
        pip.Environment.Find(name)?.Value is { Length: > 0 } value ? value : null;
}
