namespace Headroom.Shell.Invocations;

/// <summary>Turns a simple command into the tool invocation it is, if any (after wrappers such as <c>sudo</c>).</summary>
public static class InvocationRecognizer
{
    public static ToolInvocation? Recognize(SimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.CommandBaseName switch
        {
            null => null,
            "apt-get" or "apt" => AptInvocation.TryParse(command),
            "apk" => ApkInvocation.TryParse(command),
            "npm" => NpmInvocation.TryParse(command, NodePackageManager.Npm),
            "yarn" => NpmInvocation.TryParse(command, NodePackageManager.Yarn),
            "pnpm" => NpmInvocation.TryParse(command, NodePackageManager.Pnpm),
            "conda" or "mamba" or "micromamba" => CondaInvocation.TryParse(command),
            "rm" => RemoveInvocation.TryParse(command),
            "find" => FindDeleteInvocation.TryParse(command),
            "poetry" => ProjectInstallInvocation.TryParse(command),
            "uv" => (ToolInvocation?)PipInvocation.TryParse(command) ?? ProjectInstallInvocation.TryParse(command),
            _ => PipInvocation.TryParse(command),
        };
    }
}
