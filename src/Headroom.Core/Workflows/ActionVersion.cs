using System.Globalization;

namespace Headroom.Workflows;

/// <summary>
/// A version from an action tag: "v3" (major only), "v3.3" (major.minor) or "v4.2.0". A missing part
/// stands for "the newest in that line", as a floating tag does: v3 compares above 3.99.99, v3.3 above 3.3.99.
/// </summary>
public readonly record struct ActionVersion(int Major, int? Minor, int? Patch) : IComparable<ActionVersion>
{
    public bool IsFloating => Minor is null || Patch is null;

    public static ActionVersion? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> s = text;
        if (s.Length > 0 && (s[0] == 'v' || s[0] == 'V'))
        {
            s = s[1..];
        }

        var parts = new int[3];
        int count = 0;
        foreach (Range range in s.Split('.'))
        {
            ReadOnlySpan<char> part = s[range];
            if (count == 3 || part.Length == 0 || part.Length > 9 || !IsDigits(part))
            {
                return null;
            }

            parts[count++] = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return count switch
        {
            1 => new ActionVersion(parts[0], null, null),
            2 => new ActionVersion(parts[0], parts[1], null),
            3 => new ActionVersion(parts[0], parts[1], parts[2]),
            _ => null,
        };
    }

    public int CompareTo(ActionVersion other)
    {
        int c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = (Minor ?? int.MaxValue).CompareTo(other.Minor ?? int.MaxValue);
        return c != 0 ? c : (Patch ?? int.MaxValue).CompareTo(other.Patch ?? int.MaxValue);
    }

    /// <summary>True when a concrete version (all three parts) is in this tag's line: 3.3.1 in v3 and in v3.3.</summary>
    public bool Covers(ActionVersion concrete) =>
        concrete.Major == Major && (Minor is null || (concrete.Minor == Minor && (Patch is null || concrete.Patch == Patch)));

    public static bool operator <(ActionVersion left, ActionVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ActionVersion left, ActionVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ActionVersion left, ActionVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ActionVersion left, ActionVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Minor is null ? $"v{Major}" : Patch is null ? $"v{Major}.{Minor}" : $"v{Major}.{Minor}.{Patch}";

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
