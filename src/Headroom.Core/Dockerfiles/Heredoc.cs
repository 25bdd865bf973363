using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// A here-document of a RUN, COPY or ADD. <see cref="Body"/> is the content as BuildKit's parser gives it
/// (its Heredoc.Content): the body lines with their own line terminators ("\n", or "\r\n" in a CRLF
/// file), the final one included, and leading tabs kept even for <c>&lt;&lt;-</c> (BuildKit strips them
/// later, when it uses the content: see <see cref="EffectiveBody"/>).
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

    /// <summary>The file descriptor prefix (<c>3&lt;&lt;EOF</c>), or null when there is none (BuildKit: 0).</summary>
    public ulong? FileDescriptor { get; init; }

    /// <summary>The content as the build uses it: <see cref="Body"/> with leading tabs removed from every line for <c>&lt;&lt;-</c>.</summary>
    public string EffectiveBody => StripTabs ? StripLeadingTabs(Body) : Body;

    /// <summary>The span of the body lines and the terminator line.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>1-based line of the first body line.</summary>
    public required int BodyStartLine { get; init; }

    private static string StripLeadingTabs(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        bool lineStart = true;
        foreach (char c in text)
        {
            if (lineStart && c == '\t')
            {
                continue;
            }

            lineStart = c == '\n';
            builder.Append(c);
        }

        return builder.ToString();
    }
}
