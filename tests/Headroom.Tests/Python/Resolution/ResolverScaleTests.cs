using System.Diagnostics;
using System.Text;
using Headroom.Python.Resolution;
using static Headroom.Tests.Python.Resolution.ResolverHarness;

namespace Headroom.Tests.Python.Resolution;

/// <summary>
/// A synthetic repository of 300 projects in deep chains, with latency on every call: the resolution
/// is checked for correctness; the time, with and without prefetching, is only reported.
/// </summary>
public sealed class ResolverScaleTests
{
    private const int Projects = 300;

    [Fact]
    public async Task Three_hundred_projects_in_deep_chains_resolve_soundly_with_and_without_prefetching()
    {
        string listing = Listing();
        string[] request = ["p000", "p150>=2"];
        var report = new StringBuilder();
        string? first = null;
        foreach ((string label, ResolverOptions options) in new[]
        {
            ("on demand", new ResolverOptions { Prefetch = false }),
            ("prefetch, 8 at a time", new ResolverOptions()),
            ("prefetch, 32 at a time", new ResolverOptions { MaxConcurrency = 32 }),
        })
        {
            var repo = new InMemoryPackageRepository(listing) { Latency = TimeSpan.FromMilliseconds(5) };
            var clock = Stopwatch.StartNew();
            ResolutionResult result = await ResolveAsync(repo, Cp312, options, request);
            clock.Stop();

            Assert.Equal(Projects, result.Packages.Count);
            Assert.Empty(Violations(result, Request(request)));
            first ??= Pins(result);
            Assert.Equal(first, Pins(result));
            report.AppendLine(
                $"{label}: {clock.ElapsedMilliseconds} ms, {result.Statistics.Rounds} rounds, {result.Statistics.Backtracks} backtracks, "
                + $"{repo.ListingCalls} listings, {repo.MetadataCalls} metadata fetches ({result.Statistics.MetadataUsed} used), at most {repo.MaxInFlight} in flight");
        }

        // Reported, never asserted: timing depends on the machine.
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        TestContext.Current.SendDiagnosticMessage("resolver scale (300 projects, 5 ms per call):\n{0}", report.ToString());
    }

    /// <summary>
    /// pNNN has versions 1.0 to 3.0; each depends on the next project (a chain 300 deep), on the one
    /// after that with an upper bound that forces an older version, and on one seven further on; a few
    /// newer versions pin something that conflicts, so that some backtracking happens.
    /// </summary>
    private static string Listing()
    {
        var text = new StringBuilder();
        for (int i = 0; i < Projects; i++)
        {
            for (int v = 1; v <= 3; v++)
            {
                text.Append($"p{i:000} {v}.0\n");
                if (i + 1 < Projects)
                {
                    text.Append($"  p{i + 1:000}>=1.0\n");
                }

                if (i + 2 < Projects && i % 3 == 0)
                {
                    text.Append($"  p{i + 2:000}<3.0\n");
                }

                if (i + 7 < Projects)
                {
                    text.Append($"  p{i + 7:000}\n");
                }

                if (v == 3 && i % 25 == 5 && i + 4 < Projects)
                {
                    text.Append($"  p{i + 4:000}==3.0\n");
                }

                if (v == 3 && i % 25 == 6 && i + 3 < Projects)
                {
                    text.Append($"  p{i + 3:000}<3.0\n");
                }
            }
        }

        return text.ToString();
    }
}
