using System.Collections.Immutable;
using Headroom.Text;

namespace Headroom.Dockerfiles.Parsing;

/// <summary>Turns a <see cref="ParsedLine"/> into the public <see cref="Instruction"/>, mapping indexes to the source.</summary>
internal static class InstructionFactory
{
    public static Instruction Create(
        ParsedLine parsed,
        MappedText line,
        TextSpan span,
        int startLine,
        int endLine,
        ImmutableArray<Heredoc> heredocs,
        ImmutableArray<string> comments)
    {
        SplitCommand split = parsed.Split;
        Instruction? inner = null;
        if (parsed.Inner != null)
        {
            int innerStart = line.ToSourceOffset(parsed.Inner.Split.CommandStart);
            inner = Create(parsed.Inner, line, TextSpan.FromBounds(innerStart, span.End), startLine, endLine, heredocs, []);
        }

        return new Instruction
        {
            Span = span,
            Name = GoText.ToLower(parsed.Command),
            KeywordSpan = line.ToSourceSpan(split.CommandStart, split.CommandEnd - split.CommandStart),
            StartLine = startLine,
            EndLine = endLine,
            Flags = [.. split.Flags.Select(f => CreateFlag(f, line))],
            Args = [.. parsed.Args],
            IsJson = parsed.IsJson,
            Heredocs = heredocs,
            Inner = inner,
            Body = line.Slice(split.ArgsStart, split.ArgsEnd - split.ArgsStart),
            Comments = comments,
        };
    }

    private static InstructionFlag CreateFlag(BuilderFlag flag, MappedText line)
    {
        string text = flag.Text;
        // Every flag word starts with "--" (BuildKit only takes such words as flags).
        string nameAndValue = text.Length >= 2 ? text[2..] : string.Empty;
        int eq = nameAndValue.IndexOf('=', StringComparison.Ordinal);
        string name = eq < 0 ? nameAndValue : nameAndValue[..eq];
        string? value = eq < 0 ? null : nameAndValue[(eq + 1)..];
        return new InstructionFlag(flag.Raw, name, value, line.ToSourceSpan(flag.Start, flag.End - flag.Start));
    }
}
