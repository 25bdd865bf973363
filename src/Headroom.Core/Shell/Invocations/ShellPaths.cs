namespace Headroom.Shell.Invocations;

/// <summary>Textual path matching for delete commands (no file system: paths compare as written).</summary>
public static class ShellPaths
{
    /// <summary>
    /// True when deleting <paramref name="pattern"/> (as written: <c>/var/lib/apt/lists/*</c>, <c>/root/.cache</c>)
    /// removes <paramref name="directory"/> or everything in it: the pattern is the directory, an ancestor of it, or
    /// the directory's <c>*</c> / <c>**</c> contents. Trailing slashes are ignored.
    /// </summary>
    public static bool RemovesContentsOf(string pattern, string directory)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(directory);
        string dir = Trim(directory);
        string path = Trim(pattern);
        foreach (string suffix in (string[])["/**/*", "/**", "/*"])
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                path = Trim(path[..^suffix.Length]);
                break;
            }
        }

        if (path.Length == 0 || path.Contains('*', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        return dir == path || (dir.StartsWith(path, StringComparison.Ordinal) && (path == "/" || dir[path.Length] == '/'));
    }

    private static string Trim(string path)
    {
        string trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 && path.Length > 0 ? "/" : trimmed;
    }
}
