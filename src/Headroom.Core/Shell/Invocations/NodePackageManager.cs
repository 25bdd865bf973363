namespace Headroom.Shell.Invocations;

public enum NodePackageManager
{
    Npm,
    Yarn,
    Pnpm,
}
