namespace Headroom.Cli;

/// <summary>The exit codes of the contract (../shared/docs/contract.md).</summary>
internal static class ExitCodes
{
    /// <summary>Ran, and nothing reached the failure threshold.</summary>
    public const int Ok = 0;

    /// <summary>Ran, and a finding or a gate reached the threshold.</summary>
    public const int Findings = 1;

    /// <summary>Could not run: bad arguments, unreadable or malformed input, network failure.</summary>
    public const int CannotRun = 2;
}
