using Headroom.Python;

namespace Headroom.Prediction;

/// <summary>
/// An install from a lock file in a RUN: <c>uv sync</c> (uv.lock), <c>poetry install</c> (poetry.lock), or
/// <c>uv pip install -r</c>/<c>uv pip sync</c>/<c>pip install -r</c> of a pylock.toml; see <see cref="LockInstalls"/>.
/// </summary>
/// <param name="Command">How it is run, for messages: <c>uv sync</c>, <c>poetry install</c>, <c>uv pip install -r pylock.toml</c>.</param>
/// <param name="Lock">The lock file, read from the repository.</param>
/// <param name="LockPath">Its repository path.</param>
/// <param name="Request">The extras and groups asked for.</param>
/// <param name="Location">Where the packages land (the project's virtualenv, site-packages).</param>
/// <param name="Where">The Dockerfile and line, for notes (<c>Dockerfile:7</c>).</param>
internal sealed record LockInstall(string Command, LockFile Lock, string LockPath, LockRequest Request, string Location, string Where)
{
    /// <summary>Names (normalized) the install leaves out (<c>--no-install-package</c>).</summary>
    public IReadOnlySet<string> Skipped { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Installs into the image's own environment (pip, <c>poetry</c> without a virtualenv): packages it already holds at the locked version are kept.</summary>
    public bool SharesEnvironment { get; init; }

    /// <summary>The cache component's name (<c>uv cache</c>, <c>poetry cache</c>) when the downloads stay in the layer, else null.</summary>
    public string? CacheName { get; init; }

    /// <summary>
    /// uv's link mode is <c>copy</c> (<c>--link-mode</c>, <c>UV_LINK_MODE</c>): the cache and the environment each hold
    /// the unpacked files. Otherwise (hardlink, uv's default on Linux) the environment's files are links to the cache's.
    /// </summary>
    public bool CopiesFromCache { get; init; }

    /// <summary>The cache folder, for messages and <c>COPY --from</c>.</summary>
    public string? CacheDirectory { get; init; }
}
