using System.Text;
using System.Text.Json;

namespace Headroom.Prediction.Output;

/// <summary>
/// The contract's <c>predictions[]</c> entries (sorted by Dockerfile path, components by bytes, largest first).
/// Beyond the contract: <c>downloadBytes</c>, <c>offline</c>, <c>notes</c>, and per component <c>how</c>.
/// </summary>
public static class PredictionJsonWriter
{
    /// <summary>Writes each prediction as an object into the array the caller has opened.</summary>
    public static void WriteEntries(Utf8JsonWriter json, IEnumerable<ImagePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(predictions);
        foreach (ImagePrediction p in predictions)
        {
            json.WriteStartObject();
            json.WriteString("dockerfile", p.Dockerfile);
            json.WriteString("target", p.Target);
            json.WriteString("platform", p.Platform);
            if (p.Python is null)
            {
                json.WriteNull("python");
            }
            else
            {
                json.WriteString("python", p.Python);
            }

            json.WriteNumber("imageBytes", p.ImageBytes);
            json.WriteNumber("imageBytesLow", p.ImageBytesLow);
            json.WriteNumber("imageBytesHigh", p.ImageBytesHigh);
            json.WriteNumber("peakBuildBytes", p.PeakBuildBytes);
            json.WriteNumber("downloadBytes", p.DownloadBytes);
            json.WriteBoolean("offline", p.Offline);
            json.WriteStartArray("components");
            foreach (PredictedComponent c in p.Components)
            {
                json.WriteStartObject();
                json.WriteString("kind", c.Kind);
                json.WriteString("name", c.Name);
                json.WriteString("version", c.Version);
                json.WriteNumber("bytes", c.Bytes);
                json.WriteNumber("line", c.Line);
                json.WriteBoolean("exact", c.Exact);
                if (c.How is not null)
                {
                    json.WriteString("how", c.How);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (p.Budget is { } budget)
            {
                json.WriteStartObject("budget");
                json.WriteString("name", budget.Name);
                json.WriteNumber("bytes", budget.Bytes);
                json.WriteNumber("usedFraction", budget.UsedFraction);
                json.WriteEndObject();
            }

            json.WriteStartArray("notes");
            foreach (string note in p.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>A whole <c>predict</c> document: <c>schemaVersion</c>, empty <c>findings</c>, <c>predictions</c>.</summary>
    public static void Write(TextWriter output, IEnumerable<ImagePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartArray("findings");
            json.WriteEndArray();
            json.WriteStartArray("predictions");
            WriteEntries(json, predictions);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
