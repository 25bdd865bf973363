namespace Headroom.Project;

/// <summary>
/// Read access to a repository's files by relative path ("/"-separated, no leading "./"), so models
/// that follow references (local actions, tsconfig "extends", config discovery) can run against a
/// folder on disk or an in-memory set in tests. Implementations return null/false, never throw, for a
/// missing or unreadable file and for paths that leave the root.
/// </summary>
public interface IRepositoryFiles
{
    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadText(string path);

    bool FileExists(string path);

    /// <summary>Every file below a folder ("" for the root), recursively, skipping .git and node_modules; relative to the root.</summary>
    IEnumerable<string> EnumerateFiles(string directory);
}
