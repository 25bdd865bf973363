namespace Headroom.Cli;

/// <summary>Where a command writes; tests pass their own writers.</summary>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, bool Debug);
