using System.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// Prints a parse in the format of BuildKit's <c>Node.Dump()</c> (what its parser tests compare with
/// the <c>result</c> files): one <c>(name ["--flag"] "arg" ...)</c> per instruction, strings quoted
/// as Go's <c>%q</c> does, ONBUILD nesting its instruction. Heredocs are not part of the dump.
/// </summary>
public static class SexpPrinter
{
    /// <summary>The whole file: <c>Node.Dump()</c> of the root followed by "\n", as in the result files.</summary>
    public static string Print(DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var builder = new StringBuilder();
        foreach (Instruction instruction in syntax.Instructions)
        {
            builder.Append('(').Append(Dump(instruction)).Append(")\n");
        }

        return builder.ToString().Trim() + "\n";
    }

    /// <summary>One instruction's <c>Node.Dump()</c>, without the surrounding parentheses.</summary>
    public static string Dump(Instruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var builder = new StringBuilder();
        builder.Append(instruction.Name);
        if (instruction.Flags.Length > 0)
        {
            builder.Append(' ');
            GoQuote.AppendSlice(builder, instruction.Flags.Select(f => f.Raw));
        }

        if (instruction.Inner != null)
        {
            builder.Append(" (").Append(Dump(instruction.Inner)).Append(')');
        }

        foreach (string arg in instruction.Args)
        {
            builder.Append(' ');
            GoQuote.Append(builder, arg);
        }

        return builder.ToString().Trim();
    }
}
