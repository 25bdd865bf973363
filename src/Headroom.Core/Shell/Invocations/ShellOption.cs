using Headroom.Text;

namespace Headroom.Shell.Invocations;

/// <summary>
/// One option of a tool's command line: <c>--no-cache-dir</c>, <c>-r requirements.txt</c>, <c>-rreqs.txt</c>,
/// <c>--index-url=$URL</c>, or one letter of a cluster such as <c>-yq</c>.
/// </summary>
public sealed class ShellOption
{
    internal ShellOption(string name, string written, bool isKnown, ShellWord word, ShellWord? valueWord, bool hasValue, string? value, string? rawValue, TextSpan? valueSpan)
    {
        Name = name;
        Written = written;
        IsKnown = isKnown;
        Word = word;
        ValueWord = valueWord;
        HasValue = hasValue;
        Value = value;
        RawValue = rawValue;
        ValueSpan = valueSpan;
    }

    /// <summary>The canonical name: the option's long form when the tool has one (<c>-i</c> gives <c>--index-url</c>), else as written.</summary>
    public string Name { get; }

    /// <summary>The name as written (<c>-i</c>, <c>--no-cache</c> for pip's abbreviation of <c>--no-cache-dir</c>).</summary>
    public string Written { get; }

    /// <summary>False when the tool's table does not list the option (it is then assumed to take no separate value).</summary>
    public bool IsKnown { get; }

    /// <summary>The word holding the option.</summary>
    public ShellWord Word { get; }

    /// <summary>The separate value word (<c>-r FILE</c>), or null when the value is attached or absent.</summary>
    public ShellWord? ValueWord { get; }

    public bool HasValue { get; }

    /// <summary>The literal value, or null when absent or dynamic.</summary>
    public string? Value { get; }

    /// <summary>The value as written (before quote removal), or null when absent.</summary>
    public string? RawValue { get; }

    /// <summary>True when the option has a value that holds an expansion (<c>--index-url $URL</c>).</summary>
    public bool IsValueDynamic => HasValue && Value is null;

    /// <summary>Where the value is written (the whole word when it cannot be told apart), or null when absent.</summary>
    public TextSpan? ValueSpan { get; }

    /// <summary>From the option to the end of its value.</summary>
    public TextSpan Span => TextSpan.FromBounds(Word.Span.Start, Math.Max(Word.Span.End, ValueWord?.Span.End ?? 0));

    public override string ToString() => HasValue ? $"{Written} {RawValue}" : Written;
}
