using System.Security.Cryptography;
using System.Text.Json;

namespace Headroom.Images.Remote;

/// <summary>The manifest and index media types of the OCI image spec and Docker's registry API.</summary>
public static class ManifestMediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>What the client accepts, in order of preference.</summary>
    public static IReadOnlyList<string> Accepted { get; } = [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;
}

/// <summary>A content descriptor: what a manifest or index points at.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size, ImagePlatform? Platform = null, string? ArtifactType = null);

/// <summary>A manifest or index as the registry served it.</summary>
/// <param name="MediaType">The document's media type (from its <c>mediaType</c> field, else the Content-Type header).</param>
/// <param name="Content">The exact bytes (the digest is over these).</param>
/// <param name="Digest">The sha256 digest of <paramref name="Content"/>.</param>
public sealed record ManifestResponse(string MediaType, byte[] Content, string Digest);

/// <summary>An image manifest: the config descriptor and the ordered layer descriptors.</summary>
public sealed record ImageManifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers)
{
    /// <summary>Parses an OCI or Docker schema 2 manifest; throws <see cref="FormatException"/>.</summary>
    public static ImageManifest Parse(byte[] content, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(content);
            JsonElement root = doc.RootElement;
            string type = mediaType ?? Str(root, "mediaType") ?? ManifestMediaTypes.OciManifest;
            if (!root.TryGetProperty("config", out JsonElement config) || config.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the manifest has no config descriptor");
            }

            var layers = new List<Descriptor>();
            if (root.TryGetProperty("layers", out JsonElement array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement layer in array.EnumerateArray())
                {
                    layers.Add(ReadDescriptor(layer));
                }
            }

            return new ImageManifest(type, ReadDescriptor(config), layers);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the manifest is not valid JSON ({e.Message.Split('\n')[0]})", e);
        }
    }

    internal static Descriptor ReadDescriptor(JsonElement element)
    {
        string digest = Str(element, "digest") ?? throw new FormatException("a descriptor has no digest");
        string mediaType = Str(element, "mediaType") ?? string.Empty;
        long size = element.TryGetProperty("size", out JsonElement s) && s.TryGetInt64(out long n) ? n : -1;
        ImagePlatform? platform = null;
        if (element.TryGetProperty("platform", out JsonElement p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new ImagePlatform(Str(p, "os") ?? string.Empty, Str(p, "architecture") ?? string.Empty, Str(p, "variant"));
        }

        return new Descriptor(mediaType, digest, size, platform, Str(element, "artifactType"));
    }

    internal static string? Str(JsonElement element, string name)
    {
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}

/// <summary>An OCI index or Docker manifest list.</summary>
public sealed record ImageIndex(string MediaType, IReadOnlyList<Descriptor> Manifests)
{
    public static ImageIndex Parse(byte[] content, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(content);
            JsonElement root = doc.RootElement;
            var manifests = new List<Descriptor>();
            if (root.TryGetProperty("manifests", out JsonElement array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement m in array.EnumerateArray())
                {
                    manifests.Add(ImageManifest.ReadDescriptor(m));
                }
            }

            return new ImageIndex(mediaType ?? ImageManifest.Str(root, "mediaType") ?? ManifestMediaTypes.OciIndex, manifests);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the index is not valid JSON ({e.Message.Split('\n')[0]})", e);
        }
    }

    /// <summary>
    /// The image manifests that can run somewhere: attestations and other artifacts
    /// (<c>unknown/unknown</c> platforms, an <c>artifactType</c>, non-manifest media types) are left out.
    /// </summary>
    public IEnumerable<Descriptor> Images => Manifests.Where(m =>
        (m.MediaType.Length == 0 || ManifestMediaTypes.IsManifest(m.MediaType) || ManifestMediaTypes.IsIndex(m.MediaType)) &&
        m.ArtifactType is null &&
        m.Platform is not { Os: "unknown" } &&
        m.Platform is not { Architecture: "unknown" });

    /// <summary>Picks the manifest for <paramref name="wanted"/>; null when none matches.</summary>
    public Descriptor? Select(ImagePlatform wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var matches = Images.Where(m => m.Platform is not null && wanted.Matches(m.Platform)).ToList();
        if (matches.Count == 0)
        {
            // An index without platforms and a single image: take it.
            var images = Images.ToList();
            return images.Count == 1 && images[0].Platform is null ? images[0] : null;
        }

        // Several matches (a wanted platform without a variant): the first, in the index's order.
        return matches[0];
    }

    /// <summary>The platforms the index offers, for an error message: <c>linux/amd64, linux/arm64/v8</c>.</summary>
    public string DescribePlatforms()
    {
        var names = Images.Select(m => m.Platform?.ToString() ?? "(no platform)").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}

/// <summary>sha256 digests in the <c>sha256:HEX</c> form.</summary>
public static class Digests
{
    public static string Sha256(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Whether <paramref name="content"/> has the digest; only sha256 and sha512 are known.</summary>
    public static bool Matches(string digest, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return string.Equals(digest, Sha256(content), StringComparison.OrdinalIgnoreCase);
        }

        if (digest.StartsWith("sha512:", StringComparison.Ordinal))
        {
            return string.Equals(digest, "sha512:" + Convert.ToHexStringLower(SHA512.HashData(content)), StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }
}
