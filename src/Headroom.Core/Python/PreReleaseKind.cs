namespace Headroom.Python;

/// <summary>The PEP 440 pre-release phases, in their sort order.</summary>
public enum PreReleaseKind
{
    Alpha,
    Beta,
    ReleaseCandidate,
}
