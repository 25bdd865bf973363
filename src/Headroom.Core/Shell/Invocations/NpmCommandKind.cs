namespace Headroom.Shell.Invocations;

public enum NpmCommandKind
{
    /// <summary>No subcommand (for yarn this is <see cref="Install"/>).</summary>
    None,

    /// <summary><c>npm install</c>/<c>i</c>/<c>add</c>, <c>yarn</c>, <c>yarn install</c>/<c>add</c>, <c>pnpm install</c>/<c>i</c>/<c>add</c>.</summary>
    Install,

    /// <summary><c>npm ci</c> (also <c>clean-install</c>).</summary>
    CleanInstall,

    /// <summary><c>npm cache clean</c>, <c>yarn cache clean</c>, <c>pnpm store prune</c>.</summary>
    CacheClean,

    Other,
}
