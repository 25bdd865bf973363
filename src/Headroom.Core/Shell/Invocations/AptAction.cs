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

    /// <summary>
    /// <c>apt-get dist-clean</c> (apt 2.7.8 and later, e.g. Debian 13): <c>clean</c> plus the package lists in
    /// /var/lib/apt/lists (apt-get(8), "distclean, dist-clean"; read 2026-11-30). docker-library's trixie images end
    /// their RUNs with it.
    /// </summary>
    DistClean,
}
