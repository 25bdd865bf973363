namespace Headroom.Python.Index;

/// <summary>
/// What the resolver needs from a distribution's core metadata (the wheel's <c>METADATA</c> file, PEP 566/643):
/// its name, version, dependencies with their markers, extras and Python requirement.
/// </summary>
public sealed record CoreMetadata(
    string Name,
    PythonVersion Version,
    IReadOnlyList<Requirement> RequiresDist,
    SpecifierSet RequiresPython,
    IReadOnlyList<string> ProvidesExtra);
