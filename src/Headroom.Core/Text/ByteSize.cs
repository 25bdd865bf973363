using System.Globalization;

namespace Headroom.Text;

/// <summary>
/// Sizes as users write them: <c>B</c>, <c>KB</c>, <c>MB</c>, <c>GB</c>, <c>TB</c> are decimal
/// (1 GB = 1,000,000,000 bytes), <c>KiB</c>, <c>MiB</c>, <c>GiB</c>, <c>TiB</c> binary. Units are
/// case-insensitive, a space before the unit is allowed, fractions are allowed (<c>1.5GB</c>), and a
/// bare number is bytes.
/// </summary>
public static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1000L), ("MB", 1000_000L), ("GB", 1000_000_000L), ("TB", 1000_000_000_000L),
        ("K", 1000L), ("M", 1000_000L), ("G", 1000_000_000L), ("T", 1000_000_000_000L),
        ("B", 1L),
    ];

    /// <summary>Parses a size; returns false for anything else (negative, NaN, overflow, unknown unit).</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> s = text.AsSpan().Trim();
        long factor = 1;
        foreach ((string unit, long f) in Units)
        {
            if (s.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                factor = f;
                s = s[..^unit.Length].TrimEnd();
                break;
            }
        }

        if (s.IsEmpty || s[0] == '-' || s[0] == '+'
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            return false;
        }

        decimal result = value * factor;
        if (result > long.MaxValue)
        {
            return false;
        }

        bytes = (long)decimal.Floor(result);
        return true;
    }

    /// <summary>A short human form with decimal units: <c>1.23 GB</c>, <c>512 B</c>.</summary>
    public static string Format(long bytes)
    {
        double b = bytes;
        string sign = b < 0 ? "-" : string.Empty;
        b = Math.Abs(b);
        return b switch
        {
            < 1000 => $"{bytes} B",
            < 1000_000 => $"{sign}{(b / 1e3).ToString("0.#", CultureInfo.InvariantCulture)} kB",
            < 1000_000_000 => $"{sign}{(b / 1e6).ToString("0.#", CultureInfo.InvariantCulture)} MB",
            < 1e12 => $"{sign}{(b / 1e9).ToString("0.##", CultureInfo.InvariantCulture)} GB",
            _ => $"{sign}{(b / 1e12).ToString("0.##", CultureInfo.InvariantCulture)} TB",
        };
    }
}
