namespace Headroom.Cli;

/// <summary>
/// What the CLI takes from the process it runs in, beyond its output writers: standard input, whether
/// stderr is a terminal, the <c>CI</c> environment variable and the clock. Tests pass their own.
/// </summary>
/// <param name="OpenStandardInput">Opens standard input (read by <c>headroom image -</c>).</param>
/// <param name="ErrorIsTerminal">Whether stderr is an interactive terminal (a progress line may be drawn there).</param>
/// <param name="Ci">The value of the <c>CI</c> environment variable, or null when it is not set.</param>
/// <param name="Time">The clock for delays (the progress line appears only after two seconds).</param>
internal sealed record CliHost(Func<Stream> OpenStandardInput, bool ErrorIsTerminal, string? Ci, TimeProvider Time)
{
    /// <summary>Whether <c>check</c> and <c>fix</c> may ask package indexes over the network (tests turn it off).</summary>
    public bool Network { get; init; } = true;

    /// <summary>
    /// The HTTP layer of the package indexes, or null for the real one. Tests give one over an in-process server: then
    /// the run asks those indexes (unless <c>--offline</c>) while everything else stays on the embedded knowledge,
    /// whatever <see cref="Network"/> and <c>HEADROOM_OFFLINE</c> say.
    /// </summary>
    public Func<Headroom.Net.HttpFetcher>? PackageIndexFetcher { get; init; }

    /// <summary>The real process: stdin, <see cref="Console.IsErrorRedirected"/>, <c>$CI</c>, the system clock.
    /// stderr counts as a terminal only when <paramref name="stderr"/> is the console's own writer.</summary>
    public static CliHost ForProcess(TextWriter stderr) => new(
        Console.OpenStandardInput,
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
        Environment.GetEnvironmentVariable("CI"),
        TimeProvider.System);

    /// <summary>Whether the <c>CI</c> variable asks for plain output: set to anything but empty, <c>0</c> or <c>false</c>.</summary>
    public bool InCi => !string.IsNullOrEmpty(Ci) && Ci != "0" && !Ci.Equals("false", StringComparison.OrdinalIgnoreCase);
}
