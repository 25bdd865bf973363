namespace Headroom.Python.Index;

/// <summary>What a distribution's file name says: the project and version of a wheel (PEP 427) or an sdist (PEP 625 and older).</summary>
public static class DistributionFilenames
{
    private static readonly string[] SdistExtensions = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar"];

    /// <summary>
    /// The version in <paramref name="filename"/> when the file belongs to <paramref name="normalizedName"/>
    /// (wheel, or sdist <c>name-version.tar.gz</c>); null for another project's file, an unknown kind of file,
    /// or a version that is not PEP 440.
    /// </summary>
    public static PythonVersion? VersionOf(string filename, string normalizedName)
    {
        ArgumentNullException.ThrowIfNull(filename);
        if (filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            return WheelFilename.TryParse(filename, out WheelFilename? wheel) && wheel.NormalizedName == normalizedName ? wheel.Version : null;
        }

        string? ext = SdistExtensions.FirstOrDefault(e => filename.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (ext is null)
        {
            return null;
        }

        string stem = filename[..^ext.Length];
        for (int dash = stem.IndexOf('-', StringComparison.Ordinal); dash > 0; dash = stem.IndexOf('-', dash + 1))
        {
            if (PackageName.Normalize(stem[..dash]) == normalizedName)
            {
                return PythonVersion.TryParse(stem[(dash + 1)..], out PythonVersion? version) ? version : null;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="filename"/> is a file of <paramref name="normalizedName"/> (a wheel or sdist of that project).</summary>
    public static bool BelongsTo(string filename, string normalizedName) => VersionOf(filename, normalizedName) is not null;

    /// <summary>The last path segment of a URL, percent-decoded.</summary>
    public static string FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
