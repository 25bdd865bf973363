using System.Collections.Immutable;

namespace Headroom.Dockerfiles.Build;

/// <summary>
/// An instruction's arguments, flags and heredocs after the variable expansion BuildKit applies to that
/// kind of instruction, in the same shapes as <see cref="Instruction"/> (ENV/LABEL triples stay triples,
/// EXPOSE is split into words). RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, MAINTAINER and ONBUILD are
/// left as written (for RUN, only the <c>--mount</c> values are expanded): the shell or a later build
/// expands them.
/// </summary>
public sealed class ExpandedInstruction
{
    internal ExpandedInstruction(
        Instruction instruction,
        bool isExpanded,
        ImmutableArray<string> args,
        ImmutableArray<InstructionFlag> flags,
        ImmutableArray<Heredoc> heredocs,
        IReadOnlySet<string> matched,
        IReadOnlySet<string> unmatched,
        ImmutableArray<ExpansionFailure> failures)
    {
        Instruction = instruction;
        IsExpanded = isExpanded;
        Args = args;
        Flags = flags;
        Heredocs = heredocs;
        Matched = matched;
        Unmatched = unmatched;
        Failures = failures;
    }

    public Instruction Instruction { get; }

    /// <summary>False when BuildKit leaves the arguments of this kind of instruction as written (RUN included).</summary>
    public bool IsExpanded { get; }

    public ImmutableArray<string> Args { get; }

    public ImmutableArray<InstructionFlag> Flags { get; }

    /// <summary>
    /// COPY/ADD heredocs; those with an unquoted delimiter hold their expanded content (tabs of <c>&lt;&lt;-</c>
    /// already stripped, so <see cref="Heredoc.StripTabs"/> is false on them).
    /// </summary>
    public ImmutableArray<Heredoc> Heredocs { get; }

    /// <summary>Variables used that were set.</summary>
    public IReadOnlySet<string> Matched { get; }

    /// <summary>Variables used that were not set.</summary>
    public IReadOnlySet<string> Unmatched { get; }

    /// <summary>Words that could not be expanded; BuildKit fails the build on the first.</summary>
    public ImmutableArray<ExpansionFailure> Failures { get; }

    public bool Succeeded => Failures.IsEmpty;

    /// <summary>The value of a flag after expansion, or null when the flag is absent.</summary>
    public string? GetFlag(string name) => Flags.LastOrDefault(flag => flag.Name == name)?.Value;
}
