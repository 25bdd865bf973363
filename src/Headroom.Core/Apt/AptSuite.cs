namespace Headroom.Apt;

/// <summary>One line of a sources list: a mirror, a suite and its components (<c>deb http://deb.debian.org/debian bookworm main</c>).</summary>
/// <param name="Mirror">The archive root, ending in <c>/</c>.</param>
/// <param name="Suite"><c>bookworm</c>, <c>bookworm-updates</c>, <c>noble-security</c>, ...</param>
/// <param name="Components"><c>main</c>, <c>universe</c>, ...</param>
/// <param name="Optional">An updates or security suite: when it has no index for a component, it is left out (the main suite's absence is an error).</param>
public sealed record AptSuite(Uri Mirror, string Suite, IReadOnlyList<string> Components, bool Optional = false)
{
    /// <summary>The index URLs for a component, in the order tried: <c>Packages.gz</c>, <c>Packages.xz</c> (all that Debian's -updates and -security suites serve), then the plain <c>Packages</c>.</summary>
    public IEnumerable<Uri> PackagesUris(string component, string architecture)
    {
        Uri folder = new(Mirror, $"dists/{Suite}/{component}/binary-{architecture}/");
        yield return new Uri(folder, "Packages.gz");
        yield return new Uri(folder, "Packages.xz");
        yield return new Uri(folder, "Packages");
    }
}
