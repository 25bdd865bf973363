namespace Headroom.Apt;

/// <summary>
/// A distribution release as the official container images configure apt: the suites and components
/// in their sources list. Debian's images use <c>main</c> of the release, -updates and -security; Ubuntu's
/// enable main, restricted, universe and multiverse (main and universe are read here: the others hold
/// little that a Dockerfile installs) of the release, -updates and -security; arm64 Ubuntu lives on
/// the ports mirror.
/// </summary>
/// <param name="Distro"><c>debian</c> or <c>ubuntu</c>.</param>
/// <param name="Codename"><c>bookworm</c>, <c>noble</c>, ...</param>
/// <param name="Version">The release number: <c>12</c>, <c>24.04</c>.</param>
public sealed record AptDistribution(string Distro, string Codename, string Version)
{
    private static readonly Uri Debian = new("http://deb.debian.org/debian/");
    private static readonly Uri DebianSecurity = new("http://deb.debian.org/debian-security/");
    private static readonly Uri Ubuntu = new("http://archive.ubuntu.com/ubuntu/");
    private static readonly Uri UbuntuSecurity = new("http://security.ubuntu.com/ubuntu/");
    private static readonly Uri UbuntuPorts = new("http://ports.ubuntu.com/ubuntu-ports/");

    /// <summary>The releases known by name.</summary>
    public static IReadOnlyList<AptDistribution> Known { get; } =
    [
        new("debian", "bullseye", "11"),
        new("debian", "bookworm", "12"),
        new("debian", "trixie", "13"),
        new("ubuntu", "jammy", "22.04"),
        new("ubuntu", "noble", "24.04"),
    ];

    /// <summary>A known release by codename or number (<c>bookworm</c>, <c>12</c>, <c>24.04</c>), or null.</summary>
    public static AptDistribution? Find(string distro, string release)
    {
        ArgumentNullException.ThrowIfNull(distro);
        ArgumentNullException.ThrowIfNull(release);
        return Known.FirstOrDefault(d => d.Distro == distro && (d.Codename == release || d.Version == release));
    }

    /// <summary>The suites apt reads for <paramref name="architecture"/> (a Debian architecture: <c>amd64</c>, <c>arm64</c>).</summary>
    public IReadOnlyList<AptSuite> Suites(string architecture)
    {
        if (Distro == "debian")
        {
            string[] main = ["main"];
            return
            [
                new AptSuite(Debian, Codename, main),
                new AptSuite(Debian, Codename + "-updates", main, Optional: true),
                new AptSuite(DebianSecurity, Codename + "-security", main, Optional: true),
            ];
        }

        bool ports = architecture is not ("amd64" or "i386");
        Uri archive = ports ? UbuntuPorts : Ubuntu;
        Uri security = ports ? UbuntuPorts : UbuntuSecurity;
        string[] components = ["main", "universe"];
        return
        [
            new AptSuite(archive, Codename, components),
            new AptSuite(archive, Codename + "-updates", components, Optional: true),
            new AptSuite(security, Codename + "-security", components, Optional: true),
        ];
    }

    public override string ToString() => $"{Distro} {Version} ({Codename})";
}
