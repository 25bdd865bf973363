namespace Headroom.Python.Resolution;

/// <summary>
/// A requirement on one resolver identifier: a project (<c>torch&gt;=2</c>), one extra of it
/// (<c>torch[opt-einsum]&gt;=2</c>), or, for an extra's node, the project at exactly the extra's version.
/// </summary>
internal sealed class Need
{
    public Need(string name, string? extra, SpecifierSet specifier, PythonVersion? exact, string display)
    {
        Name = name;
        Extra = extra;
        Specifier = specifier;
        Exact = exact;
        Display = display;
        Identifier = IdentifierOf(name, extra);
    }

    public string Identifier { get; }

    public string Name { get; }

    public string? Extra { get; }

    public SpecifierSet Specifier { get; }

    /// <summary>The exact version (local label included) an extra's node needs of its project; null otherwise.</summary>
    public PythonVersion? Exact { get; }

    /// <summary>The requirement in words, without its marker: <c>torch==2.5.1</c>.</summary>
    public string Display { get; }

    public bool ImpliesPreReleases => Exact?.IsPreRelease ?? Specifier.ImpliesPreReleases;

    /// <summary>An exact pin (<c>==V</c>, <c>===V</c>): it lets a yanked version be chosen.</summary>
    public bool IsPinned => Exact is not null || Specifier.Pin is not null;

    public bool IsUpperBounded => Exact is not null || Specifier.Specifiers.Any(s =>
        s.Operator is SpecifierOperator.LessThan or SpecifierOperator.LessThanOrEqual or SpecifierOperator.Compatible or SpecifierOperator.ArbitraryEqual
        || (s.Operator == SpecifierOperator.Equal && !s.IsWildcard));

    public bool IsFree => Exact is null && Specifier.IsEmpty;

    public static string IdentifierOf(string name, string? extra) => extra is null ? name : $"{name}[{extra}]";

    /// <summary>The name and extra of an identifier that <see cref="IdentifierOf"/> made.</summary>
    public static (string Name, string? Extra) SplitIdentifier(string identifier)
    {
        int open = identifier.IndexOf('[', StringComparison.Ordinal);
        return open < 0 || !identifier.EndsWith(']') ? (identifier, null) : (identifier[..open], identifier[(open + 1)..^1]);
    }

    /// <summary>The needs of a PEP 508 requirement: the project, and one per extra.</summary>
    public static IEnumerable<Need> Of(Requirement requirement)
    {
        string name = requirement.NormalizedName;
        string display = $"{requirement.Name}{(requirement.Extras.Count == 0 ? string.Empty : $"[{string.Join(',', requirement.Extras)}]")}{requirement.Specifier}";
        yield return new Need(name, null, requirement.Specifier, null, display);
        foreach (string extra in requirement.Extras.Select(PackageName.Normalize).Distinct(StringComparer.Ordinal))
        {
            yield return new Need(name, extra, requirement.Specifier, null, display);
        }
    }

    /// <summary>Whether the version satisfies the requirement (pre-release rules are applied when candidates are listed, not here).</summary>
    public bool IsSatisfiedBy(PythonVersion version) =>
        Exact is not null ? version == Exact : Specifier.Contains(version, prereleases: true);

    public override string ToString() => Display;
}
