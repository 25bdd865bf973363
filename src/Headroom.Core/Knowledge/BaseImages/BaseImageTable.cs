using System.Text.RegularExpressions;
using Headroom.Images.Remote;

namespace Headroom.Knowledge;

/// <summary>
/// Embedded knowledge of common base images (python 3.9–3.14 in their Debian and Alpine variants,
/// debian, ubuntu, alpine, nvidia/cuda, pytorch/pytorch), for predictions without a registry, and a
/// resolver from what a Dockerfile's FROM names to a row.
/// </summary>
public static partial class BaseImageTable
{
    private static readonly string[] CudaFlavours = ["cudnn-runtime", "cudnn-devel", "runtime", "devel", "base"];

    // Built on first use: the rows read static arrays of the other part of this class, whose
    // initialisation order relative to this file's is not defined.
    private static readonly Lazy<IReadOnlyList<BaseImage>> Rows = new(() => [.. PythonRows(), .. OsRows(), .. GpuRows(), .. WebRows()]);

    /// <summary>Every row.</summary>
    public static IReadOnlyList<BaseImage> All => Rows.Value;

    /// <summary>The newest Python minor with images: what <c>python:3</c> and <c>python:latest</c> run.</summary>
    public const string LatestPython = "3.14";

    /// <summary>
    /// The row for an image reference such as <c>python:3.12-slim</c>, <c>python:3.12.7-slim-bookworm</c>,
    /// <c>docker.io/library/debian:12-slim</c>, <c>python:3.12-slim@sha256:…</c>; null when the reference is
    /// invalid, names another registry, carries only a digest, or no row is near.
    /// </summary>
    public static BaseImageMatch? Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!ImageReference.TryParse(reference.Trim(), out ImageReference? image, out _) || image.Registry != ImageReference.DockerHub)
        {
            return null;
        }

        string tag = image.Tag ?? ImageReference.DefaultTag;
        var rows = All.Where(r => r.Repository == image.Repository).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        if (image.Tag is null && image.Digest is not null)
        {
            // Pinned by digest alone: the tag is not known, so the repository's default tag stands in, marked as near.
            BaseImageMatch? latest = Resolve(image.Repository + ":" + ImageReference.DefaultTag);
            return latest is null ? null : latest with { Reference = image, ExactTag = false, Note = $"{image.Repository.Replace("library/", string.Empty, StringComparison.Ordinal)}@{image.Digest[..Math.Min(image.Digest.Length, 19)]} names no tag: sized as {latest.Image.Name}" };
        }

        BaseImage? exact = FindTag(rows, tag);
        if (exact is not null)
        {
            return new BaseImageMatch(exact, image, true, null);
        }

        return image.Repository switch
        {
            "library/python" => NearPython(rows, image, tag),
            "library/debian" or "library/ubuntu" or "library/alpine" => NearOs(rows, image, tag),
            "nvidia/cuda" => NearCuda(rows, image, tag),
            "library/node" => NearNode(rows, image, tag),
            "library/nginx" => NearNginx(rows, image, tag),
            "pytorch/pytorch" => NearFlavour(rows, image, tag, tag.EndsWith("-devel", StringComparison.Ordinal) ? "-devel" : "-runtime"),
            _ => null,
        };
    }

    private static BaseImage? FindTag(List<BaseImage> rows, string tag) =>
        rows.FirstOrDefault(r => r.Tag == tag) ?? rows.FirstOrDefault(r => r.Aliases.Contains(tag, StringComparer.Ordinal));

    private static BaseImageMatch? NearPython(List<BaseImage> rows, ImageReference image, string tag)
    {
        // python:3, python:latest, python:slim, python:3-alpine: the newest minor.
        Match bare = BarePython().Match(tag);
        if (bare.Success)
        {
            string rest = bare.Groups["rest"].Value;
            string mapped = rest.Length == 0 ? LatestPython : $"{LatestPython}-{rest}";
            BaseImage? latest = FindTag(rows, mapped);
            return latest is null ? null : new BaseImageMatch(latest, image, false, $"python:{tag} is Python {LatestPython} (the newest minor in the table)");
        }

        Match patch = PatchPython().Match(tag);
        if (!patch.Success)
        {
            return null;
        }

        string minor = $"{patch.Groups["major"].Value}.{patch.Groups["minor"].Value}";
        string suffix = patch.Groups["rest"].Success ? "-" + patch.Groups["rest"].Value : string.Empty;
        BaseImage? row = FindTag(rows, minor + suffix);
        if (row is null)
        {
            return null;
        }

        string version = $"{minor}.{patch.Groups["patch"].Value}";
        string note = $"python:{tag} is sized as python:{row.Tag}; its Python is {version}";
        if (!suffix.Contains("bookworm", StringComparison.Ordinal) && !suffix.Contains("trixie", StringComparison.Ordinal) && !suffix.Contains("alpine", StringComparison.Ordinal))
        {
            note += " (patch tags published before 2025-08-08 are Debian 12 bookworm, later ones Debian 13 trixie)";
        }

        return new BaseImageMatch(row with { PythonVersion = version }, image, false, note);
    }

    private static BaseImageMatch? NearOs(List<BaseImage> rows, ImageReference image, string tag)
    {
        // debian:12.8-slim, debian:bookworm-20240812-slim, ubuntu:noble-20240801, ubuntu:24.04.1? , alpine:3.20.3
        string reduced = OsPointRelease().Replace(tag, "${base}${slim}");
        reduced = DatedTag().Replace(reduced, "${base}${slim}");
        BaseImage? row = reduced != tag ? FindTag(rows, reduced) : null;
        if (row is null && image.Repository == "library/alpine" && (AlpineRelease().Match(tag) is { Success: true } exactRelease ? exactRelease : AlpineRelease().Match(reduced)) is { Success: true } release)
        {
            // An Alpine release outside the table (3.18, 3.25): the nearest release's figure.
            int minor = int.Parse(release.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture);
            row = rows.MinBy(r => Math.Abs(int.Parse(r.Tag.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture) - minor));
        }

        return row is null ? null : new BaseImageMatch(row, image, false, $"{image.Repository.Replace("library/", string.Empty, StringComparison.Ordinal)}:{tag} is sized as its release, {row.Name}");
    }

    private static BaseImageMatch? NearCuda(List<BaseImage> rows, ImageReference image, string tag)
    {
        // 12.1.1-cudnn8-runtime-ubuntu22.04: the same flavour and Ubuntu release of the nearest CUDA version in the table.
        Match m = CudaTag().Match(tag);
        if (!m.Success)
        {
            return null;
        }

        string flavour = m.Groups["flavour"].Value.Replace("cudnn8-", "cudnn-", StringComparison.Ordinal).Replace("cudnn9-", "cudnn-", StringComparison.Ordinal);
        string ubuntu = m.Groups["ubuntu"].Value;
        if (!CudaFlavours.Contains(flavour, StringComparer.Ordinal))
        {
            return null;
        }

        BaseImage? row = rows
            .Where(r => r.Tag.EndsWith($"-{flavour}-ubuntu{ubuntu}", StringComparison.Ordinal))
            .OrderBy(r => Math.Abs(string.CompareOrdinal(r.Tag, tag)))
            .FirstOrDefault();
        return row is null ? null : new BaseImageMatch(row, image, false, $"nvidia/cuda:{tag} is not in the table; sized as nvidia/cuda:{row.Tag}");
    }

    private static BaseImageMatch? NearFlavour(List<BaseImage> rows, ImageReference image, string tag, string suffix)
    {
        BaseImage? row = rows.LastOrDefault(r => r.Tag.EndsWith(suffix, StringComparison.Ordinal));
        return row is null ? null : new BaseImageMatch(row, image, false, $"{image.Repository}:{tag} is not in the table; sized as {row.Name}");
    }

    [GeneratedRegex(@"^(?:3|latest)?(?:-)?(?<rest>(?:slim|alpine|bookworm|trixie|slim-bookworm|slim-trixie)?)$")]
    private static partial Regex BarePython();

    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(?:-(?<rest>.+))?$")]
    private static partial Regex PatchPython();

    [GeneratedRegex(@"^(?<base>\d+(?:\.\d+)?)\.\d+(?<slim>-slim)?$")]
    private static partial Regex OsPointRelease();

    [GeneratedRegex(@"^3\.(?<minor>\d+)$")]
    private static partial Regex AlpineRelease();

    [GeneratedRegex(@"^(?<base>[a-z]+)-\d{8}(?<slim>-slim)?$")]
    private static partial Regex DatedTag();

    [GeneratedRegex(@"^(?<cuda>\d+\.\d+(?:\.\d+)?)-(?<flavour>[a-z0-9-]+?)-ubuntu(?<ubuntu>\d+\.\d+)$")]
    private static partial Regex CudaTag();
}
