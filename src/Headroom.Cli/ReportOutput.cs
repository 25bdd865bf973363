using System.Text;
using Headroom.IO;

namespace Headroom.Cli;

/// <summary>Writes a report to <c>--output FILE</c> atomically (never half-written), or to stdout.</summary>
internal static class ReportOutput
{
    public static void Write(CommandContext context, string? outputPath, Action<TextWriter> write)
    {
        using var buffer = new StringWriter { NewLine = "\n" };
        write(buffer);
        string text = buffer.ToString();
        if (outputPath is null)
        {
            context.Out.Write(text);
            return;
        }

        AtomicFile.Write(outputPath, stream =>
        {
            byte[] bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
        });
    }
}
