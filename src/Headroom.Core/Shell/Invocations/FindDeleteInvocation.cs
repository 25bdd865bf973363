using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary><c>find PATH... EXPRESSION</c> that deletes: <c>-delete</c>, or <c>-exec rm</c> / <c>-execdir rm</c>.</summary>
public sealed class FindDeleteInvocation : ToolInvocation
{
    private FindDeleteInvocation(SimpleCommand command, ImmutableArray<ShellWord> startPaths, ImmutableArray<ShellWord> expression, ShellWord deleteWord)
        : base(command, command.CommandWord!, [], startPaths)
    {
        Expression = expression;
        DeleteWord = deleteWord;
    }

    /// <summary>The starting points (<c>/usr/local</c> in <c>find /usr/local -name '*.pyc' -delete</c>).</summary>
    public ImmutableArray<ShellWord> StartPaths => Operands;

    /// <summary>The expression words after the starting points.</summary>
    public ImmutableArray<ShellWord> Expression { get; }

    /// <summary>The <c>-delete</c> or <c>-exec</c> word.</summary>
    public ShellWord DeleteWord { get; }

    /// <summary>The patterns of <c>-name</c> and <c>-iname</c> tests, after quote removal (null when dynamic).</summary>
    public IEnumerable<string?> NamePatterns =>
        Expression.Select((w, i) => (w, i)).Where(p => p.w.Value is "-name" or "-iname" && p.i + 1 < Expression.Length).Select(p => Expression[p.i + 1].Value);

    public override int FlagInsertionOffset => ToolWord.Span.End;

    internal static FindDeleteInvocation? TryParse(SimpleCommand command)
    {
        ImmutableArray<ShellWord> words = command.Words;
        int start = command.CommandWordIndex + 1;
        // GNU find's leading options -H, -L, -P, -D debugopts, -Olevel.
        while (start < words.Length && words[start].Value is "-H" or "-L" or "-P" or "-D" || (start < words.Length && words[start].Value?.StartsWith("-O", StringComparison.Ordinal) == true))
        {
            start += words[start].Value == "-D" ? 2 : 1;
        }

        start = Math.Min(start, words.Length);
        int expression = start;
        while (expression < words.Length && words[expression].LiteralPrefix is not ['-', ..] and not "(" and not "!" and not ")")
        {
            expression++;
        }

        for (int i = expression; i < words.Length; i++)
        {
            string? text = words[i].Value;
            bool deletes = text == "-delete"
                || (text is "-exec" or "-execdir" && i + 1 < words.Length && words[i + 1].Value is { } program && ShellNames.BaseName(program) == "rm");
            if (deletes)
            {
                return new FindDeleteInvocation(command, words[start..expression], words[expression..], words[i]);
            }
        }

        return null;
    }
}
