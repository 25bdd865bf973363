using System.Collections.Immutable;
using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// One instruction, with everything BuildKit's parser gives (its Node) and the places in the source.
/// </summary>
public sealed class Instruction : DockerfileNode
{
    /// <summary>The instruction keyword in lower case ("run", "from", "onbuild", or an unknown word).</summary>
    public required string Name { get; init; }

    /// <summary>The keyword as written.</summary>
    public required TextSpan KeywordSpan { get; init; }

    /// <summary>1-based first line (BuildKit's StartLine).</summary>
    public required int StartLine { get; init; }

    /// <summary>1-based last line, heredoc bodies included (BuildKit's EndLine).</summary>
    public required int EndLine { get; init; }

    public ImmutableArray<InstructionFlag> Flags { get; init; } = [];

    /// <summary>
    /// The arguments exactly as BuildKit's Node.Next chain holds them (what Node.Dump prints). An unknown
    /// instruction has one empty argument, as in BuildKit.
    /// </summary>
    public ImmutableArray<string> Args { get; init; } = [];

    /// <summary>True when the arguments were written in JSON (exec) form.</summary>
    public bool IsJson { get; init; }

    /// <summary>
    /// The heredocs announced on the line, in order. For <c>ONBUILD RUN &lt;&lt;EOF</c> they are on the ONBUILD
    /// instruction (where BuildKit attaches them) and on its <see cref="Inner"/> instruction.
    /// </summary>
    public ImmutableArray<Heredoc> Heredocs { get; init; } = [];

    /// <summary>
    /// For ONBUILD, the wrapped instruction (same lines; its span starts at its keyword). The ONBUILD
    /// instruction itself then has no <see cref="Args"/>.
    /// </summary>
    public Instruction? Inner { get; init; }

    /// <summary>
    /// The logical text after the keyword and flags, continuation lines joined as BuildKit joins them
    /// (the shell-form command of a RUN), mapped back to source offsets.
    /// </summary>
    public required MappedText Body { get; init; }

    /// <summary>The comment lines directly above the instruction, without "#" (BuildKit's PrevComment).</summary>
    public ImmutableArray<string> Comments { get; init; } = [];

    public bool IsKnown => InstructionNames.IsKnown(Name);
}
