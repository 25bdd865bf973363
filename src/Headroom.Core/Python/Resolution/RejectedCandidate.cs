namespace Headroom.Python.Resolution;

/// <summary>A version of a project that the resolver did not take, and why.</summary>
/// <param name="Name">The normalized project name.</param>
/// <param name="Version">The version.</param>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Reason">The reason in words (<c>no wheel for cp313 linux x86_64 glibc 2.36; its wheels are for cp310, cp311, cp312</c>).</param>
/// <param name="Filename">The file concerned, when one is.</param>
public sealed record RejectedCandidate(string Name, PythonVersion Version, RejectionKind Kind, string Reason, string? Filename = null)
{
    public override string ToString() => $"{Name} {Version}: {Reason}";
}
