using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// What each instruction of a stage and its base stages leaves in its layer, in build order (DF005): COPY/ADD
/// destinations; for RUN, the APT lists of <c>apt-get update</c>, the archives and docs of <c>apt-get install</c>, and the
/// pip, uv and npm caches, each only when the same RUN does not remove it or mount a cache over it.
/// </summary>
internal sealed class LayerWrites
{
    private readonly DockerfileDocument _document;
    private readonly List<BuildInstruction> _chain = [];
    private readonly List<LayerWrite> _writes = [];
    private readonly Dictionary<BuildInstruction, string> _workdirs = [];

    public LayerWrites(DockerfileDocument document, BuildStage stage)
    {
        _document = document;
        var stages = new Stack<BuildStage>();
        for (BuildStage? s = stage; s is not null && !stages.Contains(s); s = s.BaseStage)
        {
            stages.Push(s);
        }

        string workdir = "/";
        foreach (BuildStage s in stages)
        {
            foreach (BuildInstruction instruction in s.Instructions)
            {
                _chain.Add(instruction);
                _workdirs[instruction] = workdir;
                if (instruction.Instruction.Name == InstructionNames.Workdir && instruction.Expanded.Args.FirstOrDefault() is { Length: > 0 } dir)
                {
                    workdir = Join(workdir, dir);
                }

                AddWrites(instruction, workdir);
            }
        }
    }

    /// <summary>The WORKDIR in force at <paramref name="instruction"/> ("/" when the stage and its bases set none).</summary>
    public string WorkdirAt(BuildInstruction instruction) => _workdirs.GetValueOrDefault(instruction, "/");

    /// <summary>The latest earlier instruction that wrote what <paramref name="cleanup"/> removes, or null.</summary>
    public LayerWrite? LatestWriterBefore(BuildInstruction instruction, LayerCleanup cleanup)
    {
        int index = _chain.IndexOf(instruction);
        return _writes.LastOrDefault(w => _chain.IndexOf(w.Instruction) < index && Matches(w, cleanup));
    }

    /// <summary>True when a RUN strictly between the two instructions runs apt or apt-get (and needs its lists).</summary>
    public bool AptUsedBetween(BuildInstruction first, BuildInstruction last)
    {
        int from = _chain.IndexOf(first);
        int to = _chain.IndexOf(last);
        return _chain.Skip(from + 1).Take(Math.Max(0, to - from - 1))
            .Any(i => _document.ScriptsOf(i).Any(s => s.Script.InvocationsOf<AptInvocation>().Any()));
    }

    /// <summary>A path joined to a directory (<paramref name="path"/> wins when absolute); <c>.</c> segments dropped.</summary>
    public static string Join(string directory, string path)
    {
        string joined = path.StartsWith('/') ? path : directory.TrimEnd('/') + "/" + path;
        IEnumerable<string> parts = joined.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        string result = "/" + string.Join('/', parts);
        return path.EndsWith('/') && result.Length > 1 ? result + "/" : result;
    }

    private static bool Matches(LayerWrite write, LayerCleanup cleanup) => (write.Content, cleanup.Content) switch
    {
        (LayerContent.PipCache, LayerContent.PipCache) or (LayerContent.UvCache, LayerContent.UvCache) or (LayerContent.NpmCache, LayerContent.NpmCache) => true,
        (LayerContent.AptArchives, LayerContent.AptArchives) => true,
        (_, LayerContent.Files) when cleanup.Path is { } path => write.Directory is { } dir
            ? ShellPaths.RemovesContentsOf(path, dir.TrimEnd('/')) || IsUnder(path, dir)
            : write.Content is LayerContent.PipCache or LayerContent.UvCache && PackageCaches.Covers(path, null, write.Content == LayerContent.UvCache),
        _ => false,
    };

    private static bool IsUnder(string path, string directory)
    {
        string dir = directory.TrimEnd('/');
        return path.Length > dir.Length + 1 && path.StartsWith(dir + "/", StringComparison.Ordinal);
    }

    private void AddWrites(BuildInstruction instruction, string workdir)
    {
        string name = instruction.Instruction.Name;
        if (name is InstructionNames.Copy or InstructionNames.Add)
        {
            AddCopy(instruction, workdir, name.ToUpperInvariant());
            return;
        }

        foreach (RunScript script in _document.ScriptsOf(instruction))
        {
            foreach (ToolInvocation invocation in script.Script.Invocations)
            {
                switch (invocation)
                {
                    case AptInvocation { Action: AptAction.Update } update
                        when RunMounts.DiscardingMountOver(instruction, AptListsKeptRule.ListsDirectory) is null && !AptListsKeptRule.RemovedAfter(script, update):
                        Add(instruction, script, LayerContent.Files, AptListsKeptRule.ListsDirectory, $"'{update.ToolWord.Value} update'");
                        break;
                    case AptInvocation { Action: AptAction.Install } install:
                        string what = $"'{install.ToolWord.Value} install'";
                        if (!AptCleanedAfter(script, install) && RunMounts.DiscardingMountOver(instruction, "/var/cache/apt/archives") is null)
                        {
                            Add(instruction, script, LayerContent.AptArchives, "/var/cache/apt/archives", what);
                        }

                        Add(instruction, script, LayerContent.Files, "/usr/share/doc", what);
                        Add(instruction, script, LayerContent.Files, "/usr/share/man", what);
                        break;
                    case PipInvocation pip when PackageCaches.KeepsCache(pip, script, instruction):
                        Add(instruction, script, pip.IsUv ? LayerContent.UvCache : LayerContent.PipCache, PackageCaches.DirectoryOf(pip, instruction), pip.IsUv ? "'uv pip install'" : "'pip install'");
                        break;
                    case NpmInvocation { Manager: NodePackageManager.Npm, Kind: NpmCommandKind.Install or NpmCommandKind.CleanInstall } npm
                        when PackageCaches.HomeOf(npm, instruction) is { } home && RunMounts.DiscardingMountOver(instruction, home + "/.npm") is null
                            && !script.Script.InvocationsOf<NpmInvocation>().Any(c => c.Kind == NpmCommandKind.CacheClean && c.Span.Start > npm.Span.End):
                        Add(instruction, script, LayerContent.NpmCache, home + "/.npm", $"'npm {npm.SubcommandWord?.Value}'");
                        break;
                }
            }
        }
    }

    private void AddCopy(BuildInstruction instruction, string workdir, string what)
    {
        if (!instruction.Instruction.Heredocs.IsEmpty || instruction.Expanded.Args.Length < 2)
        {
            return;
        }

        string[] sources = [.. instruction.Expanded.Args[..^1]];
        string destination = instruction.Expanded.Args[^1];
        string target = Join(workdir, destination);
        bool directoryForm = destination.EndsWith('/') || destination is "." or "./" || sources.Length > 1;
        foreach (string source in sources)
        {
            string leaf = source.TrimEnd('/').Split('/')[^1];
            bool looksLikeFile = !source.EndsWith('/') && leaf.Contains('.', StringComparison.Ordinal) && leaf is not ("." or "..") && !leaf.Contains('*', StringComparison.Ordinal);
            string written = directoryForm && looksLikeFile ? Join(target, leaf) : target;
            Add(instruction, null, LayerContent.Files, written.TrimEnd('/'), what);
        }
    }

    /// <summary>True when the same RUN empties <c>/var/cache/apt/archives</c> after <paramref name="install"/> (<c>apt-get clean</c> or <c>rm</c>).</summary>
    internal static bool AptCleanedAfter(RunScript script, AptInvocation install) =>
        script.Script.InvocationsOf<AptInvocation>().Any(a => a.Action is AptAction.Clean or AptAction.DistClean && a.Span.Start > install.Span.End)
        || script.Script.InvocationsOf<RemoveInvocation>().Any(rm => rm.Span.Start > install.Span.End && rm.RemovesContentsOf("/var/cache/apt/archives"));

    private void Add(BuildInstruction instruction, RunScript? script, LayerContent content, string? directory, string what) =>
        _writes.Add(new LayerWrite(instruction, script, content, directory, what));
}
