using System.Text.Json;
using Headroom.Diagnostics;
using Headroom.Net;

namespace Headroom.Python.Index;

/// <summary>
/// PyPI's JSON API (<c>/pypi/&lt;project&gt;/&lt;version&gt;/json</c>, warehouse docs/user/api/json.md): the
/// <c>size</c> of each file of a release, for indexes whose simple API gives none (PEP 503 HTML and PEP 691
/// JSON before api-version 1.1). Asked only of PyPI-like hosts: an index URL whose path ends in
/// <c>/simple/</c> (pypi.org, test.pypi.org, warehouse mirrors), with <c>pypi/</c> in place of <c>simple/</c>.
/// </summary>
public sealed class PyPiJsonApi(HttpFetcher fetcher)
{
    /// <summary>The JSON API URL of a release on the PyPI-like index <paramref name="indexUrl"/>, or null when the index is not PyPI-like.</summary>
    public static Uri? ReleaseUrl(string indexUrl, string normalizedName, PythonVersion version)
    {
        ArgumentNullException.ThrowIfNull(indexUrl);
        ArgumentNullException.ThrowIfNull(version);
        if (!Uri.TryCreate(indexUrl.EndsWith('/') ? indexUrl : indexUrl + "/", UriKind.Absolute, out Uri? index) ||
            !index.AbsolutePath.EndsWith("/simple/", StringComparison.Ordinal))
        {
            return null;
        }

        string root = index.GetLeftPart(UriPartial.Path)[..^"simple/".Length];
        return new Uri($"{root}pypi/{normalizedName}/{Uri.EscapeDataString(version.ToString())}/json");
    }

    /// <summary>File name → size of the release's files; empty when the index is not PyPI-like or does not know the release.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetSizesAsync(string indexUrl, string normalizedName, PythonVersion version, CancellationToken cancellationToken)
    {
        Uri? url = ReleaseUrl(indexUrl, normalizedName, version);
        if (url is null)
        {
            return new Dictionary<string, long>();
        }

        Fetched<Dictionary<string, long>>? fetched = await fetcher.GetAsync(url, "application/json", "PyPI JSON", ParseSizes, cancellationToken).ConfigureAwait(false);
        return fetched?.Value ?? new Dictionary<string, long>();
    }

    internal static Dictionary<string, long> ParseSizes(HttpDocument document)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using JsonDocument json = JsonDocument.Parse(document.Body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("urls", out JsonElement urls) && urls.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement file in urls.EnumerateArray())
                {
                    if (file.ValueKind == JsonValueKind.Object &&
                        file.TryGetProperty("filename", out JsonElement name) && name.ValueKind == JsonValueKind.String &&
                        file.TryGetProperty("size", out JsonElement size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out long n))
                    {
                        sizes[name.GetString()!] = n;
                    }
                }
            }
        }
        catch (JsonException)
        {
            throw new InputException($"PyPI JSON {HttpFetcher.Redact(document.Url)}: invalid JSON ({document.Body.Length} bytes read; truncated?)");
        }

        return sizes;
    }
}
