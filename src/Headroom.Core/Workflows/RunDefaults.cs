using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary><c>defaults.run</c> of a workflow or a job.</summary>
public sealed record RunDefaults(YamlScalar? Shell, YamlScalar? WorkingDirectory)
{
    internal static RunDefaults? From(YamlMapping? owner)
    {
        if (owner?.GetMapping("defaults")?.GetMapping("run") is not { } run)
        {
            return null;
        }

        return new RunDefaults(run.GetScalar("shell"), run.GetScalar("working-directory"));
    }
}
