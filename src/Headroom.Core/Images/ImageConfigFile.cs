using Headroom.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Headroom.Images;

/// <summary>
/// Reads the <c>image:</c> section of <c>.headroom.yaml</c>. Every key must be one of
/// <see cref="ImageGateSettings.Keys"/>; an unknown or misspelt key is an error naming the key and
/// its line (a commented-out or misspelt rule never silently falls back to a default). Other top-level
/// sections belong to other commands and are not looked at here.
/// </summary>
public static class ImageConfigFile
{
    public const string FileName = ".headroom.yaml";

    /// <summary>The nearest <c>.headroom.yaml</c> in <paramref name="startDirectory"/> or a parent, or null.</summary>
    public static string? FindNearest(string startDirectory) => Rules.Configuration.HeadroomConfigFile.FindNearest(startDirectory);

    /// <summary>Applies the file's <c>image:</c> keys to <paramref name="settings"/>.</summary>
    public static void Apply(string text, string displayName, ImageGateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new InputException($"{displayName}:{ex.Start.Line}: invalid YAML: {FirstLine(ex.Message)}", ex);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException($"{displayName}:{yaml.Documents[0].RootNode.Start.Line}: expected a mapping at the top level");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("image"), out YamlNode? imageNode)
            || imageNode is YamlScalarNode { Value: null or "" or "~" })
        {
            return;
        }

        if (imageNode is not YamlMappingNode image)
        {
            throw new InputException($"{displayName}:{imageNode.Start.Line}: 'image' must be a mapping of keys");
        }

        foreach ((YamlNode keyNode, YamlNode valueNode) in image.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            string where = $"{displayName}:{keyNode.Start.Line}";
            if (!ImageGateSettings.Keys.Contains(key))
            {
                throw new InputException($"{where}: unknown key 'image.{key}' (known: {string.Join(", ", ImageGateSettings.Keys)})");
            }

            string value = valueNode switch
            {
                YamlScalarNode s => s.Value ?? string.Empty,
                YamlSequenceNode seq when key == "forbid" => string.Join(',', seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? string.Empty)),
                _ => throw new InputException($"{where}: 'image.{key}' must be a single value"),
            };
            settings.Set(key, value, $"{where}: image.{key}");
        }
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? message : message[..nl];
    }
}
