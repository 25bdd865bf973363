namespace Headroom.Python.Resolution;

/// <summary>A need and who stated it: a chosen candidate, or the user (with the place, when known).</summary>
internal sealed record RequirementInformation(Need Need, Candidate? Parent, string? Location)
{
    /// <summary><c>torchvision 0.20.1 requires torch==2.5.1</c> or <c>requirements.txt:3 asks torch==2.6.0</c>.</summary>
    public override string ToString() => Parent is null
        ? $"{Location ?? "the requested requirements"} asks {Need.Display}"
        : $"{Parent} requires {Need.Display}";
}
