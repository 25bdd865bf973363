using System.Collections.Immutable;
using Headroom.Diagnostics;
using Headroom.Shell.Invocations;
using Headroom.Shell.Parsing;

namespace Headroom.Shell;

/// <summary>
/// The analysis of one shell script (a RUN command, a heredoc body, a workflow <c>run:</c>): every simple command in
/// execution order, with the tool invocations recognised in them. Never throws on bad input.
/// </summary>
public sealed class ShellScript
{
    private ImmutableArray<ToolInvocation> _invocations;

    internal ShellScript(string text, ImmutableArray<SimpleCommand> commands, ImmutableArray<ShellDiagnostic> diagnostics)
    {
        Text = text;
        Commands = commands;
        Diagnostics = diagnostics;
    }

    /// <summary>The analysed string; every span is an offset into it.</summary>
    public string Text { get; }

    /// <summary>
    /// All simple commands, flattened in execution order: inside compound commands, subshells, command substitutions
    /// (before the command that holds them) and <c>sh -c</c> strings (right after the <c>sh</c> command).
    /// </summary>
    public ImmutableArray<SimpleCommand> Commands { get; }

    public ImmutableArray<ShellDiagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The recognised tool invocations (pip, apt, apk, npm, conda, rm, find -delete), in command order.</summary>
    public ImmutableArray<ToolInvocation> Invocations
    {
        get
        {
            if (_invocations.IsDefault)
            {
                _invocations = [.. Commands.Select(InvocationRecognizer.Recognize).OfType<ToolInvocation>()];
            }

            return _invocations;
        }
    }

    /// <summary>The invocations of one kind, e.g. <c>script.InvocationsOf&lt;PipInvocation&gt;()</c>.</summary>
    public IEnumerable<T> InvocationsOf<T>()
        where T : ToolInvocation => Invocations.OfType<T>();

    /// <summary>Reads a script. Bad input gives diagnostics and a best-effort result, never an exception.</summary>
    public static ShellScript Analyze(string text) => Analyze(text, ShellEnvironment.Empty);

    /// <summary>Reads a script that starts with <paramref name="environment"/> (see <see cref="ShellEnvironment.FromExported"/>).</summary>
    public static ShellScript Analyze(string text, ShellEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        return ShellParser.Parse(text, environment);
    }

    public override string ToString() => Text;
}
