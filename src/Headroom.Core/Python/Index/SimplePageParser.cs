using System.Text;
using System.Text.Json;
using Headroom.Diagnostics;
using Headroom.Net;

namespace Headroom.Python.Index;

/// <summary>
/// Parses a project page of a simple repository: PEP 691 JSON (<c>application/vnd.pypi.simple.v1+json</c>,
/// with PEP 700 <c>size</c> and <c>versions</c>) or PEP 503 HTML (anchors with <c>#sha256=</c> fragments,
/// <c>data-requires-python</c>, <c>data-yanked</c>, <c>data-core-metadata</c> / <c>data-dist-info-metadata</c>
/// of PEP 658/714). Relative links resolve against the page URL (or its <c>&lt;base href&gt;</c>). Files of
/// other projects are left out, as pip does. A page that is not valid JSON or HTML, or is cut short, is an
/// <see cref="InputException"/> naming the URL.
/// </summary>
public static class SimplePageParser
{
    /// <summary>The PEP 691 JSON media type.</summary>
    public const string JsonMediaType = "application/vnd.pypi.simple.v1+json";

    /// <summary>What pip sends: JSON first, then the versioned HTML, then any HTML.</summary>
    public const string Accept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    /// <summary>Parses by the answer's content type (JSON when it says <c>json</c>, HTML otherwise).</summary>
    public static SimpleProjectPage Parse(HttpDocument document, string normalizedName, string indexUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            ? ParseJson(document, normalizedName, indexUrl)
            : ParseHtml(document, normalizedName, indexUrl);
    }

    public static SimpleProjectPage ParseHtml(HttpDocument document, string normalizedName, string indexUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        string where = $"index {HttpFetcher.Redact(document.Url)}";
        string html = Decode(document.Body, where);
        HtmlAnchorScanner scan;
        try
        {
            scan = HtmlAnchorScanner.Scan(html);
        }
        catch (FormatException e)
        {
            throw new InputException($"{where}: {e.Message}");
        }

        Uri baseUrl = document.Url;
        if (scan.BaseHref is string baseHref && Uri.TryCreate(document.Url, baseHref, out Uri? b))
        {
            baseUrl = b;
        }

        var files = new List<DistributionFile>();
        foreach (HtmlAnchor anchor in scan.Anchors)
        {
            if (!anchor.Attributes.TryGetValue("href", out string? href) || href.Length == 0)
            {
                continue;
            }

            if (!Uri.TryCreate(baseUrl, href, out Uri? url) || url.Scheme is not ("http" or "https" or "file"))
            {
                throw new InputException($"{where}: character {anchor.Offset}: the link '{href}' is not a usable URL");
            }

            string? metadata = anchor.Attributes.GetValueOrDefault("data-core-metadata") ?? anchor.Attributes.GetValueOrDefault("data-dist-info-metadata");
            DistributionFile? file = Make(
                url,
                normalizedName,
                indexUrl,
                size: null,
                FragmentHashes(url),
                anchor.Attributes.GetValueOrDefault("data-requires-python"),
                anchor.Attributes.ContainsKey("data-yanked"),
                metadata is not null && metadata != "false");
            if (file is not null)
            {
                files.Add(file);
            }
        }

        return new SimpleProjectPage(document.Url, files, null, scan.RepositoryVersion);
    }

    public static SimpleProjectPage ParseJson(HttpDocument document, string normalizedName, string indexUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        string where = $"index {HttpFetcher.Redact(document.Url)}";
        try
        {
            using JsonDocument json = JsonDocument.Parse(document.Body);
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{where}: the JSON page is not an object");
            }

            string? apiVersion = null;
            if (root.TryGetProperty("meta", out JsonElement meta) && meta.ValueKind == JsonValueKind.Object)
            {
                apiVersion = Str(meta, "api-version");
                if (apiVersion is not null && !apiVersion.StartsWith("1.", StringComparison.Ordinal) && apiVersion != "1")
                {
                    throw new InputException($"{where}: simple API version {apiVersion} is not supported (1.x is)");
                }
            }

            if (!root.TryGetProperty("files", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{where}: the JSON page has no 'files' list");
            }

            var files = new List<DistributionFile>();
            int index = 0;
            foreach (JsonElement f in list.EnumerateArray())
            {
                string? href = f.ValueKind == JsonValueKind.Object ? Str(f, "url") : null;
                if (href is null || !Uri.TryCreate(document.Url, href, out Uri? url) || url.Scheme is not ("http" or "https" or "file"))
                {
                    throw new InputException($"{where}: files[{index}] has no usable 'url'");
                }

                var hashes = new Dictionary<string, string>(FragmentHashes(url), StringComparer.Ordinal);
                if (f.TryGetProperty("hashes", out JsonElement h) && h.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty p in h.EnumerateObject())
                    {
                        if (p.Value.ValueKind == JsonValueKind.String)
                        {
                            hashes[p.Name] = p.Value.GetString()!;
                        }
                    }
                }

                long? size = f.TryGetProperty("size", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out long n) && n >= 0 ? n : null;
                bool yanked = f.TryGetProperty("yanked", out JsonElement y) && (y.ValueKind == JsonValueKind.True || (y.ValueKind == JsonValueKind.String));
                bool metadata = Truthy(f, "core-metadata") || Truthy(f, "dist-info-metadata") || Truthy(f, "data-dist-info-metadata");
                string filename = Str(f, "filename") ?? DistributionFilenames.FromUrl(url);
                DistributionFile? file = Make(url, normalizedName, indexUrl, size, hashes, Str(f, "requires-python"), yanked, metadata, filename);
                if (file is not null)
                {
                    files.Add(file);
                }

                index++;
            }

            List<string>? versions = null;
            if (root.TryGetProperty("versions", out JsonElement v) && v.ValueKind == JsonValueKind.Array)
            {
                versions = [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
            }

            return new SimpleProjectPage(document.Url, files, versions, apiVersion);
        }
        catch (JsonException e)
        {
            string cut = e.BytePositionInLine is long pos && e.LineNumber is long line ? $" at line {line + 1}, byte {pos + 1}" : string.Empty;
            throw new InputException($"{where}: invalid JSON{cut} ({document.Body.Length} bytes read; truncated?)");
        }
    }

    private static DistributionFile? Make(Uri url, string normalizedName, string indexUrl, long? size, IReadOnlyDictionary<string, string> hashes, string? requiresPython, bool yanked, bool hasMetadata, string? filename = null)
    {
        filename ??= DistributionFilenames.FromUrl(url);
        PythonVersion? version = DistributionFilenames.VersionOf(filename, normalizedName);
        if (version is null)
        {
            return null;
        }

        var clean = new UriBuilder(url) { Fragment = string.Empty }.Uri;
        return new DistributionFile(filename, clean, indexUrl, version, size, hashes, string.IsNullOrWhiteSpace(requiresPython) ? null : requiresPython.Trim(), yanked, hasMetadata);
    }

    /// <summary><c>#sha256=abc</c> → {sha256: abc}.</summary>
    private static Dictionary<string, string> FragmentHashes(Uri url)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        string fragment = url.Fragment.TrimStart('#');
        foreach (string part in fragment.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq] is "sha256" or "sha384" or "sha512" or "sha224" or "sha1" or "md5" or "blake2b_256")
            {
                hashes[part[..eq]] = part[(eq + 1)..];
            }
        }

        return hashes;
    }

    private static string Decode(byte[] body, string where)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"{where}: the HTML page is not UTF-8 ({body.Length} bytes read; truncated?)");
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Truthy(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.Object);
}
