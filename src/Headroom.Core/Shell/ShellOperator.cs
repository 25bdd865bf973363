namespace Headroom.Shell;

/// <summary>The control operator between two commands.</summary>
public enum ShellOperator
{
    /// <summary>Nothing: the first command of the script.</summary>
    None,

    /// <summary><c>&amp;&amp;</c></summary>
    And,

    /// <summary><c>||</c></summary>
    Or,

    /// <summary><c>;</c></summary>
    Semicolon,

    /// <summary>A newline.</summary>
    Newline,

    /// <summary><c>|</c> or <c>|&amp;</c></summary>
    Pipe,

    /// <summary><c>&amp;</c></summary>
    Background,
}
