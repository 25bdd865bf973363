using System.Collections.Immutable;
using Headroom.Text;

namespace Headroom.Shell;

/// <summary>
/// One simple command: prefix assignments, words and redirections, with how it is connected to the commands
/// around it and the variables the script set before it.
/// </summary>
public sealed class SimpleCommand
{
    internal SimpleCommand(
        int index,
        TextSpan span,
        ImmutableArray<ShellAssignment> assignments,
        ImmutableArray<ShellWord> words,
        ImmutableArray<ShellRedirection> redirections,
        ShellCommandContext context,
        bool isConditional,
        ShellOperator precedingOperator,
        bool isNegated,
        int nestingLevel,
        ShellWord? origin)
    {
        Index = index;
        Span = span;
        Assignments = assignments;
        Words = words;
        Redirections = redirections;
        Context = context;
        IsConditional = isConditional;
        PrecedingOperator = precedingOperator;
        IsNegated = isNegated;
        NestingLevel = nestingLevel;
        Origin = origin;
        CommandWordIndex = CommandWrappers.FindCommandIndex(words);
    }

    /// <summary>Position in <see cref="ShellScript.Commands"/> (execution order: a substitution runs before its command).</summary>
    public int Index { get; }

    /// <summary>From the first assignment, word or redirection to the last.</summary>
    public TextSpan Span { get; }

    /// <summary>Prefix assignments (<c>A=1 B=2 cmd</c>), or the whole command when it has no words.</summary>
    public ImmutableArray<ShellAssignment> Assignments { get; }

    /// <summary>The command name and its arguments, redirections excluded.</summary>
    public ImmutableArray<ShellWord> Words { get; }

    public ImmutableArray<ShellRedirection> Redirections { get; }

    public ShellCommandContext Context { get; internal set; }

    /// <summary>
    /// True when the command may not run although the script succeeds: after <c>||</c>, in an <c>if</c> branch,
    /// a <c>case</c> arm, a loop body or a function body.
    /// </summary>
    public bool IsConditional { get; }

    /// <summary>The operator written before the command (for the first command of a nested list: the one before the list).</summary>
    public ShellOperator PrecedingOperator { get; }

    /// <summary>The operator written after the command, e.g. <see cref="ShellOperator.Or"/> in <c>cmd || true</c>.</summary>
    public ShellOperator FollowingOperator { get; internal set; }

    /// <summary>True for <c>! cmd</c>.</summary>
    public bool IsNegated { get; }

    /// <summary>0 for the analysed string, 1 inside its <c>sh -c</c> strings, and so on.</summary>
    public int NestingLevel { get; }

    /// <summary>For a command of a nested script: the <c>-c</c> string word, or the heredoc delimiter word, it came from.</summary>
    public ShellWord? Origin { get; }

    /// <summary>The script's variables as this command sees them, its own prefix and <c>env A=b</c> assignments included.</summary>
    public ShellEnvironment Environment { get; internal set; } = ShellEnvironment.Empty;

    /// <summary>
    /// The index in <see cref="Words"/> of the program that runs, after wrappers such as <c>sudo</c>, <c>env A=b</c>,
    /// <c>exec</c>, <c>nice</c>, <c>timeout 60</c>; -1 when there is none.
    /// </summary>
    public int CommandWordIndex { get; }

    /// <summary>The program word after wrappers (see <see cref="CommandWordIndex"/>).</summary>
    public ShellWord? CommandWord => CommandWordIndex >= 0 ? Words[CommandWordIndex] : null;

    /// <summary>The literal program name as written after wrappers (<c>/usr/bin/pip3</c>), or null.</summary>
    public string? CommandName => CommandWord?.Value;

    /// <summary>The program's last path segment (<c>pip3</c>), or null when unknown.</summary>
    public string? CommandBaseName => CommandName is { } name ? ShellNames.BaseName(name) : null;

    /// <summary>The words after the program word.</summary>
    public IEnumerable<ShellWord> Arguments => CommandWordIndex < 0 ? [] : Words.Skip(CommandWordIndex + 1);

    /// <summary>True for a command that only assigns variables (<c>A=1 B=2</c>).</summary>
    public bool IsAssignmentOnly => Words.IsEmpty && !Assignments.IsEmpty;

    public bool IsIn(ShellCommandContext context) => (Context & context) != 0;

    public override string ToString() => string.Join(' ', Assignments.Select(a => a.Word.RawText).Concat(Words.Select(w => w.RawText)));
}
