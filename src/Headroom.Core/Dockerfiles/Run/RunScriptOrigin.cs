namespace Headroom.Dockerfiles.Run;

/// <summary>Where the shell text of a <see cref="RunScript"/> comes from.</summary>
public enum RunScriptOrigin
{
    /// <summary>The shell-form command line of the RUN (continuations joined).</summary>
    CommandLine,

    /// <summary>A heredoc body that the shell runs (<c>RUN &lt;&lt;EOF</c>, <c>RUN bash &lt;&lt;EOF</c>).</summary>
    Heredoc,

    /// <summary>The JSON (exec) form, which runs no shell: its strings become one command's words.</summary>
    ExecForm,
}
