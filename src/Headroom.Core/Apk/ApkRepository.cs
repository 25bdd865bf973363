namespace Headroom.Apk;

/// <summary>
/// Where an Alpine release's indexes live: <c>MIRROR/vRELEASE/REPO/ARCH/APKINDEX.tar.gz</c> for the <c>main</c> and
/// <c>community</c> repositories that the official <c>alpine</c> images list in <c>/etc/apk/repositories</c>.
/// The mirror is <c>https://dl-cdn.alpinelinux.org/alpine/</c> unless <c>HEADROOM_ALPINE_MIRROR</c> names another.
/// </summary>
public static class ApkRepository
{
    private static readonly string[] Repositories = ["main", "community"];

    /// <summary>The default mirror.</summary>
    public static Uri DefaultMirror { get; } = new("https://dl-cdn.alpinelinux.org/alpine/");

    /// <summary>The mirror to read: <c>HEADROOM_ALPINE_MIRROR</c> when set to an absolute URL, else <see cref="DefaultMirror"/>.</summary>
    public static Uri Mirror =>
        Environment.GetEnvironmentVariable("HEADROOM_ALPINE_MIRROR") is { Length: > 0 } value && Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out Uri? uri)
            ? uri
            : DefaultMirror;

    /// <summary>Alpine's name for a Docker architecture: <c>amd64</c> → <c>x86_64</c>, <c>arm64</c> → <c>aarch64</c>.</summary>
    public static string Architecture(string docker) => docker switch
    {
        "amd64" => "x86_64",
        "arm64" => "aarch64",
        "arm" => "armv7",
        "386" => "x86",
        _ => docker,
    };

    /// <summary>The index URLs of <paramref name="release"/> (<c>3.20</c>, or <c>edge</c>) for a Docker architecture, main first.</summary>
    public static IReadOnlyList<Uri> IndexUris(Uri mirror, string release, string architecture)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        string branch = release == "edge" ? "edge" : "v" + release;
        string arch = Architecture(architecture);
        return [.. Repositories.Select(r => new Uri(mirror, $"{branch}/{r}/{arch}/APKINDEX.tar.gz"))];
    }
}
