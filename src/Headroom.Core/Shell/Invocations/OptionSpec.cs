namespace Headroom.Shell.Invocations;

/// <summary>One option of a tool: its canonical name and whether it takes a value.</summary>
internal sealed record OptionSpec(string Canonical, bool TakesValue);
