namespace Headroom.Python.Resolution;

/// <summary>What to resolve: the requirements to install and the constraints (<c>-c</c>) that only limit versions.</summary>
/// <param name="Requirements">The root requirements, in the order given (it breaks preference ties, as in pip).</param>
/// <param name="Constraints">Constraints: they restrict the versions of a project that something else brings in; they never add one.</param>
/// <param name="Skipped">Lines of the input that are not resolved from an index (paths, VCS URLs, editables), with the reason.</param>
/// <param name="Pre">The input asks for pre-releases (<c>--pre</c> in a requirements file).</param>
public sealed record ResolutionRequest(
    IReadOnlyList<RootRequirement> Requirements,
    IReadOnlyList<RootRequirement> Constraints,
    IReadOnlyList<string> Skipped,
    bool Pre = false)
{
    /// <summary>A request from requirement literals (no constraints).</summary>
    public static ResolutionRequest Of(params string[] requirements) =>
        new([.. requirements.Select(r => RootRequirement.Parse(r))], [], []);

    /// <summary>The requirements, constraints and <c>--pre</c> of a loaded requirements file set.</summary>
    public static ResolutionRequest From(RequirementsSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var requirements = new List<RootRequirement>();
        var skipped = new List<string>();
        foreach (RequirementLine line in set.Requirements)
        {
            if (RootRequirement.FromLine(line) is { } root)
            {
                requirements.Add(root);
            }
            else
            {
                skipped.Add($"{line.Path ?? "<input>"}:{line.Line}: '{line.Text}' is {(line.IsEditable ? "an editable install" : "a path or VCS reference")}; its dependencies are not resolved");
            }
        }

        var constraints = set.Constraints.Select(RootRequirement.FromLine).OfType<RootRequirement>().ToList();
        return new ResolutionRequest(requirements, constraints, skipped, set.Pre);
    }
}
