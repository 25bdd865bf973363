using System.Text;
using System.Text.Json;

namespace Headroom.Rules.Output;

/// <summary>
/// SARIF 2.1.0 (OASIS standard, errata 01) for code scanning: one run, the rules that ran as
/// <c>tool.driver.rules</c> with their help pages, each finding as a result with its region, related
/// locations and <c>fixes</c> (the same text edits <c>headroom fix</c> applies, as character-offset replacements).
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public static void Write(TextWriter output, CheckResult result, IEnumerable<RuleDescriptor> rules, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        RuleDescriptor[] catalog = [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)];
        var index = catalog.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, catalog, toolVersion);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteStartObject("description");
            json.WriteString("text", "The checked folder.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (Finding finding in result.Findings)
            {
                WriteResult(json, finding, index.TryGetValue(finding.Rule.Id, out int i) ? i : -1);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>SARIF's <c>level</c> for a severity (info is <c>note</c>).</summary>
    public static string Level(Diagnostics.DiagnosticSeverity severity) => severity switch
    {
        Diagnostics.DiagnosticSeverity.Error => "error",
        Diagnostics.DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter json, RuleDescriptor[] catalog, string toolVersion)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Headroom");
        json.WriteString("semanticVersion", toolVersion);
        json.WriteString("informationUri", "https://github.com/headroom-dev/headroom");
        json.WriteStartArray("rules");
        foreach (RuleDescriptor rule in catalog)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Slug);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri.AbsoluteUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteBoolean("fixable", rule.Fixable);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        if (ruleIndex >= 0)
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysical(json, finding.Path, finding.AnchorLine > 0 ? (finding.Start.Line, finding.Start.Column, finding.End.Line, finding.End.Column) : null);
        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Related.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (RelatedLocation related in finding.Related)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                WritePhysical(json, related.Path, (related.Line, related.Column, related.Line, related.Column));
                json.WriteStartObject("message");
                json.WriteString("text", related.Message);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (finding.Fix is { } fix)
        {
            WriteFix(json, fix);
        }

        if (finding.BytesAtStake is long bytes)
        {
            json.WriteStartObject("properties");
            json.WriteNumber("bytesAtStake", bytes);
            json.WriteBoolean("exact", finding.BytesExact);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WritePhysical(Utf8JsonWriter json, string path, (int Line, int Column, int EndLine, int EndColumn)? region)
    {
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, path);
        if (region is { } r)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", r.Line);
            json.WriteNumber("startColumn", r.Column);
            json.WriteNumber("endLine", Math.Max(r.EndLine, r.Line));
            json.WriteNumber("endColumn", r.EndLine > r.Line ? r.EndColumn : Math.Max(r.EndColumn, r.Column));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal));
        json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, Fix fix)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartObject("description");
        json.WriteString("text", fix.Description);
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        foreach (FileEdit file in fix.Files)
        {
            json.WriteStartObject();
            WriteArtifact(json, file.Path);
            json.WriteStartArray("replacements");
            foreach (TextEdit edit in file.Edits)
            {
                json.WriteStartObject();
                json.WriteStartObject("deletedRegion");
                json.WriteNumber("charOffset", edit.Span.Start);
                json.WriteNumber("charLength", edit.Span.Length);
                json.WriteEndObject();
                json.WriteStartObject("insertedContent");
                json.WriteString("text", edit.NewText);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
