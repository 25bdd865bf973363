using System.Text.Json;
using System.Text.RegularExpressions;

namespace Headroom.Tests.Reports;

/// <summary>Reads a generated page the way a browser's parser would find its data element.</summary>
internal static partial class HtmlPage
{
    private const string DataStart = "<script type=\"application/json\" id=\"headroom-data\">";

    /// <summary>The data blob: from the element's start to the first <c>&lt;/script</c> (case-insensitive, as HTML ends a script element).</summary>
    public static JsonElement Data(string html)
    {
        int start = html.IndexOf(DataStart, StringComparison.Ordinal);
        Assert.True(start >= 0, "no data element");
        start += DataStart.Length;
        int end = html.IndexOf("</script", start, StringComparison.OrdinalIgnoreCase);
        Assert.True(end > start, "the data element does not end");
        using var doc = JsonDocument.Parse(html[start..end]);
        return doc.RootElement.Clone();
    }

    /// <summary>Every src/href value that names http(s) or a protocol-relative URL, and any url(...) in styles.</summary>
    public static IReadOnlyList<string> ExternalReferences(string html) =>
        [.. ExternalPattern().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*)|(?:url\(\s*["']?(?:https?:)?//[^)]*\))|(?:@import)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalPattern();
}
