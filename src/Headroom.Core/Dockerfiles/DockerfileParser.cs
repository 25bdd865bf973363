using Headroom.Dockerfiles.Parsing;
using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// The Dockerfile parser: BuildKit's frontend/dockerfile/parser behaviour (directives, escape character,
/// line continuations, JSON and shell forms, flags, heredocs), with a lossless tree over the text.
/// </summary>
public static class DockerfileParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. Never throws for any text: problems are in
    /// <see cref="DockerfileSyntax.Diagnostics"/>, and the nodes always cover the text exactly.
    /// </summary>
    /// <param name="text">The whole file, as decoded (a leading U+FEFF is kept as a byte order mark node).</param>
    /// <param name="path">The file name for diagnostics, or null.</param>
    public static DockerfileSyntax Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ParserSession(new SourceText(text, path)).Run();
    }
}
