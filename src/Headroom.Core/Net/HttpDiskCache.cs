using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Headroom.IO;

namespace Headroom.Net;

/// <summary>One cached answer: the body with the validators and freshness it was served with.</summary>
/// <param name="Url">The URL that answered (after redirects).</param>
/// <param name="ContentType">The media type, or null.</param>
/// <param name="ETag">The <c>ETag</c>, for <c>If-None-Match</c>.</param>
/// <param name="LastModified">The <c>Last-Modified</c> value as sent, for <c>If-Modified-Since</c>.</param>
/// <param name="StoredAt">When it was stored or last revalidated.</param>
/// <param name="MaxAge">The <c>Cache-Control: max-age</c>, or null (always revalidate).</param>
/// <param name="Body">The body.</param>
public sealed record HttpCacheEntry(string Url, string? ContentType, string? ETag, string? LastModified, DateTimeOffset StoredAt, TimeSpan? MaxAge, byte[] Body)
{
    /// <summary>The media type that marks a remembered "not found" (404, 410, anonymous 403) answer.</summary>
    public const string NotFoundType = "application/x-headroom-not-found";

    /// <summary>This entry remembers that the server had no such document.</summary>
    public bool IsNotFound => ContentType == NotFoundType;

    /// <summary>
    /// Still fresh at <paramref name="now"/> by its <c>max-age</c>, or by <paramref name="minFreshness"/>
    /// when that is longer, so it can be used without asking the server.
    /// </summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan minFreshness)
    {
        TimeSpan age = MaxAge is TimeSpan maxAge && maxAge > minFreshness ? maxAge : minFreshness;
        return now - StoredAt < age;
    }
}

/// <summary>
/// The HTTP cache on disk: one file per (URL, Accept) key holding a one-line JSON header (URL, validators,
/// freshness, the body's length) and then the body, written atomically (a reader sees the old or the new entry, never a
/// mix) but without an <c>fsync</c> each: an entry that a crash left shorter than its header says reads as absent, as any
/// damaged entry does. Derived facts (the installed size of a wheel read through ranges) are kept under their own keys.
/// Safe for concurrent use by several threads and processes.
/// </summary>
public sealed class HttpDiskCache
{
    public HttpDiskCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary><c>$XDG_CACHE_HOME/headroom/http</c>, else <c>~/.cache/headroom/http</c>; null when neither can be found.</summary>
    public static string? DefaultDirectory()
    {
        string? root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            root = Path.Combine(home, ".cache");
        }

        return Path.Combine(root, "headroom", "http");
    }

    /// <summary>The entry for <paramref name="key"/>, or null when absent or unreadable.</summary>
    public HttpCacheEntry? Read(string key)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(PathOf(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        int newline = Array.IndexOf(data, (byte)'\n');
        if (newline < 0)
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(data.AsMemory(0, newline));
            JsonElement h = doc.RootElement;
            if (h.GetProperty("key").GetString() != key
                || (h.TryGetProperty("length", out JsonElement length) && length.GetInt64() != data.Length - newline - 1))
            {
                return null;
            }

            return new HttpCacheEntry(
                h.GetProperty("url").GetString() ?? string.Empty,
                Str(h, "contentType"),
                Str(h, "etag"),
                Str(h, "lastModified"),
                DateTimeOffset.FromUnixTimeMilliseconds(h.GetProperty("storedAt").GetInt64()),
                h.TryGetProperty("maxAge", out JsonElement age) && age.ValueKind == JsonValueKind.Number ? TimeSpan.FromSeconds(age.GetInt64()) : null,
                data[(newline + 1)..]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="entry"/> under <paramref name="key"/>; a failure to write is ignored (the cache is an optimisation).</summary>
    public void Write(string key, HttpCacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            json.WriteString("key", key);
            json.WriteString("url", entry.Url);
            json.WriteString("contentType", entry.ContentType);
            json.WriteString("etag", entry.ETag);
            json.WriteString("lastModified", entry.LastModified);
            json.WriteNumber("storedAt", entry.StoredAt.ToUnixTimeMilliseconds());
            json.WriteNumber("length", entry.Body.Length);
            if (entry.MaxAge is TimeSpan age)
            {
                json.WriteNumber("maxAge", (long)age.TotalSeconds);
            }

            json.WriteEndObject();
        }

        string path = PathOf(key);
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, s =>
            {
                header.Position = 0;
                header.CopyTo(s);
                s.WriteByte((byte)'\n');
                s.Write(entry.Body);
            }, flushToDisk: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full cache folder: work on without it.
        }
    }

    /// <summary>The cache key of a request: the URL without credentials, and what was asked for.</summary>
    public static string KeyOf(Uri url, string? accept) => $"{HttpFetcher.Redact(url)}\n{accept}";

    private string PathOf(string key)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(Directory, hash[..2], hash[2..]);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
