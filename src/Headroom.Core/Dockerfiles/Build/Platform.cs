using System.Diagnostics.CodeAnalysis;

namespace Headroom.Dockerfiles.Build;

/// <summary>
/// An OCI platform, normalized as containerd's platforms package does (x86_64 → amd64, aarch64 → arm64,
/// arm → arm/v7, arm64/v8 → arm64).
/// </summary>
public readonly record struct Platform(string Os, string Architecture, string Variant = "")
{
    public static Platform LinuxAmd64 { get; } = new("linux", "amd64");

    private static readonly HashSet<string> KnownOperatingSystems = new(StringComparer.Ordinal)
    {
        "aix", "android", "darwin", "dragonfly", "freebsd", "illumos", "ios", "js", "linux", "netbsd",
        "openbsd", "plan9", "solaris", "wasip1", "windows",
    };

    /// <summary>"os/arch" or "os/arch/variant" (containerd's platforms.Format).</summary>
    public override string ToString() =>
        Variant.Length == 0 ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    /// <summary>
    /// Parses "os", "arch", "os/arch" or "os/arch/variant". A lone architecture gets the Linux OS and a lone
    /// OS the amd64 architecture (the defaults of a linux/amd64 host).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Platform? platform)
    {
        platform = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string[] parts = text.ToLowerInvariant().Split('/');
        if (parts.Length > 3 || parts.Any(part => part.Length == 0 || !part.All(IsPlatformChar)))
        {
            return false;
        }

        string os;
        string arch;
        string variant = parts.Length == 3 ? parts[2] : string.Empty;
        if (parts.Length == 1)
        {
            if (KnownOperatingSystems.Contains(NormalizeOs(parts[0])))
            {
                os = parts[0];
                arch = LinuxAmd64.Architecture;
            }
            else
            {
                os = LinuxAmd64.Os;
                arch = parts[0];
            }
        }
        else
        {
            os = parts[0];
            arch = parts[1];
        }

        os = NormalizeOs(os);
        if (!KnownOperatingSystems.Contains(os))
        {
            return false;
        }

        (arch, variant) = NormalizeArchitecture(arch, variant);
        platform = new Platform(os, arch, variant);
        return true;
    }

    private static bool IsPlatformChar(char ch) => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.';

    private static string NormalizeOs(string os) => os == "macos" ? "darwin" : os;

    private static (string Architecture, string Variant) NormalizeArchitecture(string arch, string variant) =>
        arch switch
        {
            "i386" => ("386", string.Empty),
            "x86_64" or "x86-64" or "amd64" => ("amd64", variant == "v1" ? string.Empty : variant),
            "aarch64" or "arm64" => ("arm64", variant is "8" or "v8" ? string.Empty : variant),
            "armhf" => ("arm", "v7"),
            "armel" => ("arm", "v6"),
            "arm" => ("arm", variant switch
            {
                "" or "7" => "v7",
                "5" or "6" or "8" => "v" + variant,
                _ => variant,
            }),
            _ => (arch, variant),
        };
}
