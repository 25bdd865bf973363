using Headroom.Compose;
using Headroom.Knowledge;
using Headroom.Project;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Workflows;

namespace Headroom.Prediction.Ci;

/// <summary>
/// Reads one job of a workflow into the <see cref="CiDiskEvent"/>s of <see cref="CiDiskModel"/>: docker/build-push-action
/// builds (with the builder of the docker/setup-buildx-action before them), <c>docker build</c>, <c>docker buildx build</c>,
/// compose builds and pulls, <c>docker pull</c>/<c>run</c> of images not built in the job, <c>services:</c> and
/// <c>container:</c> images, and the known clean-ups (jlumbroso/free-disk-space, easimon/maximize-build-space,
/// <c>rm -rf</c> of preinstalled folders). Build costs come from an <see cref="IImageCostSource"/>, pulled images' sizes from
/// <see cref="BaseImageTable"/>.
/// </summary>
public sealed class CiJobReader
{
    private readonly CheckContext _context;
    private readonly IImageCostSource _costs;
    private readonly string _platform;

    public CiJobReader(CheckContext context, IImageCostSource costs, string platform = "linux/amd64")
    {
        _context = context;
        _costs = costs;
        _platform = platform;
    }

    public IReadOnlyList<CiDiskEvent> Read(WorkflowDocument document, Job job)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(job);
        var events = new List<CiDiskEvent>();
        var images = new HashSet<string>(StringComparer.Ordinal);
        foreach (JobContainer container in job.Services.Append(job.Container).OfType<JobContainer>())
        {
            if (container.Image is { IsNull: false } image && !image.Value.Contains("${{", StringComparison.Ordinal))
            {
                Pull(events, images, -1, image.Start.Line, image.Value);
            }
        }

        Step? setup = null;
        foreach (Step step in job.Steps)
        {
            switch (step.Uses?.ActionName)
            {
                case BuildxSteps.SetupBuildx:
                    setup = step;
                    continue;
                case BuildxSteps.BuildPush:
                    BuildPush(events, images, new BuildxBuild(step, setup));
                    continue;
                case "jlumbroso/free-disk-space":
                    Cleanups(events, step, RunnerCleanups.FreeDiskSpace(step.GetInput));
                    continue;
                case "easimon/maximize-build-space":
                    Cleanups(events, step, RunnerCleanups.MaximizeBuildSpace(step.GetInput));
                    continue;
            }

            if (step.Uses is { Kind: ActionReferenceKind.Docker, DockerImage: { } dockerImage } uses)
            {
                Pull(events, images, step.Index, uses.Start.Line, dockerImage);
            }

            if (step.Run is { } run && document.ScriptOf(step) is { } script)
            {
                ReadScript(events, images, document, step, run, script, setup);
            }
        }

        return events;
    }

    private void BuildPush(List<CiDiskEvent> events, HashSet<string> images, BuildxBuild build)
    {
        Step step = build.Step;
        string context = step.GetInput("context")?.Trim() is { Length: > 0 } c ? c : ".";
        string? file = step.GetInput("file")?.Trim();
        string? dockerfile = Dockerfile(string.Empty, context, file);
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in BuildxSteps.ListInput(step, "build-args"))
        {
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                args[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            }
        }

        string? target = step.GetInput("target")?.Trim() is { Length: > 0 } t ? t : null;
        bool container = build.Setup is not null && build.Driver != "docker";
        CiCacheExport cache = build.CacheTo.Count == 0 ? CiCacheExport.None
            : build.CacheTo.Any(c => c.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("mode=max", StringComparison.Ordinal)) ? CiCacheExport.Max
            : CiCacheExport.Min;
        events.Add(new CiImageBuild(
            step.Index,
            step.Uses!.Start.Line,
            dockerfile ?? $"the image of line {step.Uses.Start.Line}",
            dockerfile is null ? null : Cost(dockerfile, args, target),
            container,
            build.Loads || !build.BuilderKeepsResult,
            build.Pushes,
            cache,
            FileOutput(build.Outputs)));
        foreach (string tag in build.Tags)
        {
            images.Add(BuildxSteps.NormalizeImage(tag));
        }
    }

    private void ReadScript(List<CiDiskEvent> events, HashSet<string> images, WorkflowDocument document, Step step, RunScript run, ShellScript script, Step? setup)
    {
        string? folder = WorkflowFiles.StartFolder(run.WorkingDirectory);
        bool containerBuilder = setup is not null && new BuildxBuild(step, setup).Driver != "docker";
        foreach (SimpleCommand command in script.Commands)
        {
            int line = LineOf(document, run, command);
            string? name = command.CommandBaseName;
            List<ShellWord> args = [.. command.Arguments];
            string?[] values = [.. args.Select(a => a.Value)];
            if (name == "rm")
            {
                foreach (string? path in values.Where(v => v is not null && !v.StartsWith('-')))
                {
                    if (RunnerCleanups.ForPath(path!) is { } cleanup)
                    {
                        events.Add(new CiCleanup(step.Index, line, $"rm -rf {path}", cleanup.FreedBytes));
                    }
                }

                continue;
            }

            if (name == "docker-compose" || (name == "docker" && values.FirstOrDefault() == "compose"))
            {
                Compose(events, images, step, line, folder, name == "docker" ? values[1..] : values, containerBuilder);
                continue;
            }

            if (name != "docker")
            {
                continue;
            }

            if (values is ["build", ..] or ["buildx", "build", ..] or ["image", "build", ..] or ["builder", "build", ..])
            {
                bool buildx = values[0] == "buildx";
                DockerBuild(events, images, step, line, folder, values[(buildx || values[0] is "image" or "builder" ? 2 : 1)..], buildx, containerBuilder);
                continue;
            }

            if (DockerImageCommand.Of(command) is { Verb: "pull" or "run" or "create" } docker)
            {
                foreach (ShellWord word in docker.Images)
                {
                    if (word.Value is { } image)
                    {
                        Pull(events, images, step.Index, line, image);
                    }
                }
            }
        }
    }

    /// <summary><c>docker build</c> (the engine's builder, or the buildx builder that setup-buildx-action made the default, loading the result) and <c>docker buildx build</c>.</summary>
    private void DockerBuild(List<CiDiskEvent> events, HashSet<string> images, Step step, int line, string? folder, string?[] args, bool buildx, bool containerBuilder)
    {
        string? file = null;
        string? target = null;
        string? context = null;
        bool load = !buildx;
        bool push = false;
        CiCacheExport cache = CiCacheExport.None;
        CiFileOutput output = CiFileOutput.None;
        var buildArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        var tags = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string? a = args[i];
            if (a is null)
            {
                continue;
            }

            (string option, string? value) = a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)
                ? (a[..a.IndexOf('=', StringComparison.Ordinal)], a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..])
                : (a, null);
            string? Next() => value ?? (i + 1 < args.Length ? args[++i] : null);
            switch (option)
            {
                case "-f" or "--file":
                    file = Next();
                    break;
                case "--target":
                    target = Next();
                    break;
                case "-t" or "--tag":
                    if (Next() is { } tag)
                    {
                        tags.Add(tag);
                    }

                    break;
                case "--build-arg":
                    if (Next() is { } kv && kv.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                    {
                        buildArgs[kv[..eq]] = kv[(eq + 1)..];
                    }

                    break;
                case "--load":
                    load = true;
                    break;
                case "--push":
                    push = true;
                    break;
                case "--cache-to":
                    cache = Next()?.Contains("mode=max", StringComparison.Ordinal) == true ? CiCacheExport.Max : CiCacheExport.Min;
                    break;
                case "-o" or "--output":
                    output = FileOutput([Next() ?? string.Empty]);
                    load |= output == CiFileOutput.None;
                    break;
                case "--platform" or "--label" or "--secret" or "--ssh" or "--cache-from" or "--network" or "--progress" or "--builder" or "--iidfile" or "--metadata-file" or "--build-context" or "--shm-size" or "--ulimit" or "--add-host":
                    Next();
                    break;
                default:
                    if (!option.StartsWith('-'))
                    {
                        context = option;
                    }

                    break;
            }
        }

        if (folder is null || context is null)
        {
            events.Add(new CiImageBuild(step.Index, line, $"the docker build at line {line}", null, containerBuilder, load, push, cache, output));
            return;
        }

        string? dockerfile = Dockerfile(folder, context, file is null ? null : RepositoryPath.Combine(folder, file) ?? file);
        events.Add(new CiImageBuild(
            step.Index,
            line,
            dockerfile ?? $"the docker build at line {line}",
            dockerfile is null ? null : Cost(dockerfile, buildArgs, target),
            containerBuilder,
            load,
            push,
            cache,
            output));
        images.UnionWith(tags.Select(BuildxSteps.NormalizeImage));
    }

    /// <summary><c>docker compose [-f FILE] up|build|run|create|pull</c>: builds the services that have <c>build:</c> (with <c>--build</c>, or when their image is not there yet) and pulls the others' images.</summary>
    private void Compose(List<CiDiskEvent> events, HashSet<string> images, Step step, int line, string? folder, string?[] args, bool containerBuilder)
    {
        var files = new List<string>();
        string? verb = null;
        for (int i = 0; i < args.Length && verb is null; i++)
        {
            switch (args[i])
            {
                case "-f" or "--file":
                    if (i + 1 < args.Length && args[++i] is { } f)
                    {
                        files.Add(f);
                    }

                    break;
                case "-p" or "--project-name" or "--project-directory" or "--env-file" or "--profile":
                    i++;
                    break;
                case { } word when !word.StartsWith('-'):
                    verb = word;
                    break;
            }
        }

        if (verb is not ("up" or "build" or "run" or "create" or "pull") || folder is null)
        {
            return;
        }

        if (files.Count == 0)
        {
            string? found = ((string[])["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"])
                .Select(n => RepositoryPath.Combine(folder, n))
                .FirstOrDefault(p => p is not null && _context.Project.Repository.FileExists(p));
            if (found is null)
            {
                return;
            }

            files.Add(found);
        }
        else
        {
            files = [.. files.Select(f => RepositoryPath.Combine(folder, f)).OfType<string>()];
        }

        foreach (string path in files)
        {
            if (_context.Project.ReadSource(path) is not { } source)
            {
                continue;
            }

            ComposeFile compose = _context.Project.GetOrAdd(path, _ => ComposeFile.Read(source));
            string dir = RepositoryPath.GetDirectory(path);
            foreach (ComposeService service in compose.Services)
            {
                string? image = service.Image?.Value;
                if (service.Build is { } build && verb != "pull")
                {
                    string? dockerfile = Dockerfile(dir, build.ContextPath, build.Dockerfile is null ? null : RepositoryPath.Combine(RepositoryPath.Combine(dir, build.ContextPath) ?? dir, build.DockerfilePath));
                    var buildArgs = build.Args.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value!, StringComparer.Ordinal);
                    string label = dockerfile ?? $"service {service.Name} of {path}";
                    events.Add(new CiImageBuild(step.Index, line, label, dockerfile is null ? null : Cost(dockerfile, buildArgs, build.Target?.Value), containerBuilder, Load: true, Push: false, CiCacheExport.None, CiFileOutput.None));
                    if (image is not null)
                    {
                        images.Add(BuildxSteps.NormalizeImage(image));
                    }
                }
                else if (image is not null && service.Build is null)
                {
                    Pull(events, images, step.Index, line, image);
                }
            }
        }
    }

    private void Cleanups(List<CiDiskEvent> events, Step step, IReadOnlyList<RunnerCleanup> rows)
    {
        foreach (RunnerCleanup row in rows)
        {
            events.Add(new CiCleanup(step.Index, step.Uses!.Start.Line, $"{step.Uses.ActionName}: {row.Name}", row.FreedBytes));
        }
    }

    private void Pull(List<CiDiskEvent> events, HashSet<string> images, int stepIndex, int line, string image)
    {
        if (image.Contains('$', StringComparison.Ordinal) || !images.Add(BuildxSteps.NormalizeImage(image)))
        {
            return;
        }

        BaseImageSize? size = BaseImageTable.Resolve(image)?.Image.SizeFor(_platform);
        events.Add(new CiImagePull(stepIndex, line, $"pull {image}", image, size?.UncompressedBytes, size?.CompressedBytes));
    }

    private ImageBuildCost? Cost(string dockerfile, IReadOnlyDictionary<string, string> args, string? target) =>
        _context.Project.Repository.FileExists(dockerfile) ? _costs.Predict(_context, dockerfile, args, target) : null;

    /// <summary>The Dockerfile's repository path: <paramref name="file"/> (already relative to the root) or <c>CONTEXT/Dockerfile</c>; null for expressions and URLs.</summary>
    private static string? Dockerfile(string folder, string context, string? file)
    {
        if (context.Contains("${{", StringComparison.Ordinal) || context.Contains("://", StringComparison.Ordinal) || (file?.Contains("${{", StringComparison.Ordinal) ?? false))
        {
            return null;
        }

        return file is not null ? RepositoryPath.Normalize(file) : RepositoryPath.Combine(RepositoryPath.Combine(folder, context) ?? folder, "Dockerfile");
    }

    private static CiFileOutput FileOutput(IEnumerable<string> outputs)
    {
        foreach (string output in outputs)
        {
            string o = output.Replace(" ", string.Empty, StringComparison.Ordinal);
            bool toFile = o.Contains("dest=", StringComparison.Ordinal) || !o.Contains("type=", StringComparison.Ordinal);
            if (o.Contains("type=tar", StringComparison.Ordinal) || o.Contains("type=local", StringComparison.Ordinal) || (!o.Contains("type=", StringComparison.Ordinal) && o.Length > 0 && o != "-"))
            {
                return CiFileOutput.UnpackedTree;
            }

            if ((o.Contains("type=oci", StringComparison.Ordinal) || o.Contains("type=docker", StringComparison.Ordinal)) && toFile)
            {
                return CiFileOutput.CompressedArchive;
            }
        }

        return CiFileOutput.None;
    }

    private static int LineOf(WorkflowDocument document, RunScript run, SimpleCommand command) =>
        document.ToSourceOffset(run, command.Span.Start) is { } offset ? document.Source.GetPosition(offset).Line : run.Node.Start.Line;
}
