using System.Collections.Immutable;
using Headroom.Text;

namespace Headroom.Shell;

/// <summary>
/// One shell word (an argument, a command name, a redirection target), with its pieces.
/// <see cref="Value"/> is the word after quote removal when it holds no expansion, else null.
/// </summary>
public sealed class ShellWord
{
    internal ShellWord(TextSpan span, TextSpan localSpan, string rawText, ImmutableArray<WordPart> parts, string? value, string literalPrefix, bool isQuoted, bool hasGlob)
    {
        Span = span;
        LocalSpan = localSpan;
        RawText = rawText;
        Parts = parts;
        Value = value;
        LiteralPrefix = literalPrefix;
        IsQuoted = isQuoted;
        HasGlob = hasGlob;
    }

    /// <summary>Where the word is written, as offsets into the string given to <see cref="ShellScript.Analyze(string)"/>.</summary>
    public TextSpan Span { get; }

    /// <summary>The word as written (inside a <c>sh -c</c> string: as written in that string, after the outer quote removal).</summary>
    public string RawText { get; }

    public ImmutableArray<WordPart> Parts { get; }

    /// <summary>The literal value after quote removal, or null when the word holds an expansion.</summary>
    public string? Value { get; }

    /// <summary>True when the word holds an expansion (<c>$X</c>, <c>$(...)</c>, backticks, arithmetic).</summary>
    public bool IsDynamic => Value is null;

    /// <summary>The literal text before the first expansion (the whole value for a literal word); "" when it starts with one.</summary>
    public string LiteralPrefix { get; }

    /// <summary>True when any part was quoted or escaped.</summary>
    public bool IsQuoted { get; }

    /// <summary>True when an unquoted <c>*</c>, <c>?</c> or <c>[</c> appears (the shell may expand it as a pattern).</summary>
    public bool HasGlob { get; }

    /// <summary>The names of the variables the word expands (<c>$A</c>, <c>${B:-x}</c>).</summary>
    public IEnumerable<string> ParameterNames =>
        Parts.Where(p => p.Kind == WordPartKind.Parameter && p.ParameterName is not null).Select(p => p.ParameterName!);

    internal TextSpan LocalSpan { get; }

    /// <summary>True when the word is this literal, unquoted text (how reserved words and operators-as-words are matched).</summary>
    public bool IsPlain(string text) => !IsQuoted && Value == text;

    public override string ToString() => RawText;
}
