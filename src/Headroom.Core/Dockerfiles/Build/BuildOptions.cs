using System.Collections.Immutable;

namespace Headroom.Dockerfiles.Build;

/// <summary>What <c>docker build</c> is asked for: build args, the target stage and the platforms.</summary>
public sealed record BuildOptions
{
    public static BuildOptions Default { get; } = new();

    /// <summary><c>--build-arg NAME=VALUE</c>: override ARG defaults, global and per stage.</summary>
    public ImmutableDictionary<string, string> BuildArgs { get; init; } =
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary><c>--target</c>: the stage to build, or null for the last stage.</summary>
    public string? Target { get; init; }

    /// <summary><c>--platform</c>: the platform to build for; null means the build platform.</summary>
    public Platform? TargetPlatform { get; init; }

    /// <summary>The builder's own platform (BUILDPLATFORM).</summary>
    public Platform BuildPlatform { get; init; } = Platform.LinuxAmd64;

    public Platform EffectiveTargetPlatform => TargetPlatform ?? BuildPlatform;

    public BuildOptions WithBuildArg(string name, string value) => this with { BuildArgs = BuildArgs.SetItem(name, value) };
}
