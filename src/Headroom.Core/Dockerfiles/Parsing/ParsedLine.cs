namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// What BuildKit's <c>newNodeFromLine</c> makes of one logical line: indexes into that line, the
/// arguments (the Node.Next strings), and the error that makes BuildKit reject the line, if any.
/// </summary>
internal sealed class ParsedLine
{
    public required string Command { get; init; }

    public required SplitCommand Split { get; init; }

    public List<string> Args { get; init; } = [];

    public bool IsJson { get; init; }

    public ParsedLine? Inner { get; init; }

    public string? Error { get; init; }

    /// <summary>The lower-case command of the line, or of the wrapped line for ONBUILD.</summary>
    public string EffectiveCommand => Inner?.Command.ToLowerInvariant() ?? Command.ToLowerInvariant();
}
