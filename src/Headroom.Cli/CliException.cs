namespace Headroom.Cli;

/// <summary>
/// A failure that ends the command with exit code 2 and one line on stderr:
/// <c>headroom: error: &lt;message&gt;</c>. The message names the file and place where there is one.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
