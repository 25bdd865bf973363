using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// A here-document of a RUN, COPY or ADD. <see cref="Body"/> is the content as BuildKit gives it: lines
/// joined with "\n", including the final newline, tabs stripped for <c>&lt;&lt;-</c>.
/// </summary>
public sealed class Heredoc
{
    /// <summary>The delimiter word with quotes removed, e.g. "EOF".</summary>
    public required string Name { get; init; }

    public required string Body { get; init; }

    /// <summary>False when the delimiter was quoted (even partly): variables are not expanded.</summary>
    public required bool Expand { get; init; }

    /// <summary>True for <c>&lt;&lt;-</c>.</summary>
    public required bool StripTabs { get; init; }

    /// <summary>The file descriptor prefix (<c>3&lt;&lt;EOF</c>), or null.</summary>
    public int? FileDescriptor { get; init; }

    /// <summary>The span of the body lines and the terminator line.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>1-based line of the first body line.</summary>
    public required int BodyStartLine { get; init; }
}
