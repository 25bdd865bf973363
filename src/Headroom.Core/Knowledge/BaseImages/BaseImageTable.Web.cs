using System.Text.RegularExpressions;
using Headroom.Images.Remote;
using Headroom.Python;

namespace Headroom.Knowledge;

/// <summary>The node and nginx rows of <see cref="BaseImageTable"/> (front-end builds and the images that serve them).</summary>
public static partial class BaseImageTable
{
    /// <summary>The Node.js majors with rows; <c>node:lts</c>, <c>node:latest</c> and <c>node:current</c> are sized as the newest.</summary>
    private static readonly string[] NodeMajors = ["18", "20", "22", "24"];

    private const string NodeFacts = "docker-library/official-images library/node: -alpine on Alpine (musl), -slim and the full image on Debian; "
        + "repo-info repos/node/local/24.18.1-slim.md shows node:24-slim built on bookworm-slim (2026-07-30); -trixie and -trixie-slim exist beside them";

    // Measured figures (docker-library/repo-info, "Virtual Size: total size of all layers on-disk", linux/amd64; and the
    // remote files' "Total Size", the compressed transfer size):
    //   repos/node/local/22-alpine3.23.md (commit 680e90c, image of 2026-09-17, Node 22.23.2): ~167.63 MB on disk.
    //   repos/node/remote/20-alpine.md (image of 2025-01-08, Node 20.18.1 on alpine 3.21): 47,446,270 B compressed.
    //   repos/node/local/24.18.1-slim.md (commit a802ea1, node:24-bookworm-slim of 2026-07-30): ~226.59 MB on disk.
    // The full images (buildpack-deps + Node) are not in what was read: estimated as python's full bookworm image
    // (1.02 GB, itself an estimate) minus its Python (~60 MB) plus Node's share of the slim image (226.59 - 74 MB).
    private static readonly BaseImageSize[] NodeAlpineMeasured =
    [
        new("linux/amd64", null, 167_630_000, false, $"{RepoInfo} repos/node/local/22-alpine3.23.md (virtual size, rounded to 10 kB)", "2026-09-17"),
    ];

    private static readonly BaseImageSize[] NodeAlpine20 =
    [
        new("linux/amd64", 47_446_270, 128_100_000, true, $"compressed: {RepoInfo} repos/node/remote/20-alpine.md (Node 20.18.1, exact); uncompressed: estimate, 2.7x the compressed size (the ratio the table uses where only the compressed size is known)", "2025-01-08"),
    ];

    private static readonly BaseImageSize[] NodeSlimMeasured =
    [
        new("linux/amd64", null, 226_590_000, false, $"{RepoInfo} repos/node/local/24.18.1-slim.md (node:24-bookworm-slim, virtual size, rounded to 10 kB)", "2026-07-30"),
    ];

    private static readonly BaseImageSize[] NodeFull =
    [
        new("linux/amd64", null, 1_110_000_000, true, "estimate: python's full bookworm image (1.02 GB) minus its Python (~60 MB) plus Node (node:24-bookworm-slim's 226.59 MB minus debian:bookworm-slim's 74 MB)", "2026-11-30"),
    ];

    private const string NginxFacts = "docker-library/official-images library/nginx: the unqualified tags are Debian trixie (repo-info repos/nginx/local/1-trixie.md beside latest.md), -alpine is alpine3.24 (repos/nginx/local/1.31-alpine3.24.md)";

    // repos/nginx/local/1-alpine.md (commit fa589e1): nginx:1.31.5-alpine of 2026-09-02, ~68.98 MB on disk.
    private static readonly BaseImageSize[] NginxAlpine =
    [
        new("linux/amd64", null, 68_980_000, false, $"{RepoInfo} repos/nginx/local/1-alpine.md (nginx 1.31.5-alpine, virtual size, rounded to 10 kB)", "2026-09-02"),
    ];

    private static readonly BaseImageSize[] NginxAlpineSlim =
    [
        new("linux/amd64", null, 13_500_000, true, "estimate: alpine (8.5 MB) plus nginx and pcre2 without the njs, xslt, image-filter and geoip modules and their libraries that the full -alpine image adds (repos/nginx/local/1-alpine.md lists them)", "2026-11-30"),
    ];

    private static readonly BaseImageSize[] NginxDebian =
    [
        new("linux/amd64", null, 192_000_000, true, "estimate: the 192 MB commonly shown by `docker images` for nginx:latest on Debian (not verified here); debian:trixie-slim is 78.5 MB of it", "2026-11-30"),
    ];

    private static IEnumerable<BaseImage> WebRows()
    {
        foreach (string major in NodeMajors)
        {
            // Alpine release of each major's -alpine tag: 18 ended on 3.21 (EOL 2025-04), 20 on 3.23 (EOL 2026-04); 22 and 24 are on 3.24 (repo-info 22-alpine3.24.md, 24-alpine3.24.md).
            string alpine = major switch { "18" => "3.21", "20" => "3.23", _ => "3.24" };
            BaseImageSize[] alpineSizes = major switch
            {
                "22" => NodeAlpineMeasured,
                "20" => NodeAlpine20,
                "18" => Stand(NodeAlpine20, "Node " + major),
                _ => Stand(NodeAlpineMeasured, "Node " + major),
            };
            yield return new BaseImage("library/node", $"{major}-alpine{alpine}", [$"{major}-alpine"], "alpine", alpine, LibcKind.Musl, "1.2", null, alpineSizes, NodeFacts + "; " + MuslFacts, "2026-11-30");
            yield return new BaseImage("library/node", $"{major}-bookworm-slim", [$"{major}-slim"], "debian", "12", LibcKind.Glibc, "2.36", null,
                major == "24" ? NodeSlimMeasured : Stand(NodeSlimMeasured, "Node " + major), NodeFacts + "; " + DistroFacts, "2026-11-30");
            yield return new BaseImage("library/node", $"{major}-trixie-slim", [], "debian", "13", LibcKind.Glibc, "2.41", null,
                Scaled(NodeSlimMeasured, 231_100_000, $"estimate for Node {major} on trixie-slim: node:24-bookworm-slim plus trixie-slim's 4.5 MB over bookworm-slim"), NodeFacts + "; " + DistroFacts, "2026-11-30");
            yield return new BaseImage("library/node", $"{major}-bookworm", [major], "debian", "12", LibcKind.Glibc, "2.36", null, Stand(NodeFull, "Node " + major), NodeFacts + "; " + DistroFacts, "2026-11-30");
            yield return new BaseImage("library/node", $"{major}-trixie", [], "debian", "13", LibcKind.Glibc, "2.41", null,
                Scaled(NodeFull, 1_120_000_000, $"estimate for Node {major} on trixie: the bookworm figure plus trixie's larger rootfs"), NodeFacts + "; " + DistroFacts, "2026-11-30");
        }

        yield return new BaseImage("library/nginx", "alpine", ["1-alpine", "stable-alpine", "mainline-alpine", "alpine3.24"], "alpine", "3.24", LibcKind.Musl, "1.2", null, NginxAlpine, NginxFacts + "; " + MuslFacts, "2026-11-30");
        yield return new BaseImage("library/nginx", "alpine-slim", ["1-alpine-slim", "stable-alpine-slim", "mainline-alpine-slim", "alpine3.24-slim"], "alpine", "3.24", LibcKind.Musl, "1.2", null, NginxAlpineSlim, NginxFacts + "; " + MuslFacts, "2026-11-30");
        yield return new BaseImage("library/nginx", "latest", ["1", "stable", "mainline", "trixie", "1-trixie"], "debian", "13", LibcKind.Glibc, "2.41", null, NginxDebian, NginxFacts + "; " + DistroFacts, "2026-11-30");
    }

    /// <summary>The measured figure of another version of the same variant, standing in for <paramref name="what"/>, marked as an estimate.</summary>
    private static BaseImageSize[] Stand(BaseImageSize[] measured, string what) =>
        [.. measured.Select(s => s with { Estimate = true, Source = $"estimate for {what}: the figure of the same variant for another version ({s.Source})" })];

    private static BaseImageSize[] Scaled(BaseImageSize[] measured, long bytes, string source) =>
        [.. measured.Take(1).Select(s => s with { CompressedBytes = null, UncompressedBytes = bytes, Estimate = true, Source = $"{source} ({s.Source})" })];

    private static BaseImageMatch? NearNode(List<BaseImage> rows, ImageReference image, string tag)
    {
        // node:20.11.1-alpine3.19, node:lts-slim, node:alpine, node:latest, node:iron (20), node:jod (22), node:krypton (24).
        Match m = NodeTag().Match(tag);
        if (!m.Success)
        {
            return null;
        }

        string head = m.Groups["head"].Value;
        string major = head switch
        {
            "" or "lts" or "latest" or "current" => NodeMajors[^1],
            "hydrogen" => "18",
            "iron" => "20",
            "jod" => "22",
            "krypton" => "24",
            _ => head.Split('.')[0],
        };
        // bullseye (Debian 11) tags are sized as their bookworm equivalents.
        string variant = m.Groups["variant"].Value.Replace("bullseye", "bookworm", StringComparison.Ordinal);
        string wanted = variant switch
        {
            "" => major,
            _ when variant.StartsWith("alpine", StringComparison.Ordinal) => $"{major}-alpine",
            _ => $"{major}-{variant}",
        };
        BaseImage? row = FindTag(rows, wanted) ?? (NodeMajors.Contains(major, StringComparer.Ordinal) ? null : NearestNodeMajor(rows, major, variant));
        return row is null ? null : new BaseImageMatch(row, image, false, $"node:{tag} is sized as node:{row.Tag}");
    }

    private static BaseImage? NearestNodeMajor(List<BaseImage> rows, string major, string variant)
    {
        if (!int.TryParse(major, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int wanted))
        {
            return null;
        }

        string nearest = NodeMajors.MinBy(n => Math.Abs(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) - wanted))!;
        string suffix = variant.Length == 0 ? string.Empty : variant.StartsWith("alpine", StringComparison.Ordinal) ? "-alpine" : "-" + variant;
        return FindTag(rows, nearest + suffix);
    }

    private static BaseImageMatch? NearNginx(List<BaseImage> rows, ImageReference image, string tag)
    {
        // nginx:1.27-alpine, nginx:1.27.3-alpine3.21-slim, nginx:1.27-perl, nginx:stable-alpine-otel, nginx:1.25.
        string flavour = tag.Contains("alpine", StringComparison.Ordinal)
            ? tag.Contains("slim", StringComparison.Ordinal) ? "alpine-slim" : "alpine"
            : "latest";
        if (!NginxTag().IsMatch(tag))
        {
            return null;
        }

        BaseImage? row = FindTag(rows, flavour);
        return row is null ? null : new BaseImageMatch(row, image, false, $"nginx:{tag} is sized as nginx:{row.Tag} (nginx 1.31, {row.Distro} {row.DistroRelease})");
    }

    [GeneratedRegex(@"^(?<head>\d+(?:\.\d+){0,2}|lts|latest|current|hydrogen|iron|jod|krypton)?-?(?<variant>alpine(?:\d+\.\d+)?|slim|bookworm-slim|trixie-slim|bookworm|trixie|bullseye-slim|bullseye)?$")]
    private static partial Regex NodeTag();

    [GeneratedRegex(@"^(?:\d+(?:\.\d+){0,2}|stable|mainline|latest|alpine)?(?:-?(?:alpine(?:\d+\.\d+)?|trixie|bookworm|bullseye|perl|otel|slim))*$")]
    private static partial Regex NginxTag();
}
