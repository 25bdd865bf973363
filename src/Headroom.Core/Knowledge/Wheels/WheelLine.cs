namespace Headroom.Knowledge.Wheels;

/// <summary>
/// The CPython versions one release line of a package has Linux wheels for, as the embedded knowledge knows it.
/// </summary>
/// <param name="Package">The normalized project name.</param>
/// <param name="Line">The release line (<c>1.26</c>): every version <c>1.26.*</c> (local labels ignored).</param>
/// <param name="MinPython">The lowest CPython 3 minor with a wheel.</param>
/// <param name="MaxPython">The highest CPython 3 minor with a wheel, or null when the line is still open (no verdict above <paramref name="MinPython"/>).</param>
/// <param name="HasSdist">Whether the project publishes an sdist (pip builds it when no wheel fits).</param>
/// <param name="MuslWheels">Whether musllinux (Alpine) wheels exist: false means none, null unknown.</param>
/// <param name="Source">Where the facts come from, with the date they were read.</param>
public sealed record WheelLine(string Package, string Line, int MinPython, int? MaxPython, bool HasSdist, bool? MuslWheels, string Source)
{
    /// <summary>True when CPython 3.<paramref name="minor"/> has a wheel of this line; null when the table cannot tell.</summary>
    public bool? SupportsPython(int minor) =>
        minor < MinPython ? false
        : MaxPython is not { } max ? null
        : minor <= max;

    /// <summary>"CPython 3.9 to 3.12", "CPython 3.11 and later".</summary>
    public string PythonRange => MaxPython is { } max ? $"CPython 3.{MinPython} to 3.{max}" : $"CPython 3.{MinPython} and later";
}
