using System.Text;
using System.Text.Json;

namespace Headroom.Diff.Output;

/// <summary>The <c>headroom diff --format json</c> document (docs/diff.md): schemaVersion 1, camelCase, sizes in bytes.</summary>
public static class DiffJsonWriter
{
    public static void Write(TextWriter output, DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("mode", report.Mode);
            WriteSide(w, "before", report.Before);
            WriteSide(w, "after", report.After);
            WriteSize(w, "size", report.Size, withSaved: true);
            w.WriteStartObject("budget");
            w.WriteString("name", report.Budget.Name);
            w.WriteNumber("bytes", report.Budget.Bytes);
            w.WriteNumber("beforeFraction", report.Budget.Before);
            w.WriteNumber("afterFraction", report.Budget.After);
            w.WriteEndObject();
            WriteOptionalSize(w, "peakBuild", report.PeakBuild);
            WriteOptionalSize(w, "downloads", report.Downloads);
            w.WriteStartArray("categories");
            foreach (CategoryChange c in report.Categories)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteNumber("beforeBytes", c.Before);
                w.WriteNumber("afterBytes", c.After);
                w.WriteNumber("deltaBytes", c.Delta);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("layers");
            foreach (LayerChange l in report.Layers)
            {
                w.WriteStartObject();
                w.WriteString("change", l.Change);
                WriteIndex(w, "beforeIndex", l.BeforeIndex);
                WriteIndex(w, "afterIndex", l.AfterIndex);
                w.WriteString("digest", l.Digest);
                WriteString(w, "createdBy", l.CreatedBy);
                w.WriteNumber("beforeBytes", l.BytesBefore);
                w.WriteNumber("afterBytes", l.BytesAfter);
                w.WriteNumber("deltaBytes", l.Delta);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WritePackages(w, "packages", report.Packages);
            w.WriteNumber("unchangedPackages", report.UnchangedPackages);
            WritePackages(w, "movers", report.Movers);
            w.WriteStartArray("notes");
            foreach (string note in report.Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteSide(Utf8JsonWriter w, string name, DiffSide side)
    {
        w.WriteStartObject(name);
        w.WriteString("source", side.Source);
        w.WriteString("kind", side.Kind);
        w.WriteString("platform", side.Platform);
        w.WriteNumber("bytes", side.Bytes);
        w.WriteNumber("bytesLow", side.BytesLow);
        w.WriteNumber("bytesHigh", side.BytesHigh);
        w.WriteBoolean("exact", side.Exact);
        w.WriteEndObject();
    }

    private static void WriteOptionalSize(Utf8JsonWriter w, string name, SizeChange? size)
    {
        if (size is null)
        {
            w.WriteNull(name);
        }
        else
        {
            WriteSize(w, name, size, withSaved: false);
        }
    }

    private static void WriteSize(Utf8JsonWriter w, string name, SizeChange size, bool withSaved)
    {
        w.WriteStartObject(name);
        w.WriteNumber("beforeBytes", size.Before);
        w.WriteNumber("afterBytes", size.After);
        w.WriteNumber("deltaBytes", size.Delta);
        if (withSaved)
        {
            w.WriteNumber("savedBytes", size.SavedBytes);
            w.WriteNumber("savedFraction", size.SavedFraction);
        }

        w.WriteEndObject();
    }

    private static void WritePackages(Utf8JsonWriter w, string name, IReadOnlyList<PackageChange> packages)
    {
        w.WriteStartArray(name);
        foreach (PackageChange p in packages)
        {
            w.WriteStartObject();
            w.WriteString("ecosystem", p.Ecosystem);
            w.WriteString("name", p.Name);
            w.WriteString("change", p.Change);
            WriteString(w, "beforeVersion", p.VersionBefore);
            WriteString(w, "afterVersion", p.VersionAfter);
            w.WriteNumber("beforeBytes", p.BytesBefore);
            w.WriteNumber("afterBytes", p.BytesAfter);
            w.WriteNumber("deltaBytes", p.Delta);
            w.WriteBoolean("exact", p.Exact);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteIndex(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
