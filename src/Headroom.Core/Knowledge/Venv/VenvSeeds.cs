namespace Headroom.Knowledge.Venv;

/// <summary>
/// The packages a new venv gets: <c>python -m venv</c> runs ensurepip, which installs the pip wheel bundled with
/// the interpreter (Debian's <c>python3-venv</c> takes the wheels of <c>python3-pip-whl</c> and
/// <c>python3-setuptools-whl</c>), byte-compiled. Since Python 3.12 venv no longer pre-installs setuptools
/// (What's New in Python 3.12, gh-95299, docs.python.org/3/whatsnew/3.12.html, read 2026-11-30).
/// <c>--without-pip</c> installs nothing.
/// </summary>
public static class VenvSeeds
{
    /// <summary>The rows, oldest Python first.</summary>
    public static IReadOnlyList<VenvSeed> All { get; } =
    [
        new(7, 11, "pip 23.0.1, setuptools 66.1.1", 13_320_513 + 8_286_044, true,
            "measured with `headroom image` in bench/predict's multi-stage image: Debian 12's python3-venv (Python 3.11.2) seeding "
            + "python3-pip-whl 23.0.1+dfsg-1 (pip 13,320,513 B) and python3-setuptools-whl 66.1.1-1+deb12u2 (setuptools 8,286,044 B)",
            "2026-11-30"),
        new(12, 99, "pip 25.1.1", 10_574_000, false,
            "estimated: Debian 13's python3-pip-whl 25.1.1+dfsg-1 wheel unpacks to 4,957,493 B (its zip directory), of which 4,604,363 B of .py; "
            + "plus 1.22 × the .py bytes of byte-code, the ratio measured on pip 23.0.1 above (13,320,513 B installed from 6,177,865 B unpacked, 5,851,370 B of .py)",
            "2026-11-30"),
    ];

    /// <summary>The row for Python <c>3.N</c>, or null when the version is unknown or outside the table.</summary>
    public static VenvSeed? For(string? python)
    {
        if (python is null || python.Split('.') is not ["3", string minorText, ..] || !int.TryParse(minorText, System.Globalization.CultureInfo.InvariantCulture, out int minor))
        {
            return null;
        }

        return All.FirstOrDefault(r => minor >= r.FromMinor && minor <= r.ToMinor);
    }
}
