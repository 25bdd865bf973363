namespace Headroom.Python;

/// <summary>A wheel or sdist recorded in a lock file; <see cref="Size"/> (bytes) makes a prediction exact.</summary>
/// <param name="Filename">The file name (from <c>name</c>/<c>file</c>, or the URL's last segment).</param>
/// <param name="Url">Where it downloads from, when recorded.</param>
/// <param name="Hash">The first hash as <c>algo:hex</c>, when recorded.</param>
/// <param name="Size">The size in bytes, when recorded (uv and pylock do; poetry.lock does not).</param>
public sealed record LockedFile(string Filename, string? Url, string? Hash, long? Size)
{
    /// <summary>The parsed wheel name, or null for an sdist or an odd name.</summary>
    public WheelFilename? Wheel => WheelFilename.TryParse(Filename, out WheelFilename? w) ? w : null;
}
