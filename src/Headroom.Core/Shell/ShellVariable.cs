using Headroom.Text;

namespace Headroom.Shell;

/// <summary>A variable as the script set it before some command.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The literal value, or null when it holds an expansion or was never given (<c>export A</c>).</param>
/// <param name="IsExported">True when child processes see it: <c>export</c>, <c>declare -x</c>, <c>set -a</c>, a command prefix or <c>env A=b</c>.</param>
/// <param name="Span">The word that set it last.</param>
/// <param name="IsCommandPrefix">True when it was set only for this command (<c>A=b cmd</c>, <c>env A=b cmd</c>).</param>
/// <param name="IsInherited">True when it came from the caller's initial environment (Dockerfile ENV, workflow env); Span is then empty.</param>
public sealed record ShellVariable(string Name, string? Value, bool IsExported, TextSpan Span, bool IsCommandPrefix = false, bool IsInherited = false);
