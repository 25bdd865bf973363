using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Headroom.Apt;

/// <summary>
/// A Debian package version, <c>[EPOCH:]UPSTREAM[-REVISION]</c>, ordered as dpkg orders them
/// (deb-version(7)): epochs numerically, then upstream and revision by dpkg's <c>verrevcmp</c>:
/// alternating non-digit and digit runs, where <c>~</c> sorts before everything (even the end of
/// the string), letters before other characters, and digit runs compare as numbers.
/// </summary>
public sealed class DebianVersion : IComparable<DebianVersion>, IEquatable<DebianVersion>
{
    private DebianVersion(string text, long epoch, string upstream, string revision)
    {
        Text = text;
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
    }

    /// <summary>The version as written.</summary>
    public string Text { get; }

    public long Epoch { get; }

    public string Upstream { get; }

    /// <summary>The Debian revision, or empty for a native package.</summary>
    public string Revision { get; }

    /// <summary>Parses a version; throws <see cref="FormatException"/> with a one-line reason.</summary>
    public static DebianVersion Parse(string text) =>
        TryParse(text, out DebianVersion? version, out string? error) ? version : throw new FormatException($"invalid Debian version '{text}': {error}");

    public static bool TryParse(string text, [NotNullWhen(true)] out DebianVersion? version, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        version = null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "empty";
            return false;
        }

        if (trimmed.Any(char.IsWhiteSpace))
        {
            error = "contains white space";
            return false;
        }

        long epoch = 0;
        string rest = trimmed;
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            string epochText = rest[..colon];
            if (epochText.Length == 0 || !epochText.All(char.IsAsciiDigit) || !long.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out epoch) || epoch > int.MaxValue)
            {
                error = $"bad epoch '{epochText}'";
                return false;
            }

            rest = rest[(colon + 1)..];
        }

        string revision = string.Empty;
        int dash = rest.LastIndexOf('-');
        if (dash >= 0)
        {
            revision = rest[(dash + 1)..];
            rest = rest[..dash];
            if (revision.Length == 0)
            {
                error = "empty revision after '-'";
                return false;
            }
        }

        if (rest.Length == 0)
        {
            error = "empty upstream version";
            return false;
        }

        if (!char.IsAsciiDigit(rest[0]))
        {
            error = "the upstream version must start with a digit";
            return false;
        }

        foreach (char c in rest)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~' or '-' or ':'))
            {
                error = $"bad character '{c}' in the upstream version";
                return false;
            }
        }

        foreach (char c in revision)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~'))
            {
                error = $"bad character '{c}' in the revision";
                return false;
            }
        }

        version = new DebianVersion(trimmed, epoch, rest, revision);
        error = null;
        return true;
    }

    /// <summary>Compares two version strings as dpkg does (<c>dpkg --compare-versions</c>).</summary>
    public static int Compare(string a, string b) => Parse(a).CompareTo(Parse(b));

    public int CompareTo(DebianVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
        {
            return c;
        }

        c = VerRevCmp(Upstream, other.Upstream);
        return c != 0 ? c : VerRevCmp(Revision, other.Revision);
    }

    public bool Equals(DebianVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is DebianVersion v && Equals(v);

    /// <summary>Equal versions (<c>1.0</c>, <c>0:1.0</c>, <c>1.00</c>) hash alike: the hash is of the normalised parts.</summary>
    public override int GetHashCode() => HashCode.Combine(Epoch, Normalise(Upstream), Normalise(Revision));

    public override string ToString() => Text;

    public static bool operator <(DebianVersion a, DebianVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(DebianVersion a, DebianVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(DebianVersion a, DebianVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(DebianVersion a, DebianVersion b) => a.CompareTo(b) >= 0;

    public static bool operator ==(DebianVersion? a, DebianVersion? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(DebianVersion? a, DebianVersion? b) => !(a == b);

    /// <summary>dpkg's character weight: <c>~</c> lowest, then the end of a part and digits, then letters, then the rest.</summary>
    private static int Order(char c) => c switch
    {
        '~' => -1,
        _ when char.IsAsciiDigit(c) => 0,
        _ when char.IsAsciiLetter(c) => c,
        _ => c + 256,
    };

    private static int VerRevCmp(string a, string b)
    {
        int i = 0;
        int j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                int ac = i < a.Length ? Order(a[i]) : 0;
                int bc = j < b.Length ? Order(b[j]) : 0;
                if (ac != bc)
                {
                    return ac - bc;
                }

                i++;
                j++;
            }

            while (i < a.Length && a[i] == '0')
            {
                i++;
            }

            while (j < b.Length && b[j] == '0')
            {
                j++;
            }

            int firstDiff = 0;
            while (i < a.Length && char.IsAsciiDigit(a[i]) && j < b.Length && char.IsAsciiDigit(b[j]))
            {
                if (firstDiff == 0)
                {
                    firstDiff = a[i] - b[j];
                }

                i++;
                j++;
            }

            if (i < a.Length && char.IsAsciiDigit(a[i]))
            {
                return 1;
            }

            if (j < b.Length && char.IsAsciiDigit(b[j]))
            {
                return -1;
            }

            if (firstDiff != 0)
            {
                return firstDiff;
            }
        }

        return 0;
    }

    /// <summary>Leading zeros of every digit run removed (an all-zero run compares like none), so that equal versions hash alike.</summary>
    private static string Normalise(string part)
    {
        var text = new System.Text.StringBuilder(part.Length);
        for (int i = 0; i < part.Length; i++)
        {
            bool runStart = i == 0 || !char.IsAsciiDigit(part[i - 1]);
            if (part[i] == '0' && runStart)
            {
                while (i < part.Length && part[i] == '0')
                {
                    i++;
                }

                if (i == part.Length)
                {
                    break;
                }
            }

            text.Append(part[i]);
        }

        return text.ToString();
    }
}
