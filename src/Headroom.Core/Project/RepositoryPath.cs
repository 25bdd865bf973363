namespace Headroom.Project;

/// <summary>Relative repository paths: "/"-separated, "." and ".." resolved, never above the root.</summary>
public static class RepositoryPath
{
    /// <summary>Normalizes a path; null when it climbs above the root or is absolute.</summary>
    public static string? Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string p = path.Replace('\\', '/');
        if (p.StartsWith('/') || (p.Length > 1 && p[1] == ':'))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (string part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>Joins a folder and a relative path, then normalizes.</summary>
    public static string? Combine(string directory, string relative) =>
        Normalize(directory.Length == 0 ? relative : directory + "/" + relative);

    /// <summary>The folder part ("" for a file at the root).</summary>
    public static string GetDirectory(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}
