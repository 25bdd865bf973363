using System.Collections.Immutable;
using System.Text;
using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// A parsed Dockerfile: a lossless list of nodes (instructions and trivia) covering the whole text,
/// the parser directives, and the diagnostics. Never null, whatever the input.
/// </summary>
public sealed class DockerfileSyntax
{
    public required SourceText Source { get; init; }

    /// <summary>The escape character in force ('\\' or '`').</summary>
    public char EscapeChar { get; init; } = '\\';

    public ImmutableArray<ParserDirective> Directives { get; init; } = [];

    /// <summary>Every node in order; their spans partition the text.</summary>
    public ImmutableArray<DockerfileNode> Nodes { get; init; } = [];

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    public IEnumerable<Instruction> Instructions => Nodes.OfType<Instruction>();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The text of every node concatenated: equal to the input for every input.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(Source.Length);
        foreach (DockerfileNode node in Nodes)
        {
            builder.Append(Source.Text, node.Span.Start, node.Span.Length);
        }

        return builder.ToString();
    }

    public string? GetDirective(string name) =>
        Directives.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
