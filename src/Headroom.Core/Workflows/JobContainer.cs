using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>A job's <c>container:</c> or one entry of its <c>services:</c> (then <see cref="ServiceId"/> is set).</summary>
public sealed record JobContainer(string? ServiceId, YamlScalar? Image, YamlNode Node)
{
    internal static JobContainer? From(string? serviceId, YamlNode? node) => node switch
    {
        YamlScalar s => new JobContainer(serviceId, s, s),
        YamlMapping m => new JobContainer(serviceId, m.GetScalar("image"), m),
        _ => null,
    };
}
