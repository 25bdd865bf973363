using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>
/// A version of a project offered to the resolver, for one identifier: the project itself
/// (<c>torch</c>) or one of its extras (<c>torch[opt-einsum]</c>), which pip resolves as a separate
/// node that depends on the project at exactly the same version.
/// </summary>
internal sealed class Candidate
{
    public Candidate(string name, string? extra, VersionEntry entry)
    {
        Name = name;
        Extra = extra;
        Entry = entry;
        Identifier = Need.IdentifierOf(name, extra);
    }

    public string Identifier { get; }

    public string Name { get; }

    public string? Extra { get; }

    public VersionEntry Entry { get; }

    public PythonVersion Version => Entry.Version;

    public DistributionFile File => Entry.File!;

    public override string ToString() => $"{Identifier} {Version}";
}
