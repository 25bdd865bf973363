namespace Headroom.Images.Tar;

/// <summary>Path normalisation for tar member names.</summary>
public static class TarPath
{
    /// <summary>
    /// Normalises a member name to a relative path with <c>/</c> separators and no <c>.</c>,
    /// <c>..</c>, empty or trailing parts. Leading <c>/</c> and <c>./</c> are dropped and <c>..</c>
    /// never climbs above the root (<c>../../etc/passwd</c> is <c>etc/passwd</c>), so no name can
    /// escape. Returns null for the root itself.
    /// </summary>
    public static string? Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsClean(name))
        {
            return name;
        }

        var parts = new List<string>();
        foreach (string part in name.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>True when a normalised path would climb out of its root (for manifest references, which must not).</summary>
    public static bool Escapes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal))
        {
            return true;
        }

        int depth = 0;
        foreach (string part in name.Split('/'))
        {
            if (part == "..")
            {
                if (--depth < 0)
                {
                    return true;
                }
            }
            else if (part.Length > 0 && part != ".")
            {
                depth++;
            }
        }

        return false;
    }

    private static bool IsClean(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name[^1] == '/')
        {
            return false;
        }

        int start = 0;
        while (true)
        {
            int slash = name.IndexOf('/', start);
            int end = slash < 0 ? name.Length : slash;
            int len = end - start;
            if (len == 0 || (len == 1 && name[start] == '.') || (len == 2 && name[start] == '.' && name[start + 1] == '.'))
            {
                return false;
            }

            if (slash < 0)
            {
                return true;
            }

            start = slash + 1;
        }
    }
}
