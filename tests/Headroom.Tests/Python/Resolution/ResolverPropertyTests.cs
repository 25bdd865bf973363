using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Headroom.Python.Resolution;

namespace Headroom.Tests.Python.Resolution;

/// <summary>
/// Random package universes (versions, dependencies with specifiers, markers, extras, cycles, yanked and
/// pre-release versions, versions without a wheel) and random requests: every resolution either
/// satisfies every requirement that applies, or fails with a <see cref="ResolutionException"/>; nothing else.
/// </summary>
public sealed class ResolverPropertyTests
{
    private static readonly string[] Specifiers = ["", "", ">=2.0", "<3.0", "==2.0", "!=1.0", "~=1.0", ">1.0,<4.0", "==3.*", "<=2.0"];

    private static readonly string[] Markers =
    [
        "", "", "", "; platform_machine == \"aarch64\"", "; python_version >= \"3.8\"", "; extra == \"x\"", "; extra == \"x\" and platform_machine == \"x86_64\"",
    ];

    [Fact]
    public void Every_resolution_satisfies_all_its_requirements_or_fails_cleanly()
    {
        Gen<(int Seed, int Packages)> universes = Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(2, 9));
        int[] outcomes = new int[2];
        Prop.ForAll(universes.ToArbitrary(), u => IsSoundOrFailsCleanly(u.Seed, u.Packages, outcomes))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(PropertyRuns.Of(400)));

        // The universes must exercise both outcomes, or the property says little.
        Assert.True(outcomes[0] >= 40, $"only {outcomes[0]} of 400 random cases resolved");
        Assert.True(outcomes[1] >= 10, $"only {outcomes[1]} of 400 random cases failed");
    }

    /// <summary>Cases the property once found: a criterion left with no needs after a backjump (CI, 2026-11-30).</summary>
    [Theory]
    [InlineData(764513554, 4)]
    [InlineData(1732440216, 8)]
    public void Regression_cases_stay_sound(int seed, int packages) =>
        Assert.True(IsSoundOrFailsCleanly(seed, packages, new int[2]));

    private static bool IsSoundOrFailsCleanly(int seed, int packageCount, int[] outcomes)
    {
        (string listing, string[] request) = Universe(seed, packageCount);
        var repo = new InMemoryPackageRepository(listing);
        ResolutionRequest parsed = ResolverHarness.Request(request);
        try
        {
            ResolutionResult result = Task.Run(() => new Resolver(repo, ResolverHarness.Cp312).ResolveAsync(parsed)).GetAwaiter().GetResult();
            List<string> problems = ResolverHarness.Violations(result, parsed);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"seed {seed}/{packageCount}: {string.Join("; ", problems)}\n{listing}\n{string.Join("\n", request)}");
            }

            Interlocked.Increment(ref outcomes[0]);
        }
        catch (ResolutionException e)
        {
            // A clean failure: one line that names what is involved.
            if (e.Message.Contains('\n', StringComparison.Ordinal) || (!e.TooDeep && e.Packages.Count == 0))
            {
                throw new InvalidOperationException($"seed {seed}/{packageCount}: unclear failure '{e.Message}'");
            }

            Interlocked.Increment(ref outcomes[1]);
        }

        return true;
    }

    private static (string Listing, string[] Request) Universe(int seed, int packageCount)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int p = 0; p < packageCount; p++)
        {
            int versions = random.Next(1, 5);
            for (int v = 1; v <= versions; v++)
            {
                string version = random.Next(8) == 0 ? $"{v}.0rc1" : $"{v}.0";
                string options = random.Next(10) switch
                {
                    0 => " yanked",
                    1 => " wheels=cp311-cp311-manylinux_2_17_x86_64",
                    2 => " python=>=3.13",
                    _ => string.Empty,
                };
                text.Append($"p{p} {version}{options}\n");
                int dependencies = random.Next(0, 4);
                for (int d = 0; d < dependencies; d++)
                {
                    int target = random.Next(packageCount);
                    if (target == p)
                    {
                        continue;
                    }

                    string extra = random.Next(6) == 0 ? "[x]" : string.Empty;
                    text.Append($"  p{target}{extra}{Specifiers[random.Next(Specifiers.Length)]}{Markers[random.Next(Markers.Length)]}\n");
                }
            }
        }

        int roots = random.Next(1, 4);
        var request = new List<string>();
        for (int r = 0; r < roots; r++)
        {
            string extra = random.Next(4) == 0 ? "[x]" : string.Empty;
            request.Add($"p{random.Next(packageCount)}{extra}{Specifiers[random.Next(Specifiers.Length)]}");
        }

        if (random.Next(3) == 0)
        {
            request.Add($"-c p{random.Next(packageCount)}{Specifiers[random.Next(Specifiers.Length)]}");
        }

        return (text.ToString(), [.. request]);
    }
}
