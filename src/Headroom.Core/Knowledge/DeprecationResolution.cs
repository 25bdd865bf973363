using Headroom.Workflows;

namespace Headroom.Knowledge;

/// <summary>
/// What a <c>uses:</c> resolves to and which deprecations apply. <see cref="Version"/> is the
/// concrete release when the release table knows it (a SHA, or the newest release of a floating tag),
/// else the tag itself (floating tags then compare as the newest of their line).
/// <see cref="IsUnknown"/>: the version could not be determined (unknown SHA, branch, expression).
/// </summary>
public sealed record DeprecationResolution(
    ActionReference Reference,
    ActionVersion? Version,
    ActionRelease? Release,
    string How,
    IReadOnlyList<ActionDeprecation> Matches)
{
    public bool IsUnknown => Version is null;

    public ActionRuntime Runtime => Release?.Runtime ?? ActionRuntime.Unknown;
}
