using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Shell;

/// <summary>A problem found while reading a script; the span is an offset range into the analysed string.</summary>
/// <param name="Code">A stable short code, for example "unterminated-single-quote".</param>
public sealed record ShellDiagnostic(DiagnosticSeverity Severity, string Code, string Message, TextSpan Span)
{
    /// <summary>A file diagnostic, for a caller that knows where the analysed string sits in the file.</summary>
    /// <param name="toSourceOffset">Maps an offset of the analysed string to an offset of <paramref name="source"/>.</param>
    public Diagnostic ToDiagnostic(SourceText source, Func<int, int> toSourceOffset)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(toSourceOffset);
        int start = toSourceOffset(Span.Start);
        int end = Math.Max(start, toSourceOffset(Span.End));
        return Diagnostic.Create(Severity, Code, Message, source, TextSpan.FromBounds(start, end));
    }

    public override string ToString() => $"{Span}: {Code}: {Message}";
}
