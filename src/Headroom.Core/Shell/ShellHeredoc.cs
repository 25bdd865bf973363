using Headroom.Text;

namespace Headroom.Shell;

/// <summary>A here-document inside a script (<c>cat &lt;&lt;EOF &gt; f</c> ... <c>EOF</c>).</summary>
public sealed class ShellHeredoc
{
    internal ShellHeredoc(string delimiter, bool isQuoted, bool stripTabs, string body, TextSpan bodySpan, bool isTerminated)
    {
        Delimiter = delimiter;
        IsQuoted = isQuoted;
        StripTabs = stripTabs;
        Body = body;
        BodySpan = bodySpan;
        IsTerminated = isTerminated;
    }

    /// <summary>The delimiter with quotes removed.</summary>
    public string Delimiter { get; }

    /// <summary>True when the delimiter was quoted (even partly): the body is not expanded.</summary>
    public bool IsQuoted { get; }

    /// <summary>True for <c>&lt;&lt;-</c> (leading tabs removed from the body and the terminator).</summary>
    public bool StripTabs { get; }

    /// <summary>The body lines, each with its newline, tabs stripped for <c>&lt;&lt;-</c>.</summary>
    public string Body { get; }

    /// <summary>The body lines as written (without the terminator line).</summary>
    public TextSpan BodySpan { get; }

    /// <summary>False when the input ended before the terminator line.</summary>
    public bool IsTerminated { get; }

    /// <summary>The body lines in the text the parser read (differs from <see cref="BodySpan"/> inside <c>sh -c</c> strings).</summary>
    internal TextSpan LocalBodySpan { get; init; }
}
