namespace Headroom.Images.Remote;

/// <summary>An image platform, <c>os/arch[/variant]</c>, as in an index's <c>platform</c> object.</summary>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>linux/amd64, the default when none is asked for (as Docker on x86-64 does).</summary>
    public static ImagePlatform Default { get; } = new("linux", "amd64");

    /// <summary>Parses <c>os/arch[/variant]</c>; throws <see cref="FormatException"/> with a one-line reason.</summary>
    public static ImagePlatform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"invalid platform '{text}': expected os/arch[/variant], e.g. linux/arm64");
        }

        return new ImagePlatform(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null);
    }

    /// <summary>
    /// Whether an image of platform <paramref name="candidate"/> serves this wanted platform. A wanted
    /// platform without a variant takes any variant; arm64's default variant is v8, and arm's is v7.
    /// </summary>
    public bool Matches(ImagePlatform candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!string.Equals(Os, candidate.Os, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(NormalArch(Architecture), NormalArch(candidate.Architecture), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Variant is null)
        {
            return true;
        }

        return string.Equals(NormalVariant(Architecture, Variant), NormalVariant(candidate.Architecture, candidate.Variant), StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    private static string NormalArch(string arch) => arch switch
    {
        "x86_64" or "x86-64" => "amd64",
        "aarch64" => "arm64",
        _ => arch,
    };

    private static string? NormalVariant(string arch, string? variant) => (NormalArch(arch), variant) switch
    {
        ("arm64", null) => "v8",
        ("arm", null) => "v7",
        _ => variant,
    };
}
