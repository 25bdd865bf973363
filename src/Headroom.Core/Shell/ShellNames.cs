namespace Headroom.Shell;

/// <summary>Character classes of the shell grammar.</summary>
internal static class ShellNames
{
    public static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    public static bool IsNameChar(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);

    public static bool IsName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !IsNameStart(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The last path segment: <c>/usr/bin/pip3</c> gives <c>pip3</c>.</summary>
    public static string BaseName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}
