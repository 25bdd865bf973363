using Headroom.Shell;
using Headroom.Text;

namespace Headroom.Dockerfiles.Run;

/// <summary>
/// A shell script that a RUN instruction executes, analysed by <see cref="ShellScript"/>, with the way
/// back from offsets in the script to offsets in the Dockerfile.
/// </summary>
public sealed class RunScript
{
    private readonly Func<TextSpan, TextSpan> _toSource;

    internal RunScript(Instruction instruction, RunScriptOrigin origin, Heredoc? heredoc, ShellScript script, Func<TextSpan, TextSpan> toSource)
    {
        Instruction = instruction;
        Origin = origin;
        Heredoc = heredoc;
        Script = script;
        _toSource = toSource;
    }

    public Instruction Instruction { get; }

    public RunScriptOrigin Origin { get; }

    /// <summary>The heredoc whose body this is, for <see cref="RunScriptOrigin.Heredoc"/>.</summary>
    public Heredoc? Heredoc { get; }

    public ShellScript Script { get; }

    /// <summary>
    /// The Dockerfile span of a span of <see cref="ShellScript.Text"/>. Exact for the command line and
    /// heredoc bodies; for the exec form, the span of the whole argument list.
    /// </summary>
    public TextSpan ToSourceSpan(TextSpan scriptSpan) => _toSource(scriptSpan);
}
