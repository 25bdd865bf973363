using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Headroom.IO;
using Headroom.Net;

namespace Headroom.Images.Remote;

/// <summary>
/// The on-disk cache of <see cref="BaseImageSizer"/>'s layer passes: one small JSON file per manifest digest
/// (<c>sha256-HEX.json</c>) with the unpacked bytes, the distribution, the Python and the dpkg package names.
/// A manifest digest names its layers for good, so an entry never goes stale. Unreadable or damaged entries
/// are ignored (the layers are read again); a failed write is ignored (the next run reads the layers again).
/// Beside them, under <c>tags/</c>, what each reference last resolved to (<see cref="BaseImageTagEntry"/>): a tag moves,
/// so that entry is only used within a freshness window.
/// </summary>
public static class BaseImageSizeCache
{
    private const int Version = 2;

    /// <summary><c>$XDG_CACHE_HOME/headroom/base-images</c> (or <c>~/.cache/headroom/base-images</c>), or null without a home folder.</summary>
    public static string? DefaultDirectory() =>
        HttpDiskCache.DefaultDirectory() is { } http && Path.GetDirectoryName(http) is { } headroom ? Path.Combine(headroom, "base-images") : null;

    /// <summary>The measured figures of <paramref name="manifestDigest"/>, or null when not cached.</summary>
    public static BaseImageSizeResult? Read(string? directory, string manifestDigest)
    {
        if (directory is null || PathOf(directory, manifestDigest) is not { } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != Version || root.GetProperty("digest").GetString() != manifestDigest)
            {
                return null;
            }

            return new BaseImageSizeResult(string.Empty, root.GetProperty("platform").GetString() ?? string.Empty, null, root.GetProperty("bytes").GetInt64(), true, true, null, null, string.Empty, [])
            {
                Distro = OptionalString(root, "distro"),
                DistroVersion = OptionalString(root, "distroVersion"),
                Python = OptionalString(root, "python"),
                Packages = [.. root.GetProperty("packages").EnumerateArray().Select(p => p.GetString()).OfType<string>()],
                AptSetup = root.TryGetProperty("apt", out JsonElement apt) && apt.ValueKind == JsonValueKind.Object
                    ? new Apt.AptImageSetup(
                        apt.GetProperty("keepsArchives").GetBoolean(),
                        apt.GetProperty("keepsPackageCache").GetBoolean(),
                        apt.GetProperty("downloadsTranslations").GetBoolean(),
                        [.. apt.GetProperty("suites").EnumerateArray().Select(p => p.GetString()).OfType<string>()])
                    : null,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="measured"/> (its uncompressed bytes must be known) under <paramref name="manifestDigest"/>.</summary>
    public static void Write(string? directory, string manifestDigest, BaseImageSizeResult measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        if (directory is null || measured.UncompressedBytes is not long bytes || PathOf(directory, manifestDigest) is not { } path)
        {
            return;
        }

        string temporary = path + "." + Environment.ProcessId + ".tmp";
        try
        {
            Directory.CreateDirectory(directory);
            using (FileStream file = File.Create(temporary))
            using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteNumber("version", Version);
                json.WriteString("digest", manifestDigest);
                json.WriteString("platform", measured.Platform);
                json.WriteNumber("bytes", bytes);
                json.WriteString("distro", measured.Distro);
                json.WriteString("distroVersion", measured.DistroVersion);
                json.WriteString("python", measured.Python);
                WriteStrings(json, "packages", measured.Packages);
                if (measured.AptSetup is { } apt)
                {
                    json.WriteStartObject("apt");
                    json.WriteBoolean("keepsArchives", apt.KeepsArchives);
                    json.WriteBoolean("keepsPackageCache", apt.KeepsPackageCache);
                    json.WriteBoolean("downloadsTranslations", apt.DownloadsTranslations);
                    WriteStrings(json, "suites", apt.Suites);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>What <paramref name="key"/> (a reference and platform) last resolved to, or null when not cached or unreadable.</summary>
    public static BaseImageTagEntry? ReadTag(string? directory, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (directory is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(TagPath(directory, key)));
            JsonElement root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != Version || root.GetProperty("key").GetString() != key
                || root.GetProperty("manifestDigest").GetString() is not { } manifest || root.GetProperty("digest").GetString() is not { } digest)
            {
                return null;
            }

            return new BaseImageTagEntry(manifest, digest, root.GetProperty("compressedBytes").GetInt64(), DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("resolvedAt").GetInt64()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Keeps what <paramref name="key"/> resolved to; a failure to write is ignored (the next run asks the registry).</summary>
    public static void WriteTag(string? directory, string key, BaseImageTagEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        if (directory is null)
        {
            return;
        }

        string path = TagPath(directory, key);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, s =>
            {
                using var json = new Utf8JsonWriter(s);
                json.WriteStartObject();
                json.WriteNumber("version", Version);
                json.WriteString("key", key);
                json.WriteString("manifestDigest", entry.ManifestDigest);
                json.WriteString("digest", entry.Digest);
                json.WriteNumber("compressedBytes", entry.CompressedBytes);
                json.WriteNumber("resolvedAt", entry.ResolvedAt.ToUnixTimeMilliseconds());
                json.WriteEndObject();
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full cache folder: the registry is asked next time.
        }
    }

    private static string TagPath(string directory, string key) =>
        Path.Combine(directory, "tags", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");

    /// <summary>The entry's file, or null for a digest that is not <c>algorithm:hex</c>.</summary>
    internal static string? PathOf(string directory, string manifestDigest)
    {
        int colon = manifestDigest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == manifestDigest.Length - 1
            || !manifestDigest[..colon].All(char.IsAsciiLetterOrDigit) || !manifestDigest[(colon + 1)..].All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return Path.Combine(directory, manifestDigest[..colon] + "-" + manifestDigest[(colon + 1)..] + ".json");
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
