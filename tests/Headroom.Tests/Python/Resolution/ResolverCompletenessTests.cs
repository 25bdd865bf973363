using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Headroom.Python;
using Headroom.Python.Resolution;

namespace Headroom.Tests.Python.Resolution;

/// <summary>
/// Small random universes (plain versions, no markers or extras) where every assignment can be tried:
/// when the resolver says the requirements cannot be met, no assignment meets them.
/// </summary>
public sealed class ResolverCompletenessTests
{
    private static readonly string[] Specifiers = ["", ">=2.0", "<3.0", "==2.0", "!=1.0", "==1.0", "==3.0", ">=3.0", "<2.0"];

    [Fact]
    public void A_failure_means_that_no_assignment_satisfies_the_requirements()
    {
        Gen<(int Seed, int Packages)> universes = Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(2, 5));
        int[] outcomes = new int[2];
        Prop.ForAll(universes.ToArbitrary(), u => FailsOnlyWithoutSolution(u.Seed, u.Packages, outcomes))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(PropertyRuns.Of(500)));

        Assert.True(outcomes[1] >= 20, $"only {outcomes[1]} of 500 random cases failed");
    }

    /// <summary>
    /// Found by the property above (2026-11-30): p0==2.0 pins p1 free; p1 3.0 needs p3==1.0, p3 1.0
    /// needs p1&lt;2.0, p1 1.0 needs p0&gt;=3.0. Backjumping from that conflict went past p1 3.0's pin (p3 was
    /// not among the conflict's names) and gave up, although p0 2.0, p1 2.0, p3 2.0 works.
    /// </summary>
    [Fact]
    public void Regression_a_solvable_case_that_the_resolver_gave_up_on() =>
        Assert.True(FailsOnlyWithoutSolution(680467375, 4, new int[2]));

    [Theory]
    [InlineData(779731320, 4)]
    [InlineData(229350077, 5)]
    [InlineData(1458112381, 3)]
    [InlineData(341886850, 2)]
    [InlineData(1072972704, 3)]
    public void Regression_more_cases(int seed, int packages) =>
        Assert.True(FailsOnlyWithoutSolution(seed, packages, new int[2]));

    private static bool FailsOnlyWithoutSolution(int seed, int packageCount, int[] outcomes)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        // deps[package][version] = (target, specifier)
        var deps = new List<List<(int Target, string Spec)>>[packageCount];
        int[] versionCounts = new int[packageCount];
        for (int p = 0; p < packageCount; p++)
        {
            versionCounts[p] = random.Next(1, 4);
            deps[p] = [];
            for (int v = 1; v <= versionCounts[p]; v++)
            {
                text.Append($"p{p} {v}.0\n");
                var list = new List<(int, string)>();
                for (int d = random.Next(0, 3); d > 0; d--)
                {
                    int target = random.Next(packageCount);
                    if (target != p)
                    {
                        string spec = Specifiers[random.Next(Specifiers.Length)];
                        list.Add((target, spec));
                        text.Append($"  p{target}{spec}\n");
                    }
                }

                deps[p].Add(list);
            }
        }

        var roots = new List<(int Target, string Spec)>();
        for (int r = random.Next(1, 4); r > 0; r--)
        {
            roots.Add((random.Next(packageCount), Specifiers[random.Next(Specifiers.Length)]));
        }

        ResolutionRequest request = ResolverHarness.Request([.. roots.Select(r => $"p{r.Target}{r.Spec}")]);
        var repo = new InMemoryPackageRepository(text.ToString());
        try
        {
            Task.Run(() => new Resolver(repo, ResolverHarness.Cp312).ResolveAsync(request)).GetAwaiter().GetResult();
            Interlocked.Increment(ref outcomes[0]);
        }
        catch (ResolutionException e)
        {
            Interlocked.Increment(ref outcomes[1]);
            if (!e.TooDeep && HasSolution(packageCount, versionCounts, deps, roots) is { } solution)
            {
                throw new InvalidOperationException($"seed {seed}/{packageCount}: '{e.Message}', yet {solution} works\n{text}\n{string.Join("\n", roots)}");
            }
        }

        return true;
    }

    /// <summary>An assignment (0 = not installed, else the version) that meets the roots and every installed package's dependencies, or null.</summary>
    private static string? HasSolution(int packageCount, int[] versionCounts, List<List<(int Target, string Spec)>>[] deps, List<(int Target, string Spec)> roots)
    {
        int[] choice = new int[packageCount];
        while (true)
        {
            if (Meets(roots, choice) && Enumerable.Range(0, packageCount).All(p => choice[p] == 0 || Meets(deps[p][choice[p] - 1], choice)))
            {
                return string.Join(" ", Enumerable.Range(0, packageCount).Where(p => choice[p] > 0).Select(p => $"p{p}=={choice[p]}.0"));
            }

            int i = 0;
            while (i < packageCount && ++choice[i] > versionCounts[i])
            {
                choice[i++] = 0;
            }

            if (i == packageCount)
            {
                return null;
            }
        }
    }

    private static bool Meets(IEnumerable<(int Target, string Spec)> requirements, int[] choice) =>
        requirements.All(r => choice[r.Target] > 0 && SpecifierSet.Parse(r.Spec).Contains(PythonVersion.Parse($"{choice[r.Target]}.0"), prereleases: true));
}
