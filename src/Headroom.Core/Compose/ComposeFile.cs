using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Compose;

/// <summary>A Compose file (docker-compose.yml, compose.yaml): its services with positions.</summary>
public sealed class ComposeFile
{
    private ComposeFile(YamlDocument document, IReadOnlyList<ComposeService> services, IReadOnlyList<Diagnostic> diagnostics)
    {
        Document = document;
        Services = services;
        Diagnostics = diagnostics;
    }

    public YamlDocument Document { get; }

    public SourceText Source => Document.Source;

    public IReadOnlyList<ComposeService> Services { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public ComposeService? FindService(string name) => Services.FirstOrDefault(s => s.Name == name);

    public static ComposeFile Read(string text, string? path = null) => Read(new SourceText(text, path));

    public static ComposeFile Read(SourceText source, YamlReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        YamlDocument document = YamlReader.Read(source, limits);
        var services = new List<ComposeService>();
        if ((document.Root as YamlMapping)?.GetMapping("services") is { } servicesNode)
        {
            foreach (YamlMappingEntry entry in servicesNode.Entries)
            {
                if (entry.Key is YamlScalar name && entry.Value is YamlMapping service)
                {
                    IReadOnlyList<YamlNode> ports = service.GetSequence("ports")?.Items ?? [];
                    services.Add(new ComposeService(name, service, ComposeBuild.From(service["build"]), ports));
                }
            }
        }

        return new ComposeFile(document, services, document.Diagnostics);
    }
}
