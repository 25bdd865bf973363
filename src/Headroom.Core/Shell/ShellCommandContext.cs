namespace Headroom.Shell;

/// <summary>Where a simple command sits: the constructs that enclose it (several may apply).</summary>
[Flags]
public enum ShellCommandContext
{
    None = 0,

    /// <summary>Inside <c>( ... )</c>: assignments do not reach later commands.</summary>
    Subshell = 1 << 0,

    /// <summary>Inside <c>{ ...; }</c>.</summary>
    BraceGroup = 1 << 1,

    /// <summary>In the condition of <c>if</c> or <c>elif</c>.</summary>
    IfCondition = 1 << 2,

    /// <summary>In a <c>then</c> or <c>else</c> branch.</summary>
    IfBranch = 1 << 3,

    /// <summary>In the condition of <c>while</c> or <c>until</c>.</summary>
    LoopCondition = 1 << 4,

    /// <summary>In the body of <c>for</c>, <c>while</c> or <c>until</c>.</summary>
    LoopBody = 1 << 5,

    /// <summary>In an arm of <c>case</c>.</summary>
    CaseArm = 1 << 6,

    /// <summary>In a function body (runs only when called).</summary>
    Function = 1 << 7,

    /// <summary>Part of a pipeline of two or more commands.</summary>
    Pipeline = 1 << 8,

    /// <summary>Run in the background with <c>&amp;</c>.</summary>
    Background = 1 << 9,

    /// <summary>Inside <c>$(...)</c>, backticks or a process substitution.</summary>
    CommandSubstitution = 1 << 10,

    /// <summary>Inside the script of <c>sh -c '...'</c> or a heredoc fed to <c>sh</c>/<c>bash</c>.</summary>
    NestedShell = 1 << 11,
}
