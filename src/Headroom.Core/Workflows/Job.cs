using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>
/// One job under <c>jobs:</c>: either steps that run on a runner, or a call of a reusable
/// workflow (<see cref="Uses"/> set, no steps).
/// </summary>
public sealed class Job
{
    internal Job(
        YamlScalar idNode,
        YamlMapping node,
        RunsOn? runsOn,
        IReadOnlyList<YamlScalar> needs,
        Matrix? matrix,
        IReadOnlyList<JobContainer> services,
        JobContainer? container,
        RunDefaults? defaults,
        ActionReference? uses,
        IReadOnlyList<Step> steps)
    {
        IdNode = idNode;
        Node = node;
        RunsOn = runsOn;
        Needs = needs;
        Matrix = matrix;
        Services = services;
        Container = container;
        Defaults = defaults;
        Uses = uses;
        Steps = steps;
    }

    public string Id => IdNode.Value;

    public YamlScalar IdNode { get; }

    public YamlMapping Node { get; }

    public LinePosition Start => IdNode.Start;

    public string? Name => Node.GetString("name");

    public RunsOn? RunsOn { get; }

    /// <summary>The job ids in <c>needs:</c> (a single id or a list).</summary>
    public IReadOnlyList<YamlScalar> Needs { get; }

    public YamlScalar? If => Node.GetScalar("if");

    public YamlMapping? Env => Node.GetMapping("env");

    public YamlMapping? Strategy => Node.GetMapping("strategy");

    /// <summary><c>strategy.matrix</c>, expanded; null when the job has no matrix.</summary>
    public Matrix? Matrix { get; }

    public IReadOnlyList<JobContainer> Services { get; }

    public JobContainer? Container { get; }

    public RunDefaults? Defaults { get; }

    /// <summary>The reusable workflow a job-level <c>uses:</c> calls, or null.</summary>
    public ActionReference? Uses { get; }

    /// <summary>The <c>with:</c> of a reusable workflow call.</summary>
    public YamlMapping? With => Node.GetMapping("with");

    public IReadOnlyList<Step> Steps { get; }

    public override string ToString() => Id;
}
