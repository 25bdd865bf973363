namespace Headroom.Shell.Invocations;

public enum ApkAction
{
    None,
    Add,
    Del,
    Update,
    Upgrade,
    Cache,
    Other,
}
