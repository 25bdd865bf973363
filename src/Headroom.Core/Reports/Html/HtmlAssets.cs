namespace Headroom.Reports.Html;

/// <summary>The report's stylesheet and script, embedded in the assembly (<c>Reports/Html/report.css</c>, <c>report.js</c>).</summary>
internal static class HtmlAssets
{
    private static readonly Lazy<string> CssText = new(() => Read("Headroom.Reports.Html.report.css"));
    private static readonly Lazy<string> ScriptText = new(() => Read("Headroom.Reports.Html.report.js"));

    public static string Css => CssText.Value;

    public static string Script => ScriptText.Value;

    private static string Read(string name)
    {
        using Stream stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
