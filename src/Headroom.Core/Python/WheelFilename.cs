using System.Diagnostics.CodeAnalysis;

namespace Headroom.Python;

/// <summary>
/// A PEP 427 wheel file name: <c>{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl</c>, where each
/// tag part may be a <c>.</c>-separated set (<c>py2.py3-none-any</c>,
/// <c>manylinux_2_17_x86_64.manylinux2014_x86_64</c>).
/// </summary>
public sealed class WheelFilename
{
    private WheelFilename(string filename, string name, PythonVersion version, string? buildTag, string[] pythonTags, string[] abiTags, string[] platformTags)
    {
        Filename = filename;
        Name = name;
        Version = version;
        BuildTag = buildTag;
        PythonTags = pythonTags;
        AbiTags = abiTags;
        PlatformTags = platformTags;
    }

    /// <summary>The file name as given (URL-decoded: <c>%2B</c> is <c>+</c>).</summary>
    public string Filename { get; }

    /// <summary>The distribution name as written in the file name (<c>typing_extensions</c>).</summary>
    public string Name { get; }

    public string NormalizedName => PackageName.Normalize(Name);

    public PythonVersion Version { get; }

    /// <summary>The optional build tag (starts with a digit), or null.</summary>
    public string? BuildTag { get; }

    public IReadOnlyList<string> PythonTags { get; }

    public IReadOnlyList<string> AbiTags { get; }

    public IReadOnlyList<string> PlatformTags { get; }

    /// <summary>Every tag the compressed tag sets expand to.</summary>
    public IEnumerable<WheelTag> Tags =>
        from p in PythonTags from a in AbiTags from pl in PlatformTags select new WheelTag(p, a, pl);

    /// <summary>
    /// Parses a wheel file name, or the last path segment of a path or URL (query and fragment dropped,
    /// <c>%2B</c> decoded).
    /// </summary>
    public static bool TryParse(string? pathOrUrl, [NotNullWhen(true)] out WheelFilename? wheel)
    {
        wheel = null;
        if (string.IsNullOrWhiteSpace(pathOrUrl))
        {
            return false;
        }

        string file = pathOrUrl;
        int cut = file.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            file = file[..cut];
        }

        file = file[(file.LastIndexOf('/') + 1)..];
        file = file.Replace("%2B", "+", StringComparison.OrdinalIgnoreCase).Replace("%21", "!", StringComparison.OrdinalIgnoreCase);
        if (!file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string[] parts = file[..^4].Split('-');
        if (parts.Length is not (5 or 6) || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        string? build = null;
        if (parts.Length == 6)
        {
            build = parts[2];
            if (!char.IsAsciiDigit(build[0]))
            {
                return false;
            }
        }

        if (!PackageName.IsValid(parts[0]) || !PythonVersion.TryParse(parts[1], out PythonVersion? version))
        {
            return false;
        }

        wheel = new WheelFilename(file, parts[0], version, build, parts[^3].Split('.'), parts[^2].Split('.'), parts[^1].Split('.'));
        return true;
    }

    /// <summary>The build tag's sort key: its leading number, then the rest (PEP 427).</summary>
    internal (long Number, string Suffix) BuildKey
    {
        get
        {
            if (BuildTag is null)
            {
                return (-1, string.Empty);
            }

            int digits = 0;
            while (digits < BuildTag.Length && char.IsAsciiDigit(BuildTag[digits]))
            {
                digits++;
            }

            return (long.TryParse(BuildTag.AsSpan(0, Math.Min(digits, 18)), out long n) ? n : 0, BuildTag[digits..]);
        }
    }

    public override string ToString() => Filename;
}
