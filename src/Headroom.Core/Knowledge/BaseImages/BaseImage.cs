using Headroom.Python;

namespace Headroom.Knowledge;

/// <summary>
/// A common base image as the embedded table knows it: what it runs on (distribution, C library,
/// Python) and how big it is per platform, each figure with its source and date.
/// </summary>
/// <param name="Repository">The normalised repository: <c>library/python</c>, <c>nvidia/cuda</c>.</param>
/// <param name="Tag">The tag the row describes, fully spelled: <c>3.12-slim-trixie</c>.</param>
/// <param name="Aliases">Other tags for the same image: <c>3.12-slim</c>.</param>
/// <param name="Distro"><c>debian</c>, <c>ubuntu</c> or <c>alpine</c>.</param>
/// <param name="DistroRelease">The release: <c>12</c> (bookworm), <c>24.04</c>, <c>3.22</c>.</param>
/// <param name="Libc">glibc or musl.</param>
/// <param name="LibcVersion"><c>2.36</c>, <c>1.2</c>.</param>
/// <param name="PythonVersion">The Python that <c>python3</c> runs (<c>3.12.13</c>), or null when there is none.</param>
/// <param name="Sizes">Sizes per platform (linux/amd64 first).</param>
/// <param name="FactsSource">Where the distribution, libc and Python facts come from.</param>
/// <param name="FactsDate">When those facts were read.</param>
public sealed record BaseImage(
    string Repository,
    string Tag,
    IReadOnlyList<string> Aliases,
    string Distro,
    string DistroRelease,
    LibcKind Libc,
    string LibcVersion,
    string? PythonVersion,
    IReadOnlyList<BaseImageSize> Sizes,
    string FactsSource,
    string FactsDate)
{
    /// <summary><c>python:3.12-slim-trixie</c> (Docker Hub's <c>library/</c> left out).</summary>
    public string Name => (Repository.StartsWith("library/", StringComparison.Ordinal) ? Repository["library/".Length..] : Repository) + ":" + Tag;

    /// <summary>The key of <see cref="BaseImagePackages"/> whose package list applies, or null.</summary>
    public string? PackagesKey => BaseImagePackages.Images.Contains(Name, StringComparer.Ordinal) ? Name
        : Aliases.Select(a => Name[..(Name.IndexOf(':', StringComparison.Ordinal) + 1)] + a).FirstOrDefault(a => BaseImagePackages.Images.Contains(a, StringComparer.Ordinal));

    /// <summary>The size row for a platform (<c>linux/amd64</c>; a variant such as <c>/v8</c> is ignored), or null.</summary>
    public BaseImageSize? SizeFor(string platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        string[] parts = platform.Split('/');
        string wanted = parts.Length >= 2 ? $"{parts[0]}/{parts[1]}" : platform;
        return Sizes.FirstOrDefault(s => s.Platform == wanted);
    }

    /// <summary>
    /// The wheel-selection target of this image on <paramref name="architecture"/> (<c>amd64</c>/<c>x86_64</c>,
    /// <c>arm64</c>/<c>aarch64</c>), or null when the image has no Python.
    /// </summary>
    public TargetEnvironment? Target(string architecture = "amd64")
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (PythonVersion is null)
        {
            return null;
        }

        string[] py = PythonVersion.Split('.');
        string[] libc = LibcVersion.Split('.');
        string arch = architecture switch
        {
            "amd64" or "x86_64" => "x86_64",
            "arm64" or "aarch64" => "aarch64",
            _ => architecture,
        };
        return new TargetEnvironment
        {
            PythonMajor = int.Parse(py[0], System.Globalization.CultureInfo.InvariantCulture),
            PythonMinor = int.Parse(py[1], System.Globalization.CultureInfo.InvariantCulture),
            PythonMicro = py.Length > 2 ? int.Parse(py[2], System.Globalization.CultureInfo.InvariantCulture) : 0,
            Architecture = arch,
            Libc = Libc,
            LibcMajor = int.Parse(libc[0], System.Globalization.CultureInfo.InvariantCulture),
            LibcMinor = int.Parse(libc[1], System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
