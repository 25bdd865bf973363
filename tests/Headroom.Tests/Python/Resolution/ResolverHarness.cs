using Headroom.Python;
using Headroom.Python.Resolution;

namespace Headroom.Tests.Python.Resolution;

/// <summary>Shared helpers: requests written as requirement-file lines, and a check that a result satisfies everything it should.</summary>
internal static class ResolverHarness
{
    public static readonly TargetEnvironment Cp312 = TargetEnvironment.Manylinux(12);

    /// <summary>
    /// A request from lines: each is a requirement at <c>requirements.txt:N</c>, or, after <c>-c </c>,
    /// a constraint at <c>constraints.txt:N</c>.
    /// </summary>
    public static ResolutionRequest Request(params string[] lines)
    {
        var requirements = new List<RootRequirement>();
        var constraints = new List<RootRequirement>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("-c ", StringComparison.Ordinal))
            {
                constraints.Add(RootRequirement.Parse(lines[i][3..], $"constraints.txt:{constraints.Count + 1}"));
            }
            else
            {
                requirements.Add(RootRequirement.Parse(lines[i], $"requirements.txt:{i + 1}"));
            }
        }

        return new ResolutionRequest(requirements, constraints, []);
    }

    public static Task<ResolutionResult> ResolveAsync(InMemoryPackageRepository repository, TargetEnvironment target, ResolverOptions? options, params string[] lines) =>
        new Resolver(repository, target, options).ResolveAsync(Request(lines), TestContext.Current.CancellationToken);

    public static Task<ResolutionResult> ResolveAsync(InMemoryPackageRepository repository, params string[] lines) =>
        ResolveAsync(repository, Cp312, null, lines);

    public static async Task<ResolutionException> FailAsync(InMemoryPackageRepository repository, TargetEnvironment target, ResolverOptions? options, params string[] lines) =>
        await Assert.ThrowsAsync<ResolutionException>(() => ResolveAsync(repository, target, options, lines));

    /// <summary>name==version for every package, sorted: what the tests compare.</summary>
    public static string Pins(ResolutionResult result) =>
        string.Join(" ", result.Packages.Select(p => $"{p.Name}{(p.Extras.Count > 0 ? $"[{string.Join(',', p.Extras)}]" : "")}=={p.Version}"));

    /// <summary>
    /// The problems of a result, empty when it is sound: every root requirement and constraint that applies
    /// is met, with its extras; every Requires-Dist of every chosen package (and of its chosen extras)
    /// whose marker holds on the target is met by a chosen package; nothing is chosen twice; every chosen
    /// package is reachable from a root requirement.
    /// </summary>
    public static List<string> Violations(ResolutionResult result, ResolutionRequest request)
    {
        var problems = new List<string>();
        MarkerEnvironment markers = MarkerEnvironment.ForTarget(result.Target);
        var byName = new Dictionary<string, ResolvedPackage>(StringComparer.Ordinal);
        foreach (ResolvedPackage package in result.Packages)
        {
            if (!byName.TryAdd(package.Name, package))
            {
                problems.Add($"{package.Name} chosen twice");
            }

            if (package.Chain.Count == 0 || !package.Chain[0].IsRoot)
            {
                problems.Add($"{package.Name} has no chain to a root requirement");
            }
        }

        void Check(Requirement requirement, string who)
        {
            if (!byName.TryGetValue(requirement.NormalizedName, out ResolvedPackage? chosen))
            {
                problems.Add($"{who}: {requirement} is not installed");
                return;
            }

            if (!requirement.Specifier.Contains(chosen.Version, prereleases: true))
            {
                problems.Add($"{who}: {requirement} is not met by {chosen.Version}");
            }

            foreach (string extra in requirement.Extras.Select(PackageName.Normalize))
            {
                if (!chosen.Extras.Contains(extra))
                {
                    problems.Add($"{who}: {requirement} lacks the extra {extra}");
                }
            }
        }

        foreach (RootRequirement root in request.Requirements.Where(r => r.Requirement.AppliesTo(markers)))
        {
            Check(root.Requirement, root.Location ?? "root");
        }

        foreach (RootRequirement constraint in request.Constraints.Where(c => c.Requirement.AppliesTo(markers)))
        {
            if (byName.TryGetValue(constraint.Requirement.NormalizedName, out ResolvedPackage? chosen)
                && !constraint.Requirement.Specifier.Contains(chosen.Version, prereleases: true))
            {
                problems.Add($"{constraint.Location}: constraint {constraint.Requirement} is not met by {chosen.Version}");
            }
        }

        foreach (ResolvedPackage package in result.Packages)
        {
            if (package.Metadata is null)
            {
                problems.Add($"{package.Name}: no metadata");
                continue;
            }

            foreach (string extra in (string[])["", .. package.Extras])
            {
                MarkerEnvironment env = markers with { Extra = extra };
                foreach (Requirement dependency in package.Metadata.RequiresDist.Where(d => d.AppliesTo(env)))
                {
                    Check(dependency, $"{package.Name} {package.Version}");
                }
            }
        }

        return problems;
    }
}
