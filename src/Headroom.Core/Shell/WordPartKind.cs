namespace Headroom.Shell;

/// <summary>What one piece of a <see cref="ShellWord"/> is.</summary>
public enum WordPartKind
{
    /// <summary>Unquoted literal characters.</summary>
    Literal,

    /// <summary>The content of <c>'...'</c> (the span covers the content, not the quotes).</summary>
    SingleQuoted,

    /// <summary>A literal run inside <c>"..."</c> (the span covers the run, not the quotes).</summary>
    DoubleQuoted,

    /// <summary>A backslash escape such as <c>\"</c>; the value is the escaped character.</summary>
    Escaped,

    /// <summary>Bash <c>$'...'</c>, with its escapes decoded.</summary>
    AnsiCQuoted,

    /// <summary><c>$NAME</c>, <c>${...}</c>, <c>$1</c>, <c>$@</c>: dynamic.</summary>
    Parameter,

    /// <summary><c>$(...)</c> or backticks: dynamic; the commands inside are analysed too.</summary>
    CommandSubstitution,

    /// <summary><c>$((...))</c>: dynamic.</summary>
    Arithmetic,

    /// <summary>Bash <c>&lt;(...)</c> or <c>&gt;(...)</c>: dynamic.</summary>
    ProcessSubstitution,
}
