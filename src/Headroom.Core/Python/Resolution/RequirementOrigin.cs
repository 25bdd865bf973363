namespace Headroom.Python.Resolution;

/// <summary>
/// One reason a package is installed: a root requirement (with its <c>file:line</c>) or a dependency of
/// another chosen package.
/// </summary>
/// <param name="Requirement">The requirement as the parent states it, without its marker (<c>torch==2.5.1</c>).</param>
/// <param name="ParentName">The normalized name of the package that requires it; null for a root requirement.</param>
/// <param name="ParentVersion">The version of that package; null for a root requirement.</param>
/// <param name="ParentExtra">The parent's extra that brings the requirement (<c>torch[opt-einsum]</c>), or null.</param>
/// <param name="Location">Where a root requirement was written (<c>requirements.txt:3</c>); null otherwise or when unknown.</param>
public sealed record RequirementOrigin(string Requirement, string? ParentName, PythonVersion? ParentVersion, string? ParentExtra, string? Location)
{
    /// <summary>True for a requirement the user wrote.</summary>
    public bool IsRoot => ParentName is null;

    /// <summary><c>requirements.txt:3 asks torch&gt;=2</c> or <c>torchvision 0.20.1 requires torch==2.5.1</c>.</summary>
    public override string ToString() => IsRoot
        ? $"{Location ?? "the requested requirements"} asks {Requirement}"
        : $"{ParentName}{(ParentExtra is null ? string.Empty : $"[{ParentExtra}]")} {ParentVersion} requires {Requirement}";
}
