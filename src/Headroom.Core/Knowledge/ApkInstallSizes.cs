namespace Headroom.Knowledge;

/// <summary>One package's <c>apk add</c> closure on a bare Alpine image, hand-summed from real index fields.</summary>
/// <param name="Package">The package asked for.</param>
/// <param name="InstalledBytes">The sum of the closure's <c>I:</c> fields (installed size).</param>
/// <param name="DownloadBytes">The sum of the closure's <c>S:</c> fields (the <c>.apk</c> files).</param>
/// <param name="PackageCount">How many packages the closure holds.</param>
/// <param name="Source">Which index or listing each figure was read from, and the closure's members.</param>
public sealed record ApkInstallSize(string Package, long InstalledBytes, long DownloadBytes, int PackageCount, string Source);

/// <summary>
/// Embedded apk knowledge for predictions without the Alpine mirror (which this project's machines do not
/// reach): the closures of common packages over a bare <c>alpine</c> image, and the packages that common
/// Alpine-based images already hold. A small hand-made table: the figures are real <c>I:</c>/<c>S:</c> fields
/// or <c>apk info</c> installed sizes, summed by hand over the dependencies named in each row's source.
/// </summary>
public static class ApkInstallSizes
{
    /// <summary>When the figures were read.</summary>
    public const string Date = "2026-11-30";

    private const string Index323 = "the x86_64 APKINDEX of the Alpine 3.23.3 boot media (I:/S: fields, packages of 2025-12 to 2026-01; a copy in r3bb1t/rusty_box)";
    private const string NginxListing = "docker-library/repo-info repos/nginx/local/1-alpine.md (apk info installed sizes in nginx:1.31.5-alpine on alpine 3.24, 2026-09-02)";
    private const string NodeListing = "docker-library/repo-info repos/node/local/22-alpine3.23.md (apk info installed sizes, 2026-09-17)";

    // Installed sizes in KiB from the repo-info listings are converted ×1024; download sizes there are unknown and
    // taken as 45% of the installed size (the S:/I: ratio of the 3.23 index's libraries, e.g. libcurl-like libs 0.4–0.5).
    private static readonly ApkInstallSize[] Rows =
    [
        new("curl", (278 + 725 + 957 + 237 + 193 + 73 + 1877 + 172) * 1024L + 710_336, ((278 + 725 + 957 + 237 + 193 + 73 + 1877 + 172) * 1024L * 45 / 100) + 373_813, 9,
            $"curl 278 KiB, libcurl 725, brotli-libs 957, c-ares 237, libidn2 193, libpsl 73, libunistring 1877 ({NginxListing}), nghttp2-libs 172 KiB (the same file's 2023 version), zstd-libs 710,336 B ({Index323})"),
        new("wget", 417_457 + 198_632 + 1_922_880 + 794_272, 211_601 + 104_625 + 743_482 + 319_854, 4, $"wget, libidn2, libunistring, pcre2 ({Index323})"),
        new("tzdata", 446_922, 187_243, 1, $"tzdata ({Index323})"),
        new("openssl", 820_320, 339_907, 1, $"openssl; libssl3 and libcrypto3 are in the base image ({Index323})"),
        new("ca-certificates", 207 * 1024L, 93 * 1024L, 1, $"ca-certificates 207 KiB ({NginxListing}); the bundle is in the base image"),
        new("openssh-client", 842_560 + 2_561_474 + 477_480 + 178_016 + 342_888 + 101_351, 377_036 + 870_943 + 207_568 + 76_561 + 158_748 + 21_855, 6,
            $"openssh-client-default, -common, openssh-keygen, libedit, libncursesw, ncurses-terminfo-base ({Index323})"),
        new("libstdc++", (2738 + 169) * 1024L, (2738 + 169) * 1024L * 45 / 100, 2, $"libstdc++ 2738 KiB and libgcc 169 KiB ({NodeListing})"),
        new("libgcc", 169 * 1024L, 76 * 1024L, 1, $"libgcc 169 KiB ({NodeListing})"),
        new("libffi", 38_960, 18_342, 1, $"libffi ({Index323})"),
        new("pcre2", 794_272, 319_854, 1, $"pcre2 ({Index323})"),
        new("gnutls", 1_962_064 + 980_488 + 423_880 + 597_872 + 198_632 + 1_922_880 + 1_379_151 + 38_960 + 67_424 + 710_336, 948_513 + 429_601 + 220_080 + 343_066 + 104_625 + 743_482 + 356_683 + 18_342 + 33_224 + 373_813, 10,
            $"gnutls, brotli-libs, gmp, nettle, libidn2, libunistring, p11-kit, libffi, libtasn1, zstd-libs ({Index323})"),
        new("e2fsprogs", 401_378 + 451_824 + 195_368 + 65_672 + 18_112 + 30_624, 180_511 + 209_132 + 94_561 + 26_053 + 6_098 + 14_256, 6, $"e2fsprogs, e2fsprogs-libs, libblkid, libeconf, libcom_err, libuuid ({Index323})"),
        new("yaml", 108_280, 45_096, 1, $"yaml ({Index323})"),
        new("libxml2", 1046 * 1024L, 1046 * 1024L * 45 / 100, 1, $"libxml2 1046 KiB ({NginxListing})"),
    ];

    /// <summary>The row for a package, or null.</summary>
    public static ApkInstallSize? Find(string package) => Rows.FirstOrDefault(r => r.Package == package);

    /// <summary>Every row.</summary>
    public static IReadOnlyList<ApkInstallSize> All => Rows;

    /// <summary>
    /// The packages of a bare <c>alpine</c> image from 3.23 on (<see cref="NodeListing"/>'s list without libgcc and
    /// libstdc++; Alpine 3.23 split libapk out of apk-tools).
    /// </summary>
    public static IReadOnlyList<string> AlpineBase { get; } =
    [
        "alpine-baselayout", "alpine-baselayout-data", "alpine-keys", "alpine-release", "apk-tools", "busybox", "busybox-binsh",
        "ca-certificates-bundle", "libapk", "libcrypto3", "libssl3", "musl", "musl-utils", "scanelf", "ssl_client", "zlib",
    ];

    /// <summary>
    /// The apk packages an Alpine-based image holds, by repository (<c>library/node</c>): the bare Alpine set plus what
    /// the image's Dockerfile installs (node: libgcc, libstdc++; nginx: the list in <see cref="NginxListing"/>, read to
    /// ncurses-terminfo-base and completed with the packages nginx's modules need). Other images: the bare set.
    /// </summary>
    public static IReadOnlyList<string> InstalledIn(string repository) => repository switch
    {
        "library/node" => [.. AlpineBase, "libgcc", "libstdc++"],
        "library/nginx" =>
        [
            .. AlpineBase, "aom-libs", "brotli-libs", "c-ares", "ca-certificates", "curl", "fontconfig", "freetype", "geoip", "gettext-envsubst",
            "libavif", "libbsd", "libbz2", "libcurl", "libdav1d", "libedit", "libexpat", "libgcc", "libgd", "libice", "libidn2", "libintl",
            "libjpeg-turbo", "libmd", "libncursesw", "libpng", "libpsl", "libsharpyuv", "libsm", "libstdc++", "libunistring", "libuuid",
            "libwebp", "libx11", "libxau", "libxcb", "libxdmcp", "libxext", "libxml2", "libxpm", "libxslt", "libxt", "libyuv",
            "ncurses-terminfo-base", "nghttp2-libs", "pcre2", "xz-libs", "zstd-libs", "tzdata",
        ],
        _ => AlpineBase,
    };

    /// <summary>
    /// The indexes <c>apk add</c> without <c>--no-cache</c> (or <c>apk update</c>) leaves in <c>/var/cache/apk</c>:
    /// main and community <c>APKINDEX.tar.gz</c>, about 2.6 MB together for x86_64 (an estimate of this tool:
    /// main ≈ 1 MB and community ≈ 1.6 MB; online the fetched files' real sizes are used).
    /// </summary>
    public static long IndexCacheBytes => 2_600_000;
}
