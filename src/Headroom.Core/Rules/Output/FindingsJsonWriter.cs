using System.Text;
using System.Text.Json;
using Headroom.Diagnostics;

namespace Headroom.Rules.Output;

/// <summary>
/// The contract's JSON for <c>check</c>: <c>schemaVersion</c>, <c>findings</c> (sorted by path, line,
/// column, rule ID) and <c>predictions</c> (written by the caller, who owns the predictor).
/// Beyond the contract each finding may carry <c>bytesAtStake</c>/<c>exact</c>, <c>fix</c> and <c>related</c>.
/// </summary>
public static class FindingsJsonWriter
{
    public static void Write(TextWriter output, CheckResult result, Action<Utf8JsonWriter>? writePredictions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartArray("findings");
            foreach (Finding finding in result.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteStartArray("predictions");
            writePredictions?.Invoke(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteString("slug", finding.Rule.Slug);
        json.WriteString("severity", SeverityName(finding.Severity));
        json.WriteString("message", finding.Message);
        json.WriteString("path", finding.Path);
        json.WriteNumber("line", finding.Start.Line);
        json.WriteNumber("column", finding.Start.Column);
        json.WriteNumber("endLine", finding.End.Line);
        json.WriteNumber("endColumn", finding.End.Column);
        json.WriteBoolean("fixable", finding.Fix is not null);
        if (finding.BytesAtStake is long bytes)
        {
            json.WriteNumber("bytesAtStake", bytes);
            json.WriteBoolean("exact", finding.BytesExact);
        }

        if (finding.Fix is { } fix)
        {
            json.WriteString("fix", fix.Description);
        }

        if (finding.Related.Count > 0)
        {
            json.WriteStartArray("related");
            foreach (RelatedLocation related in finding.Related)
            {
                json.WriteStartObject();
                json.WriteString("path", related.Path);
                json.WriteNumber("line", related.Line);
                json.WriteNumber("column", related.Column);
                json.WriteString("message", related.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
