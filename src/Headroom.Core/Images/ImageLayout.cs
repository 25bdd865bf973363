using System.Security.Cryptography;
using System.Text.Json;
using Headroom.Diagnostics;
using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>
/// Reads the image layout inside an archive or directory: Docker's <c>manifest.json</c> (both the
/// classic <c>ID/layer.tar</c> layout and newer Docker's OCI-in-archive one) or an OCI
/// <c>index.json</c> with <c>blobs/ALG/HEX</c>.
/// </summary>
internal static class ImageLayout
{
    /// <summary>
    /// Picks the layout: <c>manifest.json</c> when present (unless a platform is asked for and an
    /// <c>index.json</c> exists, which can hold several platforms), else <c>index.json</c>.
    /// </summary>
    public static ResolvedImage Resolve(IArchiveFiles files, ImageSelector selector)
    {
        bool hasManifest = files.TryGetSize("manifest.json", out _);
        bool hasIndex = files.TryGetSize("index.json", out _);
        if (hasManifest && !(hasIndex && selector.Platform is not null))
        {
            return ResolveDockerManifest(files, selector);
        }

        if (hasIndex)
        {
            byte[] index = files.ReadJson("index.json", "OCI index");
            return OciImageResolver.Resolve(index, files.DisplayName, selector, d => FetchBlob(files, d, selector.Verify), BlobPath);
        }

        throw new InputException($"{files.DisplayName}: neither manifest.json nor index.json found (not a docker-archive or OCI image layout)");
    }

    /// <summary><c>sha256:HEX</c> to <c>blobs/sha256/HEX</c>.</summary>
    public static string BlobPath(string digest)
    {
        int colon = digest.IndexOf(':', StringComparison.Ordinal);
        return $"blobs/{digest[..colon]}/{digest[(colon + 1)..]}";
    }

    private static byte[]? FetchBlob(IArchiveFiles files, string digest, bool verify)
    {
        string path = BlobPath(digest);
        if (!files.TryGetSize(path, out _))
        {
            return null;
        }

        byte[] data = files.ReadJson(path, "manifest");
        if (verify)
        {
            OciImageResolver.VerifyBytes(data, digest, files.DisplayName, path);
        }

        return data;
    }

    private static ResolvedImage ResolveDockerManifest(IArchiveFiles files, ImageSelector selector)
    {
        string name = files.DisplayName;
        byte[] manifestBytes = files.ReadJson("manifest.json", "manifest");
        try
        {
            using var doc = JsonDocument.Parse(manifestBytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() == 0)
            {
                throw new InputException($"{name}: manifest.json: expected a non-empty JSON array");
            }

            JsonElement chosen = ChooseDockerImage(doc.RootElement, selector.Reference, name);
            string configPath = ArchivePath(chosen, "Config", name);
            byte[] config = files.ReadJson(configPath, "image config");
            if (selector.Verify && DigestFromBlobPath(configPath) is string configDigest)
            {
                OciImageResolver.VerifyBytes(config, configDigest, name, configPath);
            }

            ImageConfigInfo info = ImageConfigInfo.Parse(config, $"{name}: {configPath}");
            if (selector.Platform is string wanted && !OciImageResolver.PlatformMatches(info.Platform, wanted))
            {
                throw new InputException($"{name}: no image for platform {wanted}; available: {info.Platform}");
            }

            if (!chosen.TryGetProperty("Layers", out JsonElement layersElement) || layersElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{name}: manifest.json: no \"Layers\" array");
            }

            var paths = new List<string>();
            int i = 0;
            foreach (JsonElement l in layersElement.EnumerateArray())
            {
                if (l.ValueKind != JsonValueKind.String)
                {
                    throw new InputException($"{name}: manifest.json: layer {i} is not a string");
                }

                paths.Add(CheckedPath(l.GetString()!, $"{name}: manifest.json: layer {i}"));
                i++;
            }

            if (info.DiffIds.Count > 0 && info.DiffIds.Count != paths.Count)
            {
                throw new InputException($"{name}: {configPath}: the config lists {info.DiffIds.Count} layers (rootfs.diff_ids) but manifest.json has {paths.Count}");
            }

            var layers = new List<LayerDescriptor>(paths.Count);
            for (int k = 0; k < paths.Count; k++)
            {
                string? blobDigest = DigestFromBlobPath(paths[k]);
                string? diffId = k < info.DiffIds.Count ? info.DiffIds[k] : null;
                long? size = files.TryGetSize(paths[k], out long s) ? s : null;
                string? createdBy = k < info.LayerCreatedBy.Count ? info.LayerCreatedBy[k] : null;
                layers.Add(new LayerDescriptor(paths[k], blobDigest ?? diffId ?? paths[k], blobDigest, diffId, size, null, createdBy));
            }

            return new ResolvedImage(ImageConfigInfo.ImageIdOf(config), info.Platform, layers);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new InputException($"{name}: manifest.json is not valid JSON: {ex.Message}", ex);
        }
    }

    private static JsonElement ChooseDockerImage(JsonElement images, string? reference, string name)
    {
        var all = images.EnumerateArray().ToList();
        if (all.Any(i => i.ValueKind != JsonValueKind.Object))
        {
            throw new InputException($"{name}: manifest.json: expected an array of objects");
        }

        if (reference is null)
        {
            if (all.Count == 1)
            {
                return all[0];
            }

            throw new InputException($"{name}: the archive holds {all.Count} images ({string.Join(", ", all.Select(Tags))}); name one as docker-archive:PATH:REFERENCE");
        }

        foreach (JsonElement image in all)
        {
            if (image.TryGetProperty("RepoTags", out JsonElement tags) && tags.ValueKind == JsonValueKind.Array
                && tags.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && RefMatches(t.GetString()!, reference)))
            {
                return image;
            }
        }

        throw new InputException($"{name}: no image tagged '{reference}' (the archive has: {string.Join(", ", all.Select(Tags))})");
    }

    internal static bool RefMatches(string candidate, string reference) =>
        candidate == reference || candidate == reference + ":latest"
        || candidate.EndsWith("/" + reference, StringComparison.Ordinal) || candidate.EndsWith("/" + reference + ":latest", StringComparison.Ordinal);

    private static string Tags(JsonElement image) =>
        image.TryGetProperty("RepoTags", out JsonElement tags) && tags.ValueKind == JsonValueKind.Array && tags.GetArrayLength() > 0
            ? string.Join(" ", tags.EnumerateArray().Select(t => t.ToString()))
            : "<untagged>";

    private static string ArchivePath(JsonElement image, string property, string name)
    {
        if (!image.TryGetProperty(property, out JsonElement e) || e.ValueKind != JsonValueKind.String)
        {
            throw new InputException($"{name}: manifest.json: no \"{property}\"");
        }

        return CheckedPath(e.GetString()!, $"{name}: manifest.json: {property}");
    }

    /// <summary>A path named by a manifest must stay inside the archive.</summary>
    private static string CheckedPath(string path, string where)
    {
        if (TarPath.Escapes(path) || TarPath.Normalize(path) is not string normalized)
        {
            throw new InputException($"{where}: path '{path}' points outside the archive");
        }

        return normalized;
    }

    private static string? DigestFromBlobPath(string path)
    {
        const string prefix = "blobs/sha256/";
        if (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length == prefix.Length + 64)
        {
            string digest = "sha256:" + path[prefix.Length..];
            return OciImageResolver.IsValidDigest(digest) ? digest : null;
        }

        return null;
    }

    internal static string Sha256Of(ReadOnlySpan<byte> data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));
}
