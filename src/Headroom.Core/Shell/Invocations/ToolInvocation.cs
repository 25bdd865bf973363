using System.Collections.Immutable;
using Headroom.Text;

namespace Headroom.Shell.Invocations;

/// <summary>
/// A recognised tool command (pip, apt-get, apk, npm, conda, rm, ...): its options and operands, with the
/// <see cref="SimpleCommand"/> it came from so a rule can point at a word and a fix can insert at an offset.
/// </summary>
public abstract class ToolInvocation
{
    private protected ToolInvocation(SimpleCommand command, ShellWord toolWord, ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> operands)
    {
        Command = command;
        ToolWord = toolWord;
        Options = options;
        Operands = operands;
    }

    public SimpleCommand Command { get; }

    /// <summary>The word naming the program (<c>pip3</c>, <c>python3</c> for <c>python3 -m pip</c>, <c>uv</c>, <c>apt-get</c>).</summary>
    public ShellWord ToolWord { get; }

    /// <summary>The options in the order written, global options (before a subcommand) included.</summary>
    public ImmutableArray<ShellOption> Options { get; }

    /// <summary>The operands after the subcommand (packages, paths).</summary>
    public ImmutableArray<ShellWord> Operands { get; }

    public TextSpan Span => Command.Span;

    /// <summary>The script's variables as the command sees them (see <see cref="ShellEnvironment"/>).</summary>
    public ShellEnvironment Environment => Command.Environment;

    /// <summary>Where a flag such as <c> --no-cache-dir</c> can be inserted: after the subcommand word.</summary>
    public abstract int FlagInsertionOffset { get; }

    /// <summary>True when an option with this canonical name (e.g. <c>--no-cache-dir</c>, <c>--yes</c>) is present.</summary>
    public bool HasOption(string name) => Options.Any(o => o.Name == name);

    /// <summary>The last option with this canonical name (the one that wins), or null.</summary>
    public ShellOption? FindOption(string name) => Options.LastOrDefault(o => o.Name == name);

    public IEnumerable<ShellOption> GetOptions(string name) => Options.Where(o => o.Name == name);

    public override string ToString() => Command.ToString();

    private protected static ShellWord? WordAt(ImmutableArray<ShellWord> operands, int index) => index < operands.Length ? operands[index] : null;

    /// <summary>The first operand (an action such as <c>install</c>) and the rest (its packages).</summary>
    private protected static (ShellWord? First, ImmutableArray<ShellWord> Others) SplitFirst(ImmutableArray<ShellWord> operands) =>
        operands.IsEmpty ? (null, []) : (operands[0], operands.RemoveAt(0));
}
