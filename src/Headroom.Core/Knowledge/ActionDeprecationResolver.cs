using Headroom.Workflows;

namespace Headroom.Knowledge;

/// <summary>Matches an <see cref="ActionReference"/> against <see cref="ActionDeprecations"/> using <see cref="ActionReleaseTable"/>.</summary>
public static class ActionDeprecationResolver
{
    public static DeprecationResolution Resolve(ActionReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.ActionName is not { } action)
        {
            return new DeprecationResolution(reference, null, null, "not a repository action", []);
        }

        ActionRelease? release = null;
        ActionVersion? version = null;
        string how;
        switch (reference.RefKind)
        {
            case ActionRefKind.Sha:
                release = ActionReleaseTable.FindBySha(action, reference.Ref!);
                version = release?.Version;
                how = release is null ? "commit not in the release table: unknown" : $"commit {reference.Ref![..7]} is {release.Version}";
                break;
            case ActionRefKind.MajorTag or ActionRefKind.MinorTag or ActionRefKind.FullVersion:
                version = reference.Version;
                release = ActionReleaseTable.FindByVersion(action, reference.Version!.Value);
                if (release is not null)
                {
                    version = release.Version;
                    how = reference.RefKind == ActionRefKind.FullVersion ? "release tag" : $"{reference.Ref} currently points to {release.Version}";
                }
                else
                {
                    how = reference.RefKind == ActionRefKind.FullVersion ? "version tag" : $"{reference.Ref}: newest release of the line (not in the release table)";
                }

                break;
            default:
                how = reference.RefKind == ActionRefKind.Expression ? "ref is an expression: unknown" : $"\"{reference.Ref}\" is a branch or other ref: unknown";
                break;
        }

        var matches = new List<ActionDeprecation>();
        if (version is { } v)
        {
            matches.AddRange(ActionDeprecations.All.Where(d =>
                d.Kind == ActionDeprecationKind.Service
                && string.Equals(d.Action, action, StringComparison.OrdinalIgnoreCase)
                && d.Versions.Any(r => r.Contains(v))));
        }

        if (release is not null)
        {
            matches.AddRange(ActionDeprecations.All.Where(d => d.Kind == ActionDeprecationKind.Runtime && d.Runtime == release.Runtime));
        }

        return new DeprecationResolution(reference, version, release, how, matches);
    }
}
