namespace Headroom.Shell.Invocations;

public abstract class ToolInvocation
{
}
