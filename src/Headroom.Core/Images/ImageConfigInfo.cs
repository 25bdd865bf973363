using System.Text.Json;
using Headroom.Diagnostics;

namespace Headroom.Images;

/// <summary>What the analyzer needs from an image config: platform, diff IDs and layer history.</summary>
public sealed record ImageConfigInfo(string Os, string Architecture, string? Variant, IReadOnlyList<string> DiffIds, IReadOnlyList<string?> LayerCreatedBy)
{
    /// <summary><c>os/arch[/variant]</c>.</summary>
    public string Platform => Variant is { Length: > 0 } ? $"{Os}/{Architecture}/{Variant}" : $"{Os}/{Architecture}";

    /// <summary>The image ID: the sha256 of the config bytes.</summary>
    public static string ImageIdOf(ReadOnlySpan<byte> config) => ImageLayout.Sha256Of(config);

    /// <summary>
    /// Parses a config. <see cref="LayerCreatedBy"/> has one entry per non-empty history entry: the
    /// history's <c>empty_layer: true</c> entries (ENV, WORKDIR, ...) describe no layer and are skipped.
    /// </summary>
    public static ImageConfigInfo Parse(byte[] config, string where)
    {
        try
        {
            using var doc = JsonDocument.Parse(config);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{where}: the image config is not a JSON object");
            }

            var diffIds = new List<string>();
            if (root.TryGetProperty("rootfs", out JsonElement rootfs) && rootfs.ValueKind == JsonValueKind.Object
                && rootfs.TryGetProperty("diff_ids", out JsonElement ids) && ids.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement id in ids.EnumerateArray())
                {
                    diffIds.Add(id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty);
                }
            }

            var createdBy = new List<string?>();
            if (root.TryGetProperty("history", out JsonElement history) && history.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement h in history.EnumerateArray())
                {
                    if (h.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    if (h.TryGetProperty("empty_layer", out JsonElement empty) && empty.ValueKind == JsonValueKind.True)
                    {
                        continue;
                    }

                    createdBy.Add(h.TryGetProperty("created_by", out JsonElement c) && c.ValueKind == JsonValueKind.String
                        ? c.GetString()
                        : null);
                }
            }

            return new ImageConfigInfo(Str(root, "os") ?? "unknown", Str(root, "architecture") ?? "unknown", Str(root, "variant"), diffIds, createdBy);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new InputException($"{where}: the image config is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
