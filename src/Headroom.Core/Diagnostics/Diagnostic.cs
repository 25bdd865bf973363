using Headroom.Text;

namespace Headroom.Diagnostics;

/// <summary>
/// A problem found while reading input (a parse error, a warning such as an empty continuation line).
/// Never thrown: parsers return these next to the tree they built.
/// </summary>
/// <param name="Severity">How bad it is; an error means the input is rejected by the tool it targets.</param>
/// <param name="Code">A stable short code, for example "unterminated-heredoc".</param>
/// <param name="Message">One line, no trailing period needed.</param>
/// <param name="Path">The file, as the caller named it, or null.</param>
/// <param name="Span">Where, in the file's text.</param>
/// <param name="Start">1-based line and column of Span.Start.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? Path,
    TextSpan Span,
    LinePosition Start)
{
    public static Diagnostic Create(DiagnosticSeverity severity, string code, string message, SourceText source, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Diagnostic(severity, code, message, source.Path, span, source.GetPosition(span.Start));
    }

    /// <summary>"path:line: message", the form used on stderr by the error contract.</summary>
    public override string ToString() => $"{Path ?? "<input>"}:{Start.Line}: {Message}";
}
