using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Python;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Prediction;

/// <summary>
/// Finds the lock file an install reads and what it asks of it, as the tools document it:
/// <list type="bullet">
/// <item><c>uv sync</c> reads <c>uv.lock</c> beside the project's pyproject.toml (the working directory, or
/// <c>--project</c>/<c>--directory</c>); it installs the project's dependencies, the <c>dev</c> group unless
/// <c>--no-dev</c>/<c>--no-default-groups</c>, <c>--group</c>/<c>--only-group</c>/<c>--all-groups</c>,
/// <c>--extra</c>/<c>--all-extras</c>, not <c>--no-install-package</c>; <c>--frozen</c>/<c>--locked</c> do not
/// change what is installed; into <c>.venv</c> in the project (or <c>UV_PROJECT_ENVIRONMENT</c>) (uv docs,
/// "Locking and syncing" and "Dependency groups"; the dev group is a default group since uv 0.4.27).</item>
/// <item><c>poetry install</c> reads <c>poetry.lock</c> beside pyproject.toml: every non-optional group unless
/// <c>--only</c>/<c>--without</c> (1.x's <c>--no-dev</c>), optional ones with <c>--with</c>, extras with
/// <c>-E</c>/<c>--all-extras</c>; into a virtualenv under poetry's cache unless <c>virtualenvs.create false</c>
/// (the image's site-packages) or <c>virtualenvs.in-project true</c> (<c>.venv</c>), by <c>poetry config</c> or
/// <c>POETRY_VIRTUALENVS_*</c> (python-poetry.org, "Configuration", 2.x).</item>
/// <item><c>uv pip install -r pylock.toml</c> and <c>uv pip sync pylock.toml</c> (uv 0.6.15+), and
/// <c>pip install -r pylock.toml</c>, which pip reads only from 26.1 (experimental; pip's changelog, 2026-04-26).</item>
/// </list>
/// The lock file is mapped from the container path to the repository through the stage's COPY instructions and
/// the RUN's bind mounts (<see cref="ContainerPaths"/>). A malformed lock file is an <see cref="InputException"/>
/// naming the file and line.
/// </summary>
internal static class LockInstalls
{
    /// <summary>A <c>uv sync</c> or <c>poetry install</c>; null (with a note) when its lock file is not in the build context.</summary>
    public static LockInstall? FromProject(CheckContext context, DockerfileDocument document, ProjectInstallInvocation tool, RunScript script, BuildInstruction instruction, StageBuild state, ICollection<string> notes)
    {
        string where = $"{document.Path}:{instruction.Line}";
        if (FindLock(context, document, tool, instruction, where, notes) is not { } found)
        {
            return null;
        }

        string? home = PackageCaches.HomeOf(tool, instruction);
        return tool.IsPoetry
            ? Poetry(context, document, tool, script, instruction, state, found, home, where)
            : Uv(tool, script, instruction, found, home, where);
    }

    /// <summary>The project folder of a uv or poetry command, and its lock file and pyproject.toml in the repository; null (with a note) when the lock is not there.</summary>
    private static ProjectFiles? FindLock(CheckContext context, DockerfileDocument document, ProjectInstallInvocation tool, BuildInstruction instruction, string where, ICollection<string> notes)
    {
        string workdir = ContainerPaths.WorkingDirectory(instruction);
        string project = ContainerPaths.Join(workdir, (tool.IsPoetry ? tool.FindOption("--directory") ?? tool.FindOption("--project") : tool.FindOption("--project") ?? tool.FindOption("--directory"))?.Value ?? ".");
        string lockName = tool.IsPoetry ? "poetry.lock" : "uv.lock";
        string command = $"{(tool.IsPoetry ? "poetry" : "uv")} {tool.SubcommandWord?.Value}";
        string containerLock = ContainerPaths.Join(project, lockName);
        if (ContainerPaths.ToRepositoryPath(context, document, instruction, containerLock) is not { } lockPath)
        {
            notes.Add($"{where}: {command} finds no {lockName} at {containerLock} from the build context (a COPY or a bind mount): its packages are not counted");
            return null;
        }

        return new ProjectFiles(Load(context, lockPath), lockPath, ContainerPaths.ToRepositoryPath(context, document, instruction, ContainerPaths.Join(project, "pyproject.toml")), project);
    }

    /// <summary>
    /// A pip/uv pip install that reads a lock: a pylock.toml (<c>-r</c>, or <c>uv pip sync</c>'s operand) of the build
    /// context, or a file that an earlier <c>uv export</c>/<c>poetry export</c> of the stage chain wrote (<c>-o FILE</c>,
    /// or piped into <c>-r /dev/stdin</c> in the same RUN): then the exported lock's packages. Null when it reads none.
    /// </summary>
    public static LockInstall? FromPip(CheckContext context, TorchInstall install, string location, ICollection<string> notes)
    {
        PipInvocation pip = install.Run.Invocation;
        BuildInstruction instruction = install.Run.Instruction;
        DockerfileDocument document = install.Run.Document;
        string where = $"{document.Path}:{instruction.Line}";
        IEnumerable<string?> files = pip.RequirementFiles.Select(o => o.Value).Concat(pip.Kind == PipCommandKind.Sync ? pip.Operands.Select(w => w.Value) : []);
        foreach (string file in files.OfType<string>())
        {
            string command = pip.IsUv ? $"uv pip {(pip.Kind == PipCommandKind.Sync ? "sync" : "install -r")} {file}" : $"pip install -r {file}";
            string? path = ContainerPaths.ToRepositoryPath(context, document, instruction, file);
            if (path is null && ExportOf(document, install.Run.Script, pip, instruction, file) is ({ } export, { } at))
            {
                string exportWhere = $"{document.Path}:{at.Line}";
                if (FindLock(context, document, export, at, exportWhere, notes) is not { } found)
                {
                    return null;
                }

                LockRequest exported = export.IsPoetry ? PoetryRequest(context, export, found, export: true) : UvRequest(export, at);
                return new LockInstall($"{command} (exported from {found.LockPath} at line {at.Line})", found.Lock, found.LockPath, exported, location, where) { SharesEnvironment = true };
            }

            if (!LockFile.IsPylockName(file))
            {
                continue;
            }

            if (path is null)
            {
                notes.Add($"{where}: {command}: {file} is not a file of the build context (a COPY or a bind mount): its packages are not counted");
                return null;
            }

            if (!pip.IsUv)
            {
                notes.Add($"{where}: pip reads a pylock.toml with -r only from pip 26.1 (experimental, pip's changelog 2026-04-26); an older pip fails on it (sized as if it installed)");
            }

            var request = new LockRequest
            {
                Extras = pip.GetOptions("--extra").Select(o => o.Value).OfType<string>().ToHashSet(StringComparer.Ordinal),
                AllExtras = pip.HasOption("--all-extras"),
                Groups = pip.GetOptions("--group").Any() ? pip.GetOptions("--group").Select(o => o.Value).OfType<string>().ToHashSet(StringComparer.Ordinal) : null,
            };
            return new LockInstall(command, Load(context, path), path, request, location, where) { SharesEnvironment = true };
        }

        return null;
    }

    /// <summary>
    /// The last <c>uv export</c>/<c>poetry export</c> before <paramref name="pip"/> in its stage chain that writes
    /// <paramref name="file"/> (<c>-o</c>; a pipe into <c>/dev/stdin</c> or <c>-</c> in the same RUN), with its RUN.
    /// </summary>
    private static (ProjectInstallInvocation? Export, BuildInstruction? At) ExportOf(DockerfileDocument document, RunScript script, PipInvocation pip, BuildInstruction instruction, string file)
    {
        IEnumerable<ProjectInstallInvocation> Exports(RunScript s) =>
            s.Script.InvocationsOf<ProjectInstallInvocation>().Where(e => e.Kind == ProjectCommandKind.Export);
        string? OutputOf(ProjectInstallInvocation e) => e.FindOption(e.IsPoetry ? "--output" : "--output-file")?.Value;

        if (file is "/dev/stdin" or "-")
        {
            ProjectInstallInvocation? piped = Exports(script).LastOrDefault(e => e.Span.End <= pip.Span.Start && OutputOf(e) is null);
            return (piped, piped is null ? null : instruction);
        }

        string target = ContainerPaths.Join(ContainerPaths.WorkingDirectory(instruction), file);
        (ProjectInstallInvocation?, BuildInstruction?) found = (null, null);
        foreach (BuildInstruction run in ContainerPaths.Before(instruction).Append(instruction).Where(i => i.Instruction.Name == InstructionNames.Run))
        {
            string workdir = ContainerPaths.WorkingDirectory(run);
            foreach (ProjectInstallInvocation export in document.ScriptsOf(run).SelectMany(Exports))
            {
                if ((!ReferenceEquals(run, instruction) || export.Span.End <= pip.Span.Start) && OutputOf(export) is { } output && ContainerPaths.Join(workdir, output) == target)
                {
                    found = (export, run);
                }
            }
        }

        return found;
    }

    /// <summary>The lock file parsed once per check; a TOML error or a bad marker stops the run (exit 2) with its file and line.</summary>
    internal static LockFile Load(CheckContext context, string path)
    {
        LockFile lockFile = context.Project.GetOrAdd("<lock>" + path, _ =>
            LockFile.Parse(context.Project.ReadSource(path) ?? throw new InputException($"{path}: cannot read the file")));
        if (lockFile.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InputException($"{path}:{error.Start.Line}: {error.Message}");
        }

        return lockFile;
    }

    private static LockInstall Uv(ProjectInstallInvocation uv, RunScript script, BuildInstruction instruction, ProjectFiles found, string? home, string where)
    {
        string location = Variable(uv, instruction, "UV_PROJECT_ENVIRONMENT") is { Length: > 0 } environment ? ContainerPaths.Join(found.Project, environment) : ContainerPaths.Join(found.Project, ".venv");
        string? cache = uv.FindOption("--cache-dir")?.Value ?? Variable(uv, instruction, "UV_CACHE_DIR") ?? CacheUnder(uv, instruction, home, "uv");
        bool noCache = uv.HasOption("--no-cache") || Variable(uv, instruction, "UV_NO_CACHE") is { Length: > 0 } and not ("0" or "false");
        bool kept = !noCache && KeepsCache(uv, script, instruction, cache, home, uv: true);
        return new LockInstall("uv sync", found.Lock, found.LockPath, UvRequest(uv, instruction), location, where)
        {
            Skipped = uv.ListOf("--no-install-package").Select(PackageName.Normalize).ToHashSet(StringComparer.Ordinal),
            CacheName = kept ? "uv cache" : null,
            CacheDirectory = cache ?? "~/.cache/uv",
            CopiesFromCache = (uv.FindOption("--link-mode")?.Value ?? Variable(uv, instruction, "UV_LINK_MODE")) == "copy",
        };
    }

    /// <summary>uv's group and extra options (the same for <c>uv sync</c> and <c>uv export</c>).</summary>
    private static LockRequest UvRequest(ProjectInstallInvocation uv, BuildInstruction instruction)
    {
        string[] only = [.. uv.ListOf("--only-group"), .. uv.HasOption("--only-dev") ? ["dev"] : Array.Empty<string>()];
        var groups = new HashSet<string>(uv.ListOf("--group"), StringComparer.Ordinal);
        if (only.Length > 0)
        {
            groups = [.. only];
        }
        else if (!uv.HasOption("--no-default-groups"))
        {
            groups.Add("dev");
        }

        var excluded = new HashSet<string>(uv.ListOf("--no-group"), StringComparer.Ordinal);
        if (uv.HasOption("--no-dev") || Variable(uv, instruction, "UV_NO_DEV") is "1" or "true")
        {
            excluded.Add("dev");
        }

        return new LockRequest
        {
            Extras = uv.ListOf("--extra").ToHashSet(StringComparer.Ordinal),
            AllExtras = uv.HasOption("--all-extras"),
            Groups = groups,
            ExcludedGroups = excluded,
            AllGroups = uv.HasOption("--all-groups"),
            OnlyGroups = only.Length > 0,
        };
    }

    private static LockInstall? Poetry(CheckContext context, DockerfileDocument document, ProjectInstallInvocation poetry, RunScript script, BuildInstruction instruction, StageBuild state, ProjectFiles found, string? home, string where)
    {
        if (poetry.HasOption("--only-root"))
        {
            return null;
        }

        string cache = Variable(poetry, instruction, "POETRY_CACHE_DIR") ?? CacheUnder(poetry, instruction, home, "pypoetry") ?? "~/.cache/pypoetry";
        bool create = PoetrySetting(document, poetry, script, instruction, "virtualenvs.create", "POETRY_VIRTUALENVS_CREATE") is not ("false" or "0");
        bool inProject = PoetrySetting(document, poetry, script, instruction, "virtualenvs.in-project", "POETRY_VIRTUALENVS_IN_PROJECT") is "true" or "1";
        string location = !create ? (state.Python is { } python ? $"/usr/local/lib/python{python}/site-packages" : "/usr/local/lib")
            : inProject ? ContainerPaths.Join(found.Project, ".venv")
            : Variable(poetry, instruction, "POETRY_VIRTUALENVS_PATH") ?? cache.TrimEnd('/') + "/virtualenvs";
        bool kept = !poetry.HasOption("--no-cache") && KeepsCache(poetry, script, instruction, cache, home, uv: false);
        return new LockInstall("poetry install", found.Lock, found.LockPath, PoetryRequest(context, poetry, found, export: false), location, where)
        {
            SharesEnvironment = !create,
            CacheName = kept ? "poetry cache" : null,
            CacheDirectory = cache,
        };
    }

    /// <summary>
    /// poetry's group and extra options: <c>install</c> takes every non-optional group by default, <c>export</c> only
    /// <c>main</c> (poetry-plugin-export docs); <c>--with</c> adds, <c>--only</c> replaces, <c>--without</c> removes.
    /// </summary>
    private static LockRequest PoetryRequest(CheckContext context, ProjectInstallInvocation poetry, ProjectFiles found, bool export)
    {
        (IReadOnlyList<(string Group, LockedDependency Dependency)> roots, IReadOnlySet<string> optionalGroups) = found.PyProjectPath is { } pyproject && context.Project.ReadSource(pyproject) is { } text
            ? PoetryProject.Read(text)
            : ([], new HashSet<string>(StringComparer.Ordinal));
        var all = new HashSet<string>(found.Lock.Packages.SelectMany(p => p.Groups ?? []).Concat(roots.Select(r => r.Group)), StringComparer.Ordinal) { "main" };
        IReadOnlyList<string> only = poetry.ListOf("--only");
        IEnumerable<string> defaults = export ? ["main"] : all.Where(g => !optionalGroups.Contains(g));
        var groups = only.Count > 0 ? only.ToHashSet(StringComparer.Ordinal) : defaults.Concat(poetry.ListOf("--with")).ToHashSet(StringComparer.Ordinal);
        var excluded = new HashSet<string>(poetry.ListOf("--without"), StringComparer.Ordinal);
        if (poetry.HasOption("--no-dev"))
        {
            excluded.Add("dev");
        }

        return new LockRequest
        {
            Extras = poetry.ListOf("--extras").ToHashSet(StringComparer.Ordinal),
            AllExtras = poetry.HasOption("--all-extras"),
            Groups = groups,
            ExcludedGroups = excluded,
            AllGroups = poetry.HasOption("--all-groups"),
            OnlyGroups = only.Count > 0 && !only.Contains("main"),
            Roots = roots,
        };
    }

    /// <summary>A poetry setting: the last <c>poetry config KEY VALUE</c> before the install (this RUN, or an earlier one of the stage chain), else its <c>POETRY_*</c> variable.</summary>
    private static string? PoetrySetting(DockerfileDocument document, ProjectInstallInvocation poetry, RunScript script, BuildInstruction instruction, string key, string variable)
    {
        IEnumerable<ProjectInstallInvocation> earlier = ContainerPaths.Before(instruction)
            .Where(i => i.Instruction.Name == InstructionNames.Run)
            .SelectMany(i => document.ScriptsOf(i).SelectMany(s => s.Script.InvocationsOf<ProjectInstallInvocation>()))
            .Concat(script.Script.InvocationsOf<ProjectInstallInvocation>().Where(c => c.Span.End <= poetry.Span.Start));
        string? configured = earlier.LastOrDefault(c => c.IsPoetry && c.Kind == ProjectCommandKind.Config && c.Operands.Length >= 2 && c.Operands[0].Value == key)?.Operands[1].Value;
        return (configured ?? Variable(poetry, instruction, variable))?.ToLowerInvariant();
    }

    private static string? CacheUnder(ToolInvocation tool, BuildInstruction instruction, string? home, string leaf) =>
        Variable(tool, instruction, "XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg.TrimEnd('/') + "/" + leaf
        : home is null ? null : home.TrimEnd('/') + "/.cache/" + leaf;

    /// <summary>True unless a cache or tmpfs mount covers the cache, or a later command of the RUN removes it (<c>rm</c>, <c>uv cache clean</c>).</summary>
    private static bool KeepsCache(ToolInvocation tool, RunScript script, BuildInstruction instruction, string? cache, string? home, bool uv)
    {
        if (PackageCaches.MountOver(instruction, cache, uv) is not null || (!uv && RunMounts.Of(instruction).Any(m => m.Type is "cache" or "tmpfs" && m.Target is { } t && t.TrimEnd('/').EndsWith("/pypoetry", StringComparison.Ordinal))))
        {
            return false;
        }

        foreach (ToolInvocation later in script.Script.Invocations.Where(i => i.Span.Start >= tool.Span.End))
        {
            if (later is RemoveInvocation rm && rm.Paths.Any(p => PackageCaches.ResolveWord(p, home) is { } path && (cache is null ? PackageCaches.Covers(path, null, uv) : ShellPaths.RemovesContentsOf(path, cache))))
            {
                return false;
            }
        }

        return !(uv && script.Script.Commands.Any(c => c.Span.Start >= tool.Span.End && PackageCaches.IsUvCacheClean(c)));
    }

    private static string? Variable(ToolInvocation tool, BuildInstruction instruction, string name) =>
        tool.Environment.Find(name)?.Value ?? instruction.Variables[name];

    /// <summary>A project's folder in the image and its files in the repository.</summary>
    private sealed record ProjectFiles(LockFile Lock, string LockPath, string? PyProjectPath, string Project);
}
