using Headroom.Knowledge.Torch;
using Headroom.Python;

namespace Headroom.Knowledge.Wheels;

/// <summary>
/// Offline knowledge of which CPython versions heavy packages have Linux wheels for, per release line (the
/// "first cpXY wheel" table of ci-breakage.md §2): torch from <see cref="TorchBuilds"/>, numpy below. PY001
/// uses it when no index can be asked (<c>--offline</c>, or the network failed).
/// </summary>
public static class WheelLines
{
    /// <summary>When the table was last checked, for messages ("embedded knowledge, November 2026").</summary>
    public const string AsOf = "November 2026";

    // numpy: the CPython tags of the wheels on PyPI per line (pypi.org/project/numpy/VERSION/#files) and the
    // release notes' "supports Python 3.x-3.y" lines, read November 2026. ci-breakage.md §2: "NumPy 2.1.0
    // (Aug 18, 2024) is the first with 3.13 (supports 3.10-3.13); numpy<2 has none" (exasol/udf-mock-python#66),
    // and "numpy==1.24.x on 3.12 -> AttributeError: module 'pkgutil' has no attribute 'ImpImporter'" (numpy#29345):
    // every line has an sdist, which pip then tries to build.
    private const string NumPySource = "PyPI file lists and NumPy release notes (read November 2026); ci-breakage.md §2";

    private static readonly WheelLine[] NumPy =
    [
        new("numpy", "1.24", 8, 11, true, null, NumPySource),
        new("numpy", "1.25", 9, 11, true, null, NumPySource),
        new("numpy", "1.26", 9, 12, true, null, NumPySource),
        new("numpy", "2.0", 9, 12, true, null, NumPySource),
        new("numpy", "2.1", 10, 13, true, null, NumPySource),
        new("numpy", "2.2", 10, 13, true, null, NumPySource),
        new("numpy", "2.3", 11, null, true, null, NumPySource),
    ];

    /// <summary>Every line the table knows: torch's (no sdist on PyPI, no musllinux wheels) then numpy's.</summary>
    public static IReadOnlyList<WheelLine> All { get; } =
    [
        .. TorchBuilds.All.Select(b => new WheelLine("torch", b.Minor, b.MinPython, b.MaxPython, false, false,
            "torch's PyPI files (wheels only: manylinux, macOS, Windows) and RELEASE.md's Python matrix (ci-breakage.md §2); " + b.Source)),
        .. NumPy,
    ];

    /// <summary>The line of <paramref name="version"/> of <paramref name="normalizedName"/>, or null when the table does not know it.</summary>
    public static WheelLine? Find(string normalizedName, PythonVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        string line = $"{version.Major}.{version.Minor}";
        return All.FirstOrDefault(l => l.Package == normalizedName && l.Line == line);
    }

    /// <summary>The oldest line of the package, not older than <paramref name="from"/>, that has wheels for CPython 3.<paramref name="minor"/>; null when none is known.</summary>
    public static WheelLine? FirstSupporting(string normalizedName, PythonVersion from, int minor)
    {
        ArgumentNullException.ThrowIfNull(from);
        return All.Where(l => l.Package == normalizedName && l.SupportsPython(minor) == true && PythonVersion.Parse(l.Line) >= PythonVersion.Parse($"{from.Major}.{from.Minor}"))
            .OrderBy(l => PythonVersion.Parse(l.Line))
            .FirstOrDefault();
    }
}
