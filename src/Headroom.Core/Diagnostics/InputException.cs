namespace Headroom.Diagnostics;

/// <summary>
/// Bad input: an unreadable, malformed or unsupported file, or a bad setting. The message is one
/// line that names the file and the place (<c>image.tar: layer 3 (sha256:ab12…): unexpected end
/// of gzip stream</c>); the CLI prints it as <c>headroom: error: MESSAGE</c> and exits with 2.
/// Core code never lets any other exception escape from reading user input.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
