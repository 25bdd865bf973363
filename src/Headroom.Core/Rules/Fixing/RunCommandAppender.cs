using Headroom.Dockerfiles.Run;
using Headroom.Text;

namespace Headroom.Rules.Fixing;

/// <summary>
/// Appends <c>&amp;&amp; COMMAND</c> to the end of a shell-form RUN, in the RUN's own continuation style: on the same
/// line for a one-line RUN, else on a new line with the last line's indentation and with <c>&amp;&amp;</c> leading or
/// trailing as the RUN already writes it.
/// </summary>
public static class RunCommandAppender
{
    /// <summary>The edit, or null when appending is not safe (heredoc or exec form, a trailing operator, a comment on the last line).</summary>
    public static TextEdit? Append(RunScript script, SourceText source, string command)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(command);
        if (script.Origin != RunScriptOrigin.CommandLine || script.Script.HasErrors)
        {
            return null;
        }

        string text = script.Script.Text.TrimEnd();
        if (text.Length == 0 || text[^1] is ';' or '&' or '|' or '\\' or '`' || LastLine(text).Contains('#', StringComparison.Ordinal))
        {
            return null;
        }

        int end = script.ToSourceSpan(new TextSpan(text.Length, 0)).Start;
        string all = source.Text;
        int lineStart = all.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        int instructionStart = source.GetLineStart(script.Instruction.StartLine);
        if (lineStart <= instructionStart)
        {
            return TextEdit.Insert(end, " && " + command);
        }

        string lastLine = all[lineStart..end];
        string indent = lastLine[..(lastLine.Length - lastLine.TrimStart().Length)];
        string newLine = TextEdits.NewLineOf(all);
        string previous = all[instructionStart..lineStart].TrimEnd();
        char escape = previous.Length > 0 ? previous[^1] : '\\';
        bool trailingOperator = previous.Length > 1 && previous[..^1].TrimEnd().EndsWith("&&", StringComparison.Ordinal);
        return trailingOperator
            ? TextEdit.Insert(end, $" && {escape}{newLine}{indent}{command}")
            : TextEdit.Insert(end, $" {escape}{newLine}{indent}&& {command}");
    }

    private static string LastLine(string text) => text[(text.LastIndexOf('\n') + 1)..];
}
