using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// A top-level piece of a Dockerfile. The nodes of a <see cref="DockerfileSyntax"/> cover its text
/// without gaps or overlaps, so concatenating their text gives the input back byte for byte.
/// </summary>
public abstract class DockerfileNode
{
    /// <summary>The full span, including the line terminator(s) that belong to the node.</summary>
    public required TextSpan Span { get; init; }
}
