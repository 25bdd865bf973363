using Headroom.Text;

namespace Headroom.Shell;

/// <summary>One piece of a word: a literal run, a quoted run, an escape or an expansion.</summary>
public sealed class WordPart
{
    internal WordPart(WordPartKind kind, TextSpan span, TextSpan localSpan, string? value, bool isQuoted, string? parameterName = null)
    {
        Kind = kind;
        Span = span;
        LocalSpan = localSpan;
        Value = value;
        IsQuoted = isQuoted;
        ParameterName = parameterName;
    }

    public WordPartKind Kind { get; }

    /// <summary>Where the piece is written (for quoted runs: the content, without the quote characters).</summary>
    public TextSpan Span { get; }

    /// <summary>The literal text the piece stands for, or null for an expansion.</summary>
    public string? Value { get; }

    /// <summary>True inside single or double quotes, or for an escape.</summary>
    public bool IsQuoted { get; }

    /// <summary>For <see cref="WordPartKind.Parameter"/>: the variable name (<c>HOME</c>, <c>1</c>, <c>@</c>), when one can be read.</summary>
    public string? ParameterName { get; }

    public bool IsDynamic => Value is null;

    /// <summary>The span in the text the parser read (differs from <see cref="Span"/> inside <c>sh -c</c> strings).</summary>
    internal TextSpan LocalSpan { get; }

    public override string ToString() => $"{Kind} {Span} {Value ?? "<dynamic>"}";
}
