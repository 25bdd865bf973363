using System.Text.Json;
using Headroom.Diagnostics;

namespace Headroom.Images;

/// <summary>
/// Resolves an OCI (or Docker v2) index or manifest to one image: follows nested indexes, skips
/// attestation manifests and manifests whose blobs are absent, picks the platform and reference,
/// then reads the config. Used by OCI layouts and archives, and meant for a registry client too:
/// give it the top document and a function that returns a blob or manifest by digest (null when absent).
/// </summary>
public static class OciImageResolver
{
    private const string OciIndex = "application/vnd.oci.image.index.v1+json";
    private const string DockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
    private const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    private const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    private const string EmptyJson = "application/vnd.oci.empty.v1+json";

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static readonly HashSet<string> ConfigTypes = new(StringComparer.Ordinal)
    {
        "application/vnd.oci.image.config.v1+json",
        "application/vnd.docker.container.image.v1+json",
    };

    private static readonly HashSet<string> LayerTypes = new(StringComparer.Ordinal)
    {
        "application/vnd.oci.image.layer.v1.tar",
        "application/vnd.oci.image.layer.v1.tar+gzip",
        "application/vnd.oci.image.layer.v1.tar+zstd",
        "application/vnd.oci.image.layer.nondistributable.v1.tar",
        "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
        "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
        "application/vnd.docker.image.rootfs.diff.tar",
        "application/vnd.docker.image.rootfs.diff.tar.gzip",
        "application/vnd.docker.image.rootfs.diff.tar.zstd",
        "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
    };

    /// <param name="top">The top document: an index (<c>index.json</c>, a manifest list) or a manifest.</param>
    /// <param name="displayName">Start of error messages.</param>
    /// <param name="selector">Platform, reference, verification.</param>
    /// <param name="fetch">Returns the bytes of a manifest, index or config by digest, or null when absent.</param>
    /// <param name="blobKey">Maps a layer digest to the key that the source's OpenBlob understands.</param>
    public static ResolvedImage Resolve(byte[] top, string displayName, ImageSelector selector, Func<string, byte[]?> fetch, Func<string, string> blobKey)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(blobKey);
        var candidates = new List<Candidate>();
        Collect(top, displayName, "index.json", null, fetch, candidates, 0);
        candidates = candidates.DistinctBy(c => c.Digest).ToList();

        if (selector.Reference is string reference)
        {
            candidates = candidates.Where(c => c.RefName is not null && ImageLayout.RefMatches(c.RefName, reference)).ToList();
            if (candidates.Count == 0)
            {
                throw new InputException($"{displayName}: no image named '{reference}'");
            }
        }

        if (candidates.Count == 0)
        {
            throw new InputException($"{displayName}: the index holds no image manifest whose blobs are present");
        }

        foreach (Candidate c in candidates)
        {
            c.Platform ??= ReadManifest(c, displayName, fetch).Config.Platform;
        }

        Candidate chosen = Choose(candidates, selector.Platform, displayName);
        Loaded loaded = ReadManifest(chosen, displayName, fetch);
        var layers = new List<LayerDescriptor>();
        for (int i = 0; i < loaded.Layers.Count; i++)
        {
            (string digest, long? size, string? mediaType) = loaded.Layers[i];
            string? diffId = i < loaded.Config.DiffIds.Count ? loaded.Config.DiffIds[i] : null;
            string? createdBy = i < loaded.Config.LayerCreatedBy.Count ? loaded.Config.LayerCreatedBy[i] : null;
            layers.Add(new LayerDescriptor(blobKey(digest), digest, digest, diffId, size, mediaType, createdBy, mediaType == EmptyJson));
        }

        return new ResolvedImage(loaded.ImageId, loaded.Config.Platform, layers);
    }

    /// <summary><c>sha256:</c> + 64 lowercase hex, or <c>sha512:</c> + 128.</summary>
    public static bool IsValidDigest(string? digest)
    {
        if (digest is null)
        {
            return false;
        }

        int hexLength = digest.StartsWith("sha256:", StringComparison.Ordinal) ? 64
            : digest.StartsWith("sha512:", StringComparison.Ordinal) ? 128 : -1;
        int colon = digest.IndexOf(':', StringComparison.Ordinal);
        return hexLength > 0 && digest.Length == colon + 1 + hexLength
            && digest.AsSpan(colon + 1).IndexOfAnyExcept(LowerHex) < 0;
    }

    internal static void VerifyBytes(ReadOnlySpan<byte> data, string digest, string displayName, string path)
    {
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return;
        }

        string actual = ImageLayout.Sha256Of(data);
        if (actual != digest)
        {
            throw new InputException($"{displayName}: {path}: digest mismatch: expected {digest}, got {actual}");
        }
    }

    private static void Collect(byte[] document, string displayName, string where, string? refName, Func<string, byte[]?> fetch, List<Candidate> into, int depth)
    {
        if (depth > 4)
        {
            throw new InputException($"{displayName}: {where}: indexes nested too deeply");
        }

        try
        {
            using var doc = JsonDocument.Parse(document);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{displayName}: {where}: not a JSON object");
            }

            if (root.TryGetProperty("layers", out _))
            {
                // The top document is itself a manifest (a registry answer for a single-platform tag).
                into.Add(new Candidate(ImageLayout.Sha256Of(document), refName, null) { Document = document });
                return;
            }

            if (!root.TryGetProperty("manifests", out JsonElement manifests) || manifests.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{displayName}: {where}: neither \"manifests\" nor \"layers\"");
            }

            int i = 0;
            foreach (JsonElement d in manifests.EnumerateArray())
            {
                string at = $"{where}: manifests[{i++}]";
                string digest = Digest(d, displayName, at);
                string? mediaType = Str(d, "mediaType");
                string? name = refName;
                string? platform = null;
                if (d.TryGetProperty("annotations", out JsonElement ann) && ann.ValueKind == JsonValueKind.Object)
                {
                    name = Str(ann, "org.opencontainers.image.ref.name") ?? Str(ann, "io.containerd.image.name") ?? name;
                    if (Str(ann, "vnd.docker.reference.type") == "attestation-manifest")
                    {
                        continue;
                    }
                }

                if (d.TryGetProperty("platform", out JsonElement p) && p.ValueKind == JsonValueKind.Object)
                {
                    string os = Str(p, "os") ?? "unknown";
                    string arch = Str(p, "architecture") ?? "unknown";
                    if (os == "unknown" || arch == "unknown")
                    {
                        continue;
                    }

                    string? variant = Str(p, "variant");
                    platform = variant is { Length: > 0 } ? $"{os}/{arch}/{variant}" : $"{os}/{arch}";
                }

                if (mediaType is OciIndex or DockerList)
                {
                    byte[]? nested = fetch(digest);
                    if (nested is not null)
                    {
                        Collect(nested, displayName, digest, name, fetch, into, depth + 1);
                    }
                }
                else if (mediaType is null or OciManifest or DockerManifest)
                {
                    byte[]? manifest = fetch(digest);
                    if (manifest is null)
                    {
                        continue;
                    }

                    if (mediaType is null && IsIndex(manifest))
                    {
                        Collect(manifest, displayName, digest, name, fetch, into, depth + 1);
                    }
                    else
                    {
                        into.Add(new Candidate(digest, name, platform) { Document = manifest });
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new InputException($"{displayName}: {where}: not valid JSON: {ex.Message}", ex);
        }
    }

    private static bool IsIndex(byte[] document)
    {
        try
        {
            using var doc = JsonDocument.Parse(document);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("manifests", out _);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static Candidate Choose(List<Candidate> candidates, string? wanted, string displayName)
    {
        string available = string.Join(", ", candidates.Select(c => c.Platform).Distinct().Order(StringComparer.Ordinal));
        if (wanted is null)
        {
            Candidate? amd64 = candidates.FirstOrDefault(c => c.Platform == "linux/amd64");
            if (amd64 is not null)
            {
                return amd64;
            }

            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            throw new InputException($"{displayName}: the image has several platforms ({available}); choose one with --platform");
        }

        foreach (Candidate c in candidates)
        {
            if (PlatformMatches(c.Platform!, wanted))
            {
                return c;
            }
        }

        throw new InputException($"{displayName}: no image for platform {wanted}; available: {available}");
    }

    /// <summary>True when <paramref name="platform"/> is what <paramref name="wanted"/> asks for
    /// (<c>os/arch</c> matches any variant; arm64 without a variant is v8, arm is v7).</summary>
    public static bool PlatformMatches(string platform, string wanted)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(wanted);
        string[] w = wanted.Split('/');
        string[] p = platform.Split('/');
        return p.Length >= 2 && w.Length >= 2
            && p[0].Equals(w[0], StringComparison.OrdinalIgnoreCase) && p[1].Equals(w[1], StringComparison.OrdinalIgnoreCase)
            && (w.Length < 3 || string.Equals(Variant(p), Variant(w), StringComparison.OrdinalIgnoreCase));
    }

    private static string Variant(string[] platform) =>
        platform.Length >= 3 ? platform[2] : platform[1] switch { "arm64" => "v8", "arm" => "v7", _ => string.Empty };

    private static Loaded ReadManifest(Candidate c, string displayName, Func<string, byte[]?> fetch)
    {
        if (c.Loaded is not null)
        {
            return c.Loaded;
        }

        string where = $"manifest {c.Digest}";
        try
        {
            using var doc = JsonDocument.Parse(c.Document!);
            JsonElement root = doc.RootElement;
            if (!root.TryGetProperty("config", out JsonElement configDesc) || configDesc.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{displayName}: {where}: no config descriptor");
            }

            string? configType = Str(configDesc, "mediaType");
            if (configType is not null && !ConfigTypes.Contains(configType))
            {
                throw new InputException($"{displayName}: {where}: not a container image (config media type {configType})");
            }

            string configDigest = Digest(configDesc, displayName, where + ": config");
            byte[] config = fetch(configDigest) ?? throw new InputException($"{displayName}: {where}: config blob {configDigest} is missing");
            var info = ImageConfigInfo.Parse(config, $"{displayName}: config {configDigest}");
            var layers = new List<(string, long?, string?)>();
            if (root.TryGetProperty("layers", out JsonElement ls) && ls.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (JsonElement l in ls.EnumerateArray())
                {
                    string at = $"{where}: layer {i++}";
                    string digest = Digest(l, displayName, at);
                    string? mediaType = Str(l, "mediaType");
                    if (mediaType is not null && mediaType != EmptyJson && !LayerTypes.Contains(mediaType))
                    {
                        throw new InputException($"{displayName}: {at} ({Short(digest)}): unsupported media type {mediaType}");
                    }

                    long? size = l.TryGetProperty("size", out JsonElement s) && s.TryGetInt64(out long n) ? n : null;
                    layers.Add((digest, size, mediaType));
                }
            }

            c.Loaded = new Loaded(ImageConfigInfo.ImageIdOf(config), info, layers);
            return c.Loaded;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new InputException($"{displayName}: {where}: not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary><c>sha256:ab12cd34ef56…</c> for messages.</summary>
    public static string Short(string digest) =>
        digest.Length > 19 && digest.StartsWith("sha", StringComparison.Ordinal) ? digest[..19] + "…" : digest;

    private static string Digest(JsonElement descriptor, string displayName, string where)
    {
        string? digest = descriptor.ValueKind == JsonValueKind.Object ? Str(descriptor, "digest") : null;
        if (!IsValidDigest(digest))
        {
            throw new InputException($"{displayName}: {where}: invalid digest '{digest}'");
        }

        return digest!;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed record Loaded(string ImageId, ImageConfigInfo Config, List<(string Digest, long? Size, string? MediaType)> Layers);

    private sealed class Candidate(string digest, string? refName, string? platform)
    {
        public string Digest { get; } = digest;

        public string? RefName { get; } = refName;

        public string? Platform { get; set; } = platform;

        public byte[]? Document { get; init; }

        public Loaded? Loaded { get; set; }
    }
}
