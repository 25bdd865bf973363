using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Text;

namespace Headroom.Rules.Models;

/// <summary>COPY and ADD instructions that take files from the build context, as DF009 and DF010 see them.</summary>
public static class ContextCopies
{
    /// <summary>True for a COPY/ADD from the build context: no <c>--from</c>, no heredoc, a source and a destination.</summary>
    public static bool IsFromContext(BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        string name = instruction.Instruction.Name;
        return (name == InstructionNames.Copy || name == InstructionNames.Add)
            && instruction.Expanded.GetFlag("from") is null
            && instruction.Expanded.Heredocs.IsEmpty
            && instruction.Expanded.Args.Length >= 2;
    }

    /// <summary>True when one source is the whole context: <c>.</c>, <c>./</c>, <c>*</c>, <c>./*</c> or <c>/</c>.</summary>
    public static bool IsWholeContextSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Trim() is "." or "./" or "*" or "./*" or "/";
    }

    /// <summary>True for a COPY/ADD of the whole context (<c>COPY . .</c>).</summary>
    public static bool CopiesWholeContext(BuildInstruction instruction) =>
        IsFromContext(instruction) && instruction.Expanded.Args[..^1].Any(IsWholeContextSource);

    /// <summary>The instruction as a message quotes it: <c>COPY . .</c>.</summary>
    public static string Written(BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return instruction.Instruction.Name.ToUpperInvariant() + " " + string.Join(' ', instruction.Instruction.Args);
    }

    /// <summary>From the instruction's keyword to the end of its first line (without the line break).</summary>
    public static TextSpan FirstLine(SourceText source, Instruction instruction)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(instruction);
        string text = source.Text;
        int start = instruction.KeywordSpan.Start;
        int end = text.IndexOf('\n', start);
        end = Math.Min(instruction.Span.End, end < 0 ? text.Length : end);
        end -= end > start && text[end - 1] == '\r' ? 1 : 0;
        return new TextSpan(start, Math.Max(0, end - start));
    }
}
