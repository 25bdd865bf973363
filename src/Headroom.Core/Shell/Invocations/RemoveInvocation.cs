using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary><c>rm</c> with its flags and paths (globs kept as written).</summary>
public sealed class RemoveInvocation : ToolInvocation
{
    private static readonly OptionTable Table = new(
        allowAbbreviations: false,
        "--interactive=",
        "-r|-R|--recursive", "-f|--force", "-i", "-I", "-d|--dir", "-v|--verbose", "--one-file-system", "--no-preserve-root",
        "--preserve-root", "--help", "--version");

    private RemoveInvocation(SimpleCommand command, ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> operands)
        : base(command, command.CommandWord!, options, operands)
    {
    }

    public bool Recursive => HasOption("--recursive");

    public bool Force => HasOption("--force");

    /// <summary>The paths, as written (<c>/var/lib/apt/lists/*</c>, <c>$HOME/.cache</c>).</summary>
    public ImmutableArray<ShellWord> Paths => Operands;

    public override int FlagInsertionOffset => ToolWord.Span.End;

    /// <summary>True when a literal path removes <paramref name="directory"/> or its contents (see <see cref="ShellPaths.RemovesContentsOf"/>).</summary>
    public bool RemovesContentsOf(string directory) =>
        Paths.Any(p => p.Value is { } path && ShellPaths.RemovesContentsOf(path, directory));

    internal static RemoveInvocation TryParse(SimpleCommand command)
    {
        OptionScan scan = OptionScan.Read(command.Words, command.CommandWordIndex + 1, Table);
        return new RemoveInvocation(command, scan.Options, scan.Operands);
    }
}
