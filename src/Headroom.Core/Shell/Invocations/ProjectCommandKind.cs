namespace Headroom.Shell.Invocations;

/// <summary>What a project manager command (<see cref="ProjectInstallInvocation"/>) does.</summary>
public enum ProjectCommandKind
{
    /// <summary>No subcommand.</summary>
    None,

    /// <summary><c>uv sync</c> or <c>poetry install</c>: installs the lock file's packages.</summary>
    Install,

    /// <summary><c>uv export</c> or <c>poetry export</c>: writes the lock's packages as a requirements or pylock file.</summary>
    Export,

    /// <summary><c>poetry config KEY VALUE</c>.</summary>
    Config,

    /// <summary>Any other subcommand.</summary>
    Other,
}
