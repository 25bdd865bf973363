using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Models;

/// <summary>
/// Where pip and uv keep their caches in a RUN, and whether a mount or a later command in the same RUN keeps
/// them out of the layer. Locations as the tools document them: pip uses <c>--cache-dir</c>, then
/// <c>PIP_CACHE_DIR</c>, then <c>$XDG_CACHE_HOME/pip</c>, then <c>~/.cache/pip</c> (pip docs, "Caching",
/// pip 24); uv uses <c>--cache-dir</c>, then <c>UV_CACHE_DIR</c>, then <c>$XDG_CACHE_HOME/uv</c>, then
/// <c>~/.cache/uv</c> on Linux (uv docs, "Caching", 2025).
/// </summary>
public static class PackageCaches
{
    /// <summary>The cache directory in effect for <paramref name="pip"/>, or null when it cannot be told (a non-root USER, a variable).</summary>
    public static string? DirectoryOf(PipInvocation pip, BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(pip);
        ArgumentNullException.ThrowIfNull(instruction);
        string? home = HomeOf(pip, instruction);
        if (pip.FindOption("--cache-dir") is { } option)
        {
            return option.Value is { } value ? ResolvePath(value, home) : null;
        }

        if (Exported(pip, pip.IsUv ? "UV_CACHE_DIR" : "PIP_CACHE_DIR") is { Length: > 0 } variable)
        {
            return ResolvePath(variable, home);
        }

        string leaf = pip.IsUv ? "uv" : "pip";
        if (Exported(pip, "XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return ResolvePath(xdg, home) is { } root ? root.TrimEnd('/') + "/" + leaf : null;
        }

        return home is null ? null : home.TrimEnd('/') + "/.cache/" + leaf;
    }

    /// <summary>True when <paramref name="pip"/> installs and its cache reaches the layer (DF004's test).</summary>
    public static bool KeepsCache(PipInvocation pip, RunScript script, BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(pip);
        return pip.Kind is PipCommandKind.Install or PipCommandKind.Sync
            && !pip.NoCacheDir
            && !pip.CacheDisabledByEnvironment
            && MountOver(instruction, DirectoryOf(pip, instruction), pip.IsUv) is null
            && !IsCleanedLater(script, pip, instruction);
    }

    /// <summary>The default cache folder name for display (<c>~/.cache/pip</c>).</summary>
    public static string DefaultDisplay(PipInvocation pip)
    {
        ArgumentNullException.ThrowIfNull(pip);
        return pip.IsUv ? "~/.cache/uv" : "~/.cache/pip";
    }

    /// <summary>True when <paramref name="path"/> (after <c>~</c>/<c>$HOME</c>) removes or covers the cache: the directory itself or an ancestor, or, when the directory is unknown, a path ending in <c>/.cache/pip</c> or <c>/.cache</c>.</summary>
    public static bool Covers(string path, string? cacheDirectory, bool uv)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (cacheDirectory is not null)
        {
            return ShellPaths.RemovesContentsOf(path, cacheDirectory);
        }

        string trimmed = path.TrimEnd('*').TrimEnd('/');
        return trimmed.EndsWith("/.cache", StringComparison.Ordinal) || trimmed.EndsWith(uv ? "/.cache/uv" : "/.cache/pip", StringComparison.Ordinal);
    }

    /// <summary>The cache or tmpfs mount of the RUN over the cache directory, or null.</summary>
    public static RunMount? MountOver(BuildInstruction instruction, string? cacheDirectory, bool uv) =>
        RunMounts.Of(instruction).FirstOrDefault(m => m.Type is "cache" or "tmpfs" && m.Target is { } target && Covers(target, cacheDirectory, uv));

    /// <summary>
    /// True when a command after <paramref name="pip"/> in the same script empties its cache: <c>pip cache purge</c>,
    /// <c>uv cache clean</c>, or <c>rm</c> of the directory or an ancestor.
    /// </summary>
    public static bool IsCleanedLater(RunScript script, PipInvocation pip, BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(pip);
        string? directory = DirectoryOf(pip, instruction);
        string? home = HomeOf(pip, instruction);
        foreach (ToolInvocation later in script.Script.Invocations.Where(i => i.Span.Start >= pip.Span.End))
        {
            bool cleans = later switch
            {
                PipInvocation { Kind: PipCommandKind.CachePurge } purge => !pip.IsUv && !purge.IsUv,
                RemoveInvocation rm => rm.Paths.Any(p => ResolveWord(p, home) is { } path && Covers(path, directory, pip.IsUv)),
                _ => false,
            };
            if (cleans)
            {
                return true;
            }
        }

        return pip.IsUv && script.Script.Commands.Any(c => c.Span.Start >= pip.Span.End && IsUvCacheClean(c));
    }

    /// <summary><c>uv cache clean</c> (or <c>uv clean</c>, its alias).</summary>
    public static bool IsUvCacheClean(SimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandBaseName != "uv")
        {
            return false;
        }

        string?[] words = [.. command.Arguments.Select(w => w.Value).Where(v => v is null || !v.StartsWith('-'))];
        return words is ["clean", ..] or ["cache", "clean", ..];
    }

    /// <summary>HOME for the command: an exported HOME, else <c>/root</c> when the stage runs as root, else null.</summary>
    public static string? HomeOf(ToolInvocation invocation, BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (Exported(invocation, "HOME") is { Length: > 0 } home)
        {
            return home;
        }

        return RunsAsRoot(instruction) ? "/root" : null;
    }

    /// <summary>A shell word as a path, with <c>~</c> and <c>$HOME</c> replaced; null when it holds another expansion.</summary>
    public static string? ResolveWord(ShellWord word, string? home)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Value is { } value ? ResolvePath(value, home) : word.IsQuoted ? null : ResolvePath(word.RawText, home);
    }

    private static string? ResolvePath(string text, string? home)
    {
        if (text.StartsWith('~'))
        {
            if (text.Length > 1 && text[1] != '/')
            {
                return null;
            }

            text = "$HOME" + text[1..];
        }

        if (text.Contains("$HOME", StringComparison.Ordinal) || text.Contains("${HOME}", StringComparison.Ordinal))
        {
            if (home is null)
            {
                return null;
            }

            text = text.Replace("${HOME}", home, StringComparison.Ordinal).Replace("$HOME", home, StringComparison.Ordinal);
        }

        return text.Contains('$', StringComparison.Ordinal) ? null : text;
    }

    private static string? Exported(ToolInvocation invocation, string name) =>
        invocation.Environment.Find(name) is { IsExported: true } variable ? variable.Value : null;

    /// <summary>True unless a USER instruction before it (in its stage or a base stage) names a user other than root.</summary>
    private static bool RunsAsRoot(BuildInstruction instruction)
    {
        for (BuildStage? stage = instruction.Stage; stage is not null; stage = stage.BaseStage)
        {
            BuildInstruction? user = stage.Instructions
                .TakeWhile(i => !ReferenceEquals(i, instruction))
                .LastOrDefault(i => i.Instruction.Name == InstructionNames.User);
            if (user is not null)
            {
                string name = user.Expanded.Args.FirstOrDefault() ?? string.Empty;
                string account = name.Split(':')[0];
                return account is "root" or "0";
            }
        }

        return true;
    }
}
