namespace Headroom.Shell.Invocations;

public enum AptAction
{
    None,
    Install,
    Update,
    Upgrade,
    DistUpgrade,
    FullUpgrade,
    Remove,
    Purge,
    AutoRemove,
    Clean,
    AutoClean,
    Other,
}
