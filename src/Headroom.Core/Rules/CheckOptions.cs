using Headroom.Dockerfiles.Build;
using Headroom.Python.Index;

namespace Headroom.Rules;

/// <summary>What the user asked for on the command line, as far as rules care.</summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    /// <summary>Build options (<c>--build-arg</c>, <c>--target</c>, <c>--platform</c>) for every Dockerfile.</summary>
    public BuildOptions Build { get; init; } = BuildOptions.Default;

    /// <summary>No network: the embedded knowledge only.</summary>
    public bool Offline { get; init; }

    /// <summary>
    /// The package indexes PY001 and PY002 may ask; null (and with <see cref="Offline"/>) they use the embedded
    /// knowledge only. The CLI passes indexes over HTTP; tests pass in-memory ones.
    /// </summary>
    public PackageIndexes? PackageIndexes { get; init; }

    /// <summary>The runner budget (<c>--budget</c>), overriding the configuration's.</summary>
    public string? Budget { get; init; }
}
