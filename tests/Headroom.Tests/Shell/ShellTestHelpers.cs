using Headroom.Shell;

namespace Headroom.Tests.Shell;

internal static class ShellTestHelpers
{
    /// <summary>The literal words of each command, for compact assertions.</summary>
    public static string[][] Words(this ShellScript script) =>
        [.. script.Commands.Select(c => c.Words.Select(w => w.Value ?? w.RawText).ToArray())];

    public static string Show(this ShellScript script) =>
        string.Join(" | ", script.Commands.Select(c => string.Join(' ', c.Words.Select(w => w.Value ?? "<" + w.RawText + ">"))));

    /// <summary>The text a span covers in the analysed string.</summary>
    public static string At(this ShellScript script, Headroom.Text.TextSpan span) => script.Text.Substring(span.Start, span.Length);
}
