namespace Headroom.Project;

/// <summary><see cref="IRepositoryFiles"/> over a folder on disk; symlinked folders are not followed.</summary>
public sealed class DirectoryRepositoryFiles : IRepositoryFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules" };

    public DirectoryRepositoryFiles(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = System.IO.Path.GetFullPath(root);
    }

    public string Root { get; }

    public string? ReadText(string path)
    {
        string? full = FullPath(path);
        if (full is null || !File.Exists(full))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(full);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool FileExists(string path) => FullPath(path) is { } full && File.Exists(full);

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        string? start = FullPath(directory);
        if (start is null || !Directory.Exists(start))
        {
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            foreach (FileSystemInfo entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry is DirectoryInfo dir)
                {
                    if (dir.LinkTarget is null && !SkippedFolders.Contains(dir.Name))
                    {
                        pending.Push(dir.FullName);
                    }
                }
                else
                {
                    yield return System.IO.Path.GetRelativePath(Root, entry.FullName).Replace('\\', '/');
                }
            }
        }
    }

    private string? FullPath(string path) =>
        RepositoryPath.Normalize(path) is { } relative ? System.IO.Path.Combine(Root, relative) : null;
}
