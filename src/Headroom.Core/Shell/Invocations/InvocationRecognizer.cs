namespace Headroom.Shell.Invocations;

/// <summary>Turns a simple command into the tool invocation it is, if any.</summary>
public static class InvocationRecognizer
{
    public static ToolInvocation? Recognize(SimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return null;
    }
}
