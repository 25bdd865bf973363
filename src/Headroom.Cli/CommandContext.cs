namespace Headroom.Cli;

/// <summary>Where a command writes, and the process facts it may use; tests pass their own.</summary>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, bool Debug)
{
    /// <summary>Standard input, the terminal and CI facts and the clock.</summary>
    public required CliHost Host { get; init; }
}
