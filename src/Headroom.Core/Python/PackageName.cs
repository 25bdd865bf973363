namespace Headroom.Python;

/// <summary>PEP 503 / PEP 508 distribution names.</summary>
public static class PackageName
{
    /// <summary>
    /// The PEP 503 normalized form: lower case, every run of <c>-</c>, <c>_</c> and <c>.</c> replaced by one
    /// <c>-</c> (<c>Foo.Bar__baz</c> → <c>foo-bar-baz</c>).
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = new char[name.Length];
        int n = 0;
        bool inRun = false;
        foreach (char c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (!inRun)
                {
                    chars[n++] = '-';
                    inRun = true;
                }
            }
            else
            {
                chars[n++] = char.ToLowerInvariant(c);
                inRun = false;
            }
        }

        return new string(chars, 0, n);
    }

    /// <summary>True for a valid PEP 508 name: ASCII letters and digits at both ends, <c>-_.</c> allowed inside.</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two names are the same project after normalization.</summary>
    public static bool AreSame(string a, string b) => Normalize(a) == Normalize(b);
}
