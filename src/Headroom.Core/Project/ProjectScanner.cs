namespace Headroom.Project;

/// <summary>
/// Finds the files Headroom reads under a root folder: one walk, no symlinked folders followed,
/// well-known bulky folders (.git, node_modules, virtualenvs, caches) skipped. Results are sorted
/// by relative path (ordinal) so every report is deterministic.
/// </summary>
public static class ProjectScanner
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".idea", ".vs",
    };

    /// <summary>Scans a folder, or classifies a single file given directly.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static IReadOnlyList<ProjectFile> Scan(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            string name = Path.GetFileName(full);
            ProjectFileKind kind = ProjectFileClassifier.Classify(name) ?? ProjectFileKind.Dockerfile;
            return [new ProjectFile(full, name, kind)];
        }

        if (!Directory.Exists(full))
        {
            throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        var found = new List<ProjectFile>();
        var pending = new Stack<string>();
        pending.Push(full);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            foreach (FileSystemInfo entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo dir)
                {
                    if (dir.LinkTarget is null && !SkippedFolders.Contains(dir.Name))
                    {
                        pending.Push(dir.FullName);
                    }

                    continue;
                }

                string relative = Path.GetRelativePath(full, entry.FullName).Replace('\\', '/');
                if (ProjectFileClassifier.Classify(relative) is { } kind)
                {
                    found.Add(new ProjectFile(entry.FullName, relative, kind));
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return found;
    }
}
