using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>One thing a RUN deletes or purges (DF005): a path, or a tool's cache.</summary>
internal sealed record LayerCleanup(Shell.SimpleCommand Command, LayerContent Content, string Target, string? Path)
{
    /// <summary>True when the files are APT's (lists, archives): moving their removal is unsafe if APT runs in between.</summary>
    public bool IsApt => Content == LayerContent.AptArchives || (Path is { } p && (p.StartsWith("/var/lib/apt", StringComparison.Ordinal) || p.StartsWith("/var/cache/apt", StringComparison.Ordinal)));

    public string Display => Command.ToString();

    /// <summary>Every cleanup in the script (paths after <c>~</c>/<c>$HOME</c>, relative ones against WORKDIR unless the script runs <c>cd</c> first).</summary>
    public static IEnumerable<LayerCleanup> In(RunScript script, BuildInstruction instruction, string workdir)
    {
        foreach (ToolInvocation invocation in script.Script.Invocations)
        {
            string? home = PackageCaches.HomeOf(invocation, instruction);
            bool cdBefore = script.Script.Commands.Any(c => c.Span.End <= invocation.Span.Start && c.CommandBaseName is "cd" or "pushd");
            switch (invocation)
            {
                case RemoveInvocation rm:
                    foreach (Shell.ShellWord word in rm.Paths)
                    {
                        if (Resolve(word, home, workdir, cdBefore) is { } path)
                        {
                            yield return new LayerCleanup(rm.Command, LayerContent.Files, path, path);
                        }
                    }

                    break;
                case FindDeleteInvocation find:
                    foreach (Shell.ShellWord word in find.StartPaths)
                    {
                        if (Resolve(word, home, workdir, cdBefore) is { } path && path != "/")
                        {
                            yield return new LayerCleanup(find.Command, LayerContent.Files, path, path);
                        }
                    }

                    break;
                case PipInvocation { Kind: PipCommandKind.CachePurge or PipCommandKind.CacheRemove } pip:
                    yield return new LayerCleanup(pip.Command, pip.IsUv ? LayerContent.UvCache : LayerContent.PipCache, PackageCaches.DirectoryOf(pip, instruction) ?? PackageCaches.DefaultDisplay(pip), null);
                    break;
                case AptInvocation { Action: AptAction.Clean } apt:
                    yield return new LayerCleanup(apt.Command, LayerContent.AptArchives, "/var/cache/apt/archives", null);
                    break;
                case AptInvocation { Action: AptAction.DistClean } apt:
                    yield return new LayerCleanup(apt.Command, LayerContent.AptArchives, "/var/cache/apt/archives", null);
                    yield return new LayerCleanup(apt.Command, LayerContent.Files, AptListsKeptRule.ListsDirectory, AptListsKeptRule.ListsDirectory);
                    break;
                case NpmInvocation { Kind: NpmCommandKind.CacheClean, Manager: NodePackageManager.Npm } npm:
                    yield return new LayerCleanup(npm.Command, LayerContent.NpmCache, "~/.npm", null);
                    break;
            }
        }

        foreach (Shell.SimpleCommand command in script.Script.Commands.Where(PackageCaches.IsUvCacheClean))
        {
            yield return new LayerCleanup(command, LayerContent.UvCache, "~/.cache/uv", null);
        }
    }

    private static string? Resolve(Shell.ShellWord word, string? home, string workdir, bool cdBefore)
    {
        if (PackageCaches.ResolveWord(word, home) is not { Length: > 0 } path)
        {
            return null;
        }

        if (path.StartsWith('/'))
        {
            return path;
        }

        return cdBefore ? null : LayerWrites.Join(workdir, path);
    }
}
