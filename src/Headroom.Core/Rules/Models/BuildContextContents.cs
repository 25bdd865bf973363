using System.Text;

namespace Headroom.Rules.Models;

/// <summary>
/// What a build context holds that does not belong in an image: <c>.git</c>, <c>node_modules</c>, virtualenvs
/// (a folder with <c>pyvenv.cfg</c>, or <c>.venv</c>), <c>__pycache__</c>, tool caches and files of 50 MB or more,
/// each with its real size on disk. The walk skips symlinks, stops at <see cref="MaxEntries"/> entries and
/// <see cref="MaxDepth"/> levels, and reads the folder on disk when the checked root exists there (also while a
/// fix is verified in memory); otherwise, for projects held in memory, the files the project lists, sized by
/// their UTF-8 length.
/// </summary>
public static class BuildContextContents
{
    /// <summary>Files at least this large are listed one by one (models, datasets, archives).</summary>
    public const long LargeFileBytes = 50_000_000;

    private const int MaxEntries = 200_000;
    private const int MaxDepth = 32;

    private static readonly HashSet<string> ToolCaches = new(StringComparer.Ordinal)
    {
        ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", ".nox", ".ipynb_checkpoints",
    };

    /// <summary>The unwanted entries of the context folder <paramref name="directory"/> (relative to the root, "" for the root), computed once per check.</summary>
    public static IReadOnlyList<ContextEntry> Of(CheckContext context, string directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(directory);
        return context.Project.GetOrAdd("<build-context>/" + directory, _ =>
        {
            string onDisk = Path.Combine(context.Project.Root, directory);
            return Directory.Exists(context.Project.Root) ? ScanDisk(onDisk) : ScanMemory(context, directory);
        });
    }

    private static List<ContextEntry> ScanDisk(string folder)
    {
        var found = new List<ContextEntry>();
        if (!Directory.Exists(folder))
        {
            return found;
        }

        long pycache = 0;
        int pycacheCount = 0;
        int budget = MaxEntries;
        var pending = new Stack<(DirectoryInfo Dir, string Relative, int Depth)>();
        pending.Push((new DirectoryInfo(folder), string.Empty, 0));
        while (pending.Count > 0 && budget > 0)
        {
            (DirectoryInfo dir, string relative, int depth) = pending.Pop();
            foreach (FileSystemInfo entry in Entries(dir, ref budget))
            {
                string path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is FileInfo file)
                {
                    if (entry.Name == ".git" && relative.Length == 0)
                    {
                        found.Add(new ContextEntry(".git", ".git", ContextEntryKind.Git, file.Length));
                    }
                    else if (file.Length >= LargeFileBytes)
                    {
                        found.Add(new ContextEntry(path, path, ContextEntryKind.LargeFile, file.Length));
                    }

                    continue;
                }

                var sub = (DirectoryInfo)entry;
                ContextEntryKind? kind = Classify(sub.Name, relative.Length == 0, File.Exists(Path.Combine(sub.FullName, "pyvenv.cfg")));
                if (kind == ContextEntryKind.PyCache)
                {
                    pycache += Size(sub, ref budget);
                    pycacheCount++;
                }
                else if (kind is { } k)
                {
                    found.Add(new ContextEntry(path, path + "/", k, Size(sub, ref budget)));
                }
                else if (depth < MaxDepth)
                {
                    pending.Push((sub, path, depth + 1));
                }
            }
        }

        if (pycacheCount > 0)
        {
            found.Add(new ContextEntry("**/__pycache__", pycacheCount == 1 ? "__pycache__/" : $"{pycacheCount} __pycache__/ folders", ContextEntryKind.PyCache, pycache));
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Pattern, b.Pattern));
        return found;
    }

    private static List<ContextEntry> ScanMemory(CheckContext context, string directory)
    {
        var sizes = new SortedDictionary<string, (ContextEntryKind Kind, long Bytes)>(StringComparer.Ordinal);
        string prefix = directory.Length == 0 ? string.Empty : directory.TrimEnd('/') + "/";
        string[] files = [.. context.Project.Repository.EnumerateFiles(directory).Select(f => f[prefix.Length..])];
        HashSet<string> venvs = [.. files.Where(f => f.EndsWith("/pyvenv.cfg", StringComparison.Ordinal)).Select(f => f[..^"/pyvenv.cfg".Length])];
        foreach (string file in files)
        {
            string[] parts = file.Split('/');
            for (int i = 0; i < parts.Length - 1; i++)
            {
                string folder = string.Join('/', parts[..(i + 1)]);
                if (Classify(parts[i], i == 0, venvs.Contains(folder)) is not { } kind)
                {
                    continue;
                }

                string key = kind == ContextEntryKind.PyCache ? "**/__pycache__" : folder;
                long bytes = Encoding.UTF8.GetByteCount(context.Project.Repository.ReadText(prefix + file) ?? string.Empty);
                sizes[key] = (kind, (sizes.TryGetValue(key, out var known) ? known.Bytes : 0) + bytes);
                break;
            }
        }

        return [.. sizes.Select(s => new ContextEntry(s.Key, s.Value.Kind == ContextEntryKind.PyCache ? "__pycache__/" : s.Key + "/", s.Value.Kind, s.Value.Bytes))];
    }

    private static ContextEntryKind? Classify(string name, bool topLevel, bool hasPyvenvCfg) =>
        name == ".git" && topLevel ? ContextEntryKind.Git
        : name == "node_modules" ? ContextEntryKind.NodeModules
        : hasPyvenvCfg || name == ".venv" ? ContextEntryKind.Virtualenv
        : name == "__pycache__" ? ContextEntryKind.PyCache
        : ToolCaches.Contains(name) ? ContextEntryKind.ToolCache
        : null;

    private static FileSystemInfo[] Entries(DirectoryInfo dir, ref int budget)
    {
        try
        {
            FileSystemInfo[] entries = dir.GetFileSystemInfos();
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            budget -= entries.Length;
            return entries;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [];
        }
    }

    /// <summary>The bytes of the regular files below a folder (symlinks not followed), within the entry budget.</summary>
    private static long Size(DirectoryInfo folder, ref int budget)
    {
        long total = 0;
        var pending = new Stack<(DirectoryInfo Dir, int Depth)>();
        pending.Push((folder, 0));
        while (pending.Count > 0 && budget > 0)
        {
            (DirectoryInfo dir, int depth) = pending.Pop();
            foreach (FileSystemInfo entry in Entries(dir, ref budget))
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is FileInfo file)
                {
                    total += file.Length;
                }
                else if (depth < MaxDepth)
                {
                    pending.Push(((DirectoryInfo)entry, depth + 1));
                }
            }
        }

        return total;
    }
}

/// <summary>What an unwanted entry of a build context is.</summary>
public enum ContextEntryKind
{
    Git,
    NodeModules,
    Virtualenv,
    PyCache,
    ToolCache,
    LargeFile,
}

/// <summary>An unwanted entry of a build context.</summary>
/// <param name="Pattern">The <c>.dockerignore</c> line that leaves it out (relative to the context).</param>
/// <param name="Display">How a message names it (<c>.venv/</c>, <c>3 __pycache__/ folders</c>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Bytes">Its regular files' bytes on disk.</param>
public sealed record ContextEntry(string Pattern, string Display, ContextEntryKind Kind, long Bytes);
