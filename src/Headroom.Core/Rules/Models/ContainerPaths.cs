using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;

namespace Headroom.Rules.Models;

/// <summary>
/// Maps a path inside the image back to the file of the repository that a COPY or ADD of the stage put
/// there (<c>WORKDIR /app</c> + <c>COPY requirements.txt .</c> makes <c>/app/requirements.txt</c> the
/// context's <c>requirements.txt</c>; <c>COPY . .</c> maps the whole folder). The build context is the
/// Dockerfile's folder. Globs, <c>--from</c> and <c>--parents</c> copies are not followed.
/// </summary>
public static class ContainerPaths
{
    /// <summary>The working directory in force at <paramref name="at"/> ("/" when no WORKDIR ran).</summary>
    public static string WorkingDirectory(BuildInstruction at)
    {
        ArgumentNullException.ThrowIfNull(at);
        string workdir = "/";
        foreach (BuildInstruction instruction in Before(at))
        {
            if (instruction.Instruction.Name == InstructionNames.Workdir && instruction.Expanded.Args.Length > 0)
            {
                workdir = Join(workdir, instruction.Expanded.Args[0]);
            }
        }

        return workdir;
    }

    /// <summary>
    /// The repository path (relative to the checked root) of the file at <paramref name="containerPath"/>
    /// (absolute, or relative to the working directory at <paramref name="at"/>), or null when no COPY explains it.
    /// </summary>
    public static string? ToRepositoryPath(CheckContext context, DockerfileDocument document, BuildInstruction at, string containerPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(containerPath);
        string target = Join(WorkingDirectory(at), containerPath);
        if (FromBindMount(context, document, at, target) is { } mounted)
        {
            return mounted;
        }

        string workdir = "/";
        var copies = new List<(string Destination, bool IsDirectory, IReadOnlyList<string> Sources)>();
        foreach (BuildInstruction instruction in Before(at))
        {
            string name = instruction.Instruction.Name;
            if (name == InstructionNames.Workdir && instruction.Expanded.Args.Length > 0)
            {
                workdir = Join(workdir, instruction.Expanded.Args[0]);
            }
            else if ((name == InstructionNames.Copy || name == InstructionNames.Add)
                && instruction.Expanded.Args.Length >= 2
                && instruction.Expanded.GetFlag("from") is null
                && instruction.Expanded.Heredocs.IsEmpty)
            {
                string destination = instruction.Expanded.Args[^1];
                IReadOnlyList<string> sources = instruction.Expanded.Args[..^1];
                bool isDirectory = destination.EndsWith('/') || destination is "." or ".." || sources.Count > 1;
                copies.Add((Join(workdir, destination), isDirectory, sources));
            }
        }

        for (int i = copies.Count - 1; i >= 0; i--)
        {
            (string destination, bool isDirectory, IReadOnlyList<string> sources) = copies[i];
            foreach (string source in sources.Reverse())
            {
                if (source.IndexOfAny(['*', '?', '[']) >= 0 || source.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                string repoSource = RepositoryJoin(document.Directory, source);
                if (Exists(context, repoSource))
                {
                    string file = isDirectory ? Join(destination, FileName(repoSource)) : destination;
                    if (file == target)
                    {
                        return repoSource;
                    }
                }
                else if (target.StartsWith(destination.TrimEnd('/') + "/", StringComparison.Ordinal))
                {
                    string relative = target[(destination.TrimEnd('/').Length + 1)..];
                    string candidate = RepositoryJoin(repoSource, relative);
                    if (Exists(context, candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A RUN's <c>--mount=type=bind,source=S,target=T</c> from the build context (no <c>from</c>) that puts the file
    /// at <paramref name="target"/> there (uv's Docker guide binds <c>uv.lock</c> and <c>pyproject.toml</c> this way), or null.
    /// </summary>
    private static string? FromBindMount(CheckContext context, DockerfileDocument document, BuildInstruction at, string target)
    {
        string workdir = WorkingDirectory(at);
        foreach (RunMount mount in RunMounts.Of(at).Where(m => m.Type == "bind" && m.From is null && m.Target is not null))
        {
            string mountTarget = Join(workdir, mount.Target!);
            string source = mount.Source ?? ".";
            string? candidate = target == mountTarget ? RepositoryJoin(document.Directory, source)
                : target.StartsWith(mountTarget.TrimEnd('/') + "/", StringComparison.Ordinal) ? RepositoryJoin(RepositoryJoin(document.Directory, source), target[(mountTarget.TrimEnd('/').Length + 1)..])
                : null;
            if (candidate is not null && Exists(context, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The instructions that run before <paramref name="at"/> in its stage, its base stages' first.</summary>
    public static IEnumerable<BuildInstruction> Before(BuildInstruction at)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (at.Stage is not { } stage)
        {
            return [];
        }

        var chain = new List<BuildInstruction>();
        var seen = new HashSet<BuildStage>();
        for (BuildStage? s = stage.BaseStage; s is not null && seen.Add(s); s = s.BaseStage)
        {
            chain.InsertRange(0, s.Instructions);
        }

        chain.AddRange(stage.Instructions.TakeWhile(i => !ReferenceEquals(i, at)));
        return chain;
    }

    private static bool Exists(CheckContext context, string path) =>
        path.Length > 0 && context.Project.ReadSource(path) is not null;

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Joins a container path onto a directory and folds <c>.</c> and <c>..</c>.</summary>
    internal static string Join(string directory, string path)
    {
        string joined = path.StartsWith('/') ? path : directory.TrimEnd('/') + "/" + path;
        return "/" + Fold(joined);
    }

    private static string RepositoryJoin(string directory, string path)
    {
        string relative = path.TrimStart('/');
        return Fold(directory.Length == 0 ? relative : directory + "/" + relative);
    }

    /// <summary>Drops empty and <c>.</c> segments and folds <c>..</c> (never above the root).</summary>
    internal static string Fold(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
