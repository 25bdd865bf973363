namespace Headroom.Python;

/// <summary>What an install takes from a lock file: the extras and dependency groups asked for, as the installer's options say.</summary>
public sealed record LockRequest
{
    /// <summary>The extras asked for (<c>--extra</c>, poetry's <c>--extras</c>).</summary>
    public IReadOnlySet<string> Extras { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary><c>--all-extras</c>.</summary>
    public bool AllExtras { get; init; }

    /// <summary>
    /// The dependency groups to install (uv: <c>dev</c> unless <c>--no-dev</c>, plus <c>--group</c>; poetry: the
    /// groups after <c>--with</c>/<c>--without</c>/<c>--only</c>); null: the lock's defaults (pylock's
    /// <c>default-groups</c>, every poetry group, uv's <c>dev</c>).
    /// </summary>
    public IReadOnlySet<string>? Groups { get; init; }

    /// <summary>Groups left out (<c>--no-group</c>, <c>--without</c>): they win over <see cref="Groups"/> and the defaults.</summary>
    public IReadOnlySet<string> ExcludedGroups { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary><c>--all-groups</c>.</summary>
    public bool AllGroups { get; init; }

    /// <summary>uv's <c>--only-group</c>/<c>--only-dev</c>, poetry's <c>--only</c> without <c>main</c>: the project's own dependencies are left out.</summary>
    public bool OnlyGroups { get; init; }

    /// <summary>
    /// Where a walk starts for a lock without group data (poetry.lock 2.0): the project's dependencies from
    /// pyproject.toml, each with the group it belongs to (<c>main</c> for the project's own).
    /// </summary>
    public IReadOnlyList<(string Group, LockedDependency Dependency)> Roots { get; init; } = [];
}
