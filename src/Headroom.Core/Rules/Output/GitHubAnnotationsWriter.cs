using Headroom.Diagnostics;

namespace Headroom.Rules.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=...,line=...::message</c>) that annotate the lines
/// of a pull request, then the summary as a plain line. Data and property values are escaped as the
/// runner expects (<c>%</c>, CR, LF; and <c>:</c>, <c>,</c> in properties).
/// </summary>
public static class GitHubAnnotationsWriter
{
    public static void Write(TextWriter output, CheckResult result, string pathPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        foreach (Finding f in result.Findings)
        {
            string command = f.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            string position = f.AnchorLine > 0
                ? $",line={f.Start.Line},col={f.Start.Column},endLine={f.End.Line},endColumn={f.End.Column}"
                : string.Empty;
            string title = $"{f.Rule.Id} {f.Rule.Slug}";
            output.WriteLine($"::{command} file={Property(pathPrefix + f.Path)}{position},title={Property(title)}::{Data(f.Message)}");
        }

        output.WriteLine(FindingsTextWriter.Summary(result));
    }

    /// <summary>Escapes a message (the part after <c>::</c>).</summary>
    public static string Data(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value.</summary>
    public static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
