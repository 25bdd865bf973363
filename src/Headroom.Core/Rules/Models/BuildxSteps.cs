using Headroom.Workflows;
using Headroom.Yaml;

namespace Headroom.Rules.Models;

/// <summary>
/// The image builds of one job as docker/setup-buildx-action and docker/build-push-action describe them:
/// which builder driver each build runs on and where its result goes (load, push, outputs, cache-to).
/// Shared by GH004 (an image used but never loaded) and GH005 (the disk a job's images take).
/// </summary>
public static class BuildxSteps
{
    public const string SetupBuildx = "docker/setup-buildx-action";

    public const string BuildPush = "docker/build-push-action";

    /// <summary>The build-push-action steps of a job, in order, each with the builder it runs on.</summary>
    public static IReadOnlyList<BuildxBuild> Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var builds = new List<BuildxBuild>();
        Step? setup = null;
        foreach (Step step in job.Steps)
        {
            string? action = step.Uses?.ActionName;
            if (action == SetupBuildx)
            {
                setup = step;
            }
            else if (action == BuildPush)
            {
                builds.Add(new BuildxBuild(step, setup));
            }
        }

        return builds;
    }

    /// <summary>The items of a list input: newline- or comma-separated, trimmed, comments and empty items dropped.</summary>
    public static IReadOnlyList<string> ListInput(Step step, string name)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.GetInput(name) is not { } text
            ? []
            : [.. text.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => !t.StartsWith('#'))];
    }

    /// <summary>An image reference in a comparable form: <c>docker.io/library/</c> dropped, <c>:latest</c> added when there is no tag or digest.</summary>
    public static string NormalizeImage(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        string name = image.Trim();
        foreach (string prefix in (string[])["docker.io/library/", "index.docker.io/library/", "docker.io/"])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        int slash = name.LastIndexOf('/');
        return name.IndexOf(':', slash + 1) >= 0 || name.Contains('@', StringComparison.Ordinal) ? name : name + ":latest";
    }
}

/// <summary>One docker/build-push-action step and the docker/setup-buildx-action step before it (null: the default <c>docker</c> driver).</summary>
public sealed record BuildxBuild(Step Step, Step? Setup)
{
    /// <summary>The builder's driver: <c>docker-container</c> (setup-buildx-action's default), <c>docker</c> without a setup step, or the one named.</summary>
    public string Driver => Setup is null ? "docker" : Setup.GetInput("driver")?.Trim() is { Length: > 0 } d ? d : "docker-container";

    /// <summary>A container-like driver keeps the result in its own store unless told to load it (<c>driver-opts: default-load=true</c> does).</summary>
    public bool BuilderKeepsResult => Driver != "docker"
        && !BuildxSteps.ListInput(Setup!, "driver-opts").Any(o => o.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("default-load=true", StringComparison.OrdinalIgnoreCase));

    public YamlScalar? Load => Step.With?.GetScalar("load");

    public bool Loads => IsTrue("load") || Outputs.Any(o => o.Contains("type=docker", StringComparison.Ordinal));

    public bool Pushes => IsTrue("push") || Outputs.Any(o => o.Contains("type=registry", StringComparison.Ordinal) || o.Contains("push=true", StringComparison.Ordinal));

    /// <summary>The <c>load</c> or <c>push</c> input is an expression: whether the image is kept is decided at run time.</summary>
    public bool HasDynamicOutput => IsExpression("load") || IsExpression("push") || Outputs.Any(o => o.Contains("${{", StringComparison.Ordinal));

    public IReadOnlyList<string> Outputs => BuildxSteps.ListInput(Step, "outputs");

    public IReadOnlyList<string> Tags => BuildxSteps.ListInput(Step, "tags");

    public IReadOnlyList<string> Platforms => BuildxSteps.ListInput(Step, "platforms");

    public IReadOnlyList<string> CacheTo => BuildxSteps.ListInput(Step, "cache-to");

    private bool IsTrue(string input) => string.Equals(Step.GetInput(input)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private bool IsExpression(string input) => Step.GetInput(input) is { } v && v.Contains("${{", StringComparison.Ordinal);
}
