namespace Headroom.Python.Resolution;

/// <summary>
/// A requirement (or constraint) the user asked for, with where it was written
/// (<c>requirements.txt:3</c>), so that explanations can point at the line.
/// </summary>
/// <param name="Requirement">The PEP 508 requirement.</param>
/// <param name="Location">Where it was written (<c>file:line</c>), or null when unknown.</param>
public sealed record RootRequirement(Requirement Requirement, string? Location = null)
{
    /// <summary>Parses a requirement literal (tests, command-line arguments).</summary>
    public static RootRequirement Parse(string text, string? location = null) => new(Requirement.Parse(text), location);

    /// <summary>The requirement of a requirements-file line, or null when the line is not a PEP 508 requirement (a path, a VCS URL, <c>-e</c>).</summary>
    public static RootRequirement? FromLine(RequirementLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Requirement is null || line.IsEditable ? null : new RootRequirement(line.Requirement, $"{line.Path ?? "<input>"}:{line.Line}");
    }

    /// <summary>The location, or a description for an unknown one (used in messages).</summary>
    internal string Where => Location ?? "the requested requirements";
}
