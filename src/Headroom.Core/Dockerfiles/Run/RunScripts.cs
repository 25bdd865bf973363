using System.Text;
using Headroom.Shell;
using Headroom.Text;

namespace Headroom.Dockerfiles.Run;

/// <summary>
/// Turns a RUN instruction into the shell scripts it executes, the way BuildKit runs them: the
/// shell-form command line; each heredoc body that a shell reads (the command line is only heredoc
/// markers, or a shell such as <c>sh</c> or <c>bash</c> reading them); or the exec form's words.
/// Heredoc bodies for other programs (<c>python3 &lt;&lt;EOF</c>) are not shell and are left out.
/// </summary>
public static class RunScripts
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh" };

    /// <param name="run">A RUN instruction (for ONBUILD RUN, pass its <see cref="Instruction.Inner"/>).</param>
    /// <param name="environment">The variables in force at the RUN (its ENV and ARG values), seen by the script as exported.</param>
    public static IReadOnlyList<RunScript> Analyze(Instruction run, IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ShellEnvironment env = environment is null ? ShellEnvironment.Empty : ShellEnvironment.FromExported(environment);
        if (run.IsJson)
        {
            return [ExecForm(run, env)];
        }

        var scripts = new List<RunScript>();
        ShellScript commandLine = ShellScript.Analyze(run.Body.Value, env);
        bool onlyMarkers = run.Heredocs.Length > 0 && IsOnlyHeredocMarkers(run.Body.Value);
        if (!onlyMarkers)
        {
            scripts.Add(new RunScript(run, RunScriptOrigin.CommandLine, null, commandLine, span => run.Body.ToSourceSpan(span.Start, span.Length)));
        }

        bool shellReadsHeredocs = onlyMarkers || commandLine.Commands.Any(c => c.CommandBaseName is { } name && Shells.Contains(name));
        if (shellReadsHeredocs)
        {
            foreach (Heredoc heredoc in run.Heredocs)
            {
                // The raw body maps one to one onto the source; tabs that <<- strips are blanks to a shell.
                ShellScript body = ShellScript.Analyze(heredoc.Body, env);
                int start = heredoc.Span.Start;
                scripts.Add(new RunScript(run, RunScriptOrigin.Heredoc, heredoc, body, span => new TextSpan(start + span.Start, span.Length)));
            }
        }

        return scripts;
    }

    private static bool IsOnlyHeredocMarkers(string commandLine) =>
        commandLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .All(word => word.Contains("<<", StringComparison.Ordinal));

    private static RunScript ExecForm(Instruction run, ShellEnvironment env)
    {
        var text = new StringBuilder();
        foreach (string arg in run.Args)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append('\'').Append(arg.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
        }

        TextSpan whole = run.Body.ToSourceSpan(0, run.Body.Value.Length);
        return new RunScript(run, RunScriptOrigin.ExecForm, null, ShellScript.Analyze(text.ToString(), env), _ => whole);
    }
}
