using System.Globalization;
using Headroom.Diagnostics;
using Headroom.Knowledge;
using Headroom.Prediction;
using Headroom.Prediction.Ci;
using Headroom.Rules.Models;
using Headroom.Text;
using Headroom.Workflows;

namespace Headroom.Rules.Workflows;

/// <summary>
/// GH005: the predicted peak disk of a job (<see cref="CiDiskModel"/>: images built, loaded, exported and pulled,
/// minus what known clean-up steps give back) exceeds the runner's free disk: <c>--budget</c> / the configuration's
/// <c>budget</c>, else the documented figure of the job's GitHub-hosted runner (<see cref="RunnerBudgets"/>).
/// Build sizes come from the <see cref="IImageCostSource"/>; a job whose builds cannot be predicted fires only when
/// what is known already exceeds the budget. No fix: the remedies (a smaller image, one copy instead of three,
/// a clean-up step) are choices.
/// </summary>
public sealed class RunnerDiskBudgetRule : IRule
{
    private readonly IImageCostSource _costs;

    public RunnerDiskBudgetRule(IImageCostSource costs)
    {
        _costs = costs;
    }

    public RuleDescriptor Descriptor { get; } = new(
        "GH005", "runner-disk-budget", DiagnosticSeverity.Error,
        "the predicted peak disk of a job exceeds the runner's free disk", Fixable: false);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        (string Name, long Bytes)? explicitBudget = context.Options.Budget is { } b ? Resolve(b) : null;
        foreach (WorkflowDocument document in WorkflowDocument.All(context))
        {
            foreach (Job job in document.Workflow.Jobs)
            {
                IReadOnlyList<string> labels = HostedRunners.LabelsOf(job);
                (string Name, long Bytes)? budget = explicitBudget ?? ForLabels(labels);
                if (budget is not { } limit || job.Steps.Count == 0)
                {
                    continue;
                }

                string platform = labels.Any(l => l.Contains("arm", StringComparison.OrdinalIgnoreCase)) ? "linux/arm64" : "linux/amd64";
                IReadOnlyList<CiDiskEvent> events = new CiJobReader(context, _costs, platform).Read(document, job);
                CiDiskEstimate estimate = CiDiskModel.Estimate(events);
                if (estimate.NetPeakBytes > limit.Bytes)
                {
                    Report(document, job, events, estimate, limit, findings);
                }
            }
        }
    }

    private static void Report(WorkflowDocument document, Job job, IReadOnlyList<CiDiskEvent> events, CiDiskEstimate estimate, (string Name, long Bytes) budget, FindingSink findings)
    {
        string atLeast = estimate.Complete ? "~" : "at least ";
        string parts = string.Join(", ", estimate.Parts.Take(4).Select(p => $"{p.Label} {ByteSize.Format(p.Bytes)}"));
        string freed = estimate.FreedBytes > 0 ? $", after the {ByteSize.Format(estimate.FreedBytes)} that its clean-up gives back" : string.Empty;
        string unknown = estimate.Complete ? string.Empty : $" ({string.Join(", ", estimate.Unknown.Take(3))} not counted: no size predicted)";
        var advice = new List<string>();
        List<CiImageBuild> builds = [.. events.OfType<CiImageBuild>().Where(b => b.Cost is not null)];
        if (builds.Any(b => b.ContainerBuilder && b.Load))
        {
            advice.Add("build on the docker driver (setup-buildx-action 'driver: docker') so each image is stored once, not in the builder, a tarball and the engine");
        }

        if (builds.Any(b => b.CacheExport == CiCacheExport.Max))
        {
            advice.Add("export the cache with mode=min");
        }

        if (!events.OfType<CiCleanup>().Any(c => c.FreedBytes > 0))
        {
            advice.Add($"free space first (jlumbroso/free-disk-space gives back ~{ByteSize.Format(RunnerCleanups.FreeDiskSpace(_ => null).Sum(c => c.FreedBytes))} on Ubuntu runners)");
        }

        if (builds.Count > 0)
        {
            advice.Add("make the images smaller (see the Dockerfile findings)");
        }

        if (events.OfType<CiImagePull>().Any(p => p.UnpackedBytes is not null))
        {
            advice.Add("pull smaller images (runtime instead of devel variants)");
        }
        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"job '{job.Id}' needs {atLeast}{ByteSize.Format(estimate.NetPeakBytes)} of disk at its peak (line {estimate.PeakLine}: {parts}{freed}){unknown}, more than the {ByteSize.Format(budget.Bytes)} free on {budget.Name}, so it fails with \"no space left on device\"; {string.Join("; ", advice)}");
        findings.Report(
            document.Source,
            job.IdNode.Span,
            message,
            bytesAtStake: estimate.NetPeakBytes,
            related: [new RelatedLocation(document.Path, estimate.PeakLine, 1, "the peak")]);
    }

    /// <summary>The documented budget of the job's GitHub-hosted runner (the smallest over its matrix), or null.</summary>
    private static (string Name, long Bytes)? ForLabels(IReadOnlyList<string> labels)
    {
        (string Name, long Bytes)? best = null;
        foreach (string label in labels)
        {
            string l = label.ToLowerInvariant();
            string? name = l.StartsWith("ubuntu-", StringComparison.Ordinal)
                ? l.Contains("arm", StringComparison.Ordinal) ? "github-ubuntu-arm" : "github-ubuntu-latest"
                : l.StartsWith("windows-", StringComparison.Ordinal) ? "github-windows-latest" : null;
            if (name is not null && RunnerBudgets.Find(name) is { } row && (best is null || row.Bytes < best.Value.Bytes))
            {
                best = (row.Name, row.Bytes);
            }
        }

        return best;
    }

    private static (string Name, long Bytes) Resolve(string budget)
    {
        if (RunnerBudgets.Find(budget) is { } named)
        {
            return (named.Name, named.Bytes);
        }

        if (ByteSize.TryParse(budget, out long bytes))
        {
            return ("the runner (budget " + budget.Trim() + ")", bytes);
        }

        throw new InputException($"budget '{budget}' is neither a size nor a known runner budget ({string.Join(", ", RunnerBudgets.All.Select(r => r.Name))})");
    }
}
