using System.Globalization;
using System.Text;
using System.Text.Json;
using Headroom.Text;

namespace Headroom.Images;

/// <summary>
/// Writes an <see cref="ImageReport"/> as JSON (the contract's document), text or Markdown.
/// JSON array order: <c>layers</c> by index; <c>packages</c> by bytes descending, then ecosystem,
/// name, version; <c>categories</c> by bytes descending, then name; <c>largestFiles</c> by bytes
/// descending, then path (ordinal); <c>gates</c> in the fixed order of
/// <see cref="ImageGateSettings.Evaluate"/>; <c>duplicates</c> (only with <c>--hash</c>) by wasted
/// bytes descending, then sha256, each group's files by layer then path.
/// </summary>
public static class ImageReportWriter
{
    public static void WriteJson(Stream stream, ImageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", 1);
        w.WriteString("source", report.Source);
        w.WriteString("platform", report.Platform);
        w.WriteString("imageId", report.ImageId);
        w.WriteStartArray("layers");
        foreach (LayerReport l in report.Layers)
        {
            w.WriteStartObject();
            w.WriteNumber("index", l.Index);
            w.WriteString("digest", l.Digest);
            if (l.CreatedBy is null)
            {
                w.WriteNull("createdBy");
            }
            else
            {
                w.WriteString("createdBy", l.CreatedBy);
            }

            w.WriteNumber("compressedBytes", l.CompressedBytes);
            w.WriteNumber("bytes", l.Bytes);
            w.WriteStartObject("files");
            w.WriteNumber("added", l.Files.Added);
            w.WriteNumber("modified", l.Files.Modified);
            w.WriteNumber("removed", l.Files.Removed);
            w.WriteEndObject();
            w.WriteString("compression", l.Compression);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ImageTotals t = report.Totals;
        w.WriteStartObject("totals");
        w.WriteNumber("bytes", t.Bytes);
        w.WriteNumber("finalBytes", t.FinalBytes);
        w.WriteNumber("reclaimableBytes", t.ReclaimableBytes);
        w.WriteNumber("compressedBytes", t.CompressedBytes);
        w.WriteNumber("efficiency", Math.Round(t.Efficiency, 6));
        w.WriteNumber("fileCount", t.FileCount);
        w.WriteEndObject();
        w.WriteStartArray("packages");
        foreach (PackageUsage p in report.Packages)
        {
            w.WriteStartObject();
            w.WriteString("ecosystem", p.Ecosystem);
            w.WriteString("name", p.Name);
            w.WriteString("version", p.Version);
            w.WriteNumber("bytes", p.Bytes);
            w.WriteNumber("layer", p.Layer);
            w.WriteNumber("fileCount", p.FileCount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("categories");
        foreach (CategoryUsage c in report.Categories)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteNumber("bytes", c.Bytes);
            w.WriteNumber("fileCount", c.FileCount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("largestFiles");
        foreach (FileUsage f in report.LargestFiles)
        {
            WriteFile(w, f);
        }

        w.WriteEndArray();
        w.WriteStartArray("gates");
        foreach (GateResult g in report.Gates)
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            WriteNumber(w, "threshold", g.Threshold, g.Unit);
            WriteNumber(w, "value", g.Value, g.Unit);
            w.WriteBoolean("passed", g.Passed);
            w.WriteString("unit", g.Unit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Duplicates is not null)
        {
            w.WriteStartArray("duplicates");
            foreach (DuplicateGroup d in report.Duplicates)
            {
                w.WriteStartObject();
                w.WriteString("sha256", d.Sha256);
                w.WriteNumber("bytes", d.Bytes);
                w.WriteNumber("wastedBytes", d.WastedBytes);
                w.WriteStartArray("files");
                foreach (FileUsage f in d.Files)
                {
                    WriteFile(w, f);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.Flush();
        stream.Write("\n"u8);
    }

    public static void WriteText(TextWriter w, ImageReport report, int top)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        ImageTotals t = report.Totals;
        w.WriteLine($"{report.Source} ({report.Platform}, {Short(report.ImageId)})");
        w.WriteLine($"size {ByteSize.Format(t.Bytes)} in {report.Layers.Count} layers ({ByteSize.Format(t.CompressedBytes)} compressed); "
            + $"visible {ByteSize.Format(t.FinalBytes)} in {t.FileCount} files; reclaimable {ByteSize.Format(t.ReclaimableBytes)}; efficiency {Percent(t.Efficiency)}");
        w.WriteLine();
        w.WriteLine("layers");
        w.WriteLine($"  {"#",3}  {"size",10}  {"stored",10}  {"+files",7}  {"~files",7}  {"-files",7}  command");
        foreach (LayerReport l in report.Layers)
        {
            w.WriteLine($"  {l.Index,3}  {ByteSize.Format(l.Bytes),10}  {ByteSize.Format(l.CompressedBytes),10}  {l.Files.Added,7}  {l.Files.Modified,7}  {l.Files.Removed,7}  {OneLine(l.CreatedBy, 100)}");
        }

        if (report.Packages.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"top packages ({report.Packages.Count} found)");
            foreach (PackageUsage p in report.Packages.Take(top))
            {
                w.WriteLine($"  {ByteSize.Format(p.Bytes),10}  {p.Ecosystem,-5}  {p.Name} {p.Version}  (layer {p.Layer})");
            }
        }

        if (report.Categories.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("categories");
            foreach (CategoryUsage c in report.Categories)
            {
                w.WriteLine($"  {ByteSize.Format(c.Bytes),10}  {c.Name} ({c.FileCount} files)");
            }
        }

        if (report.LargestFiles.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("largest files");
            foreach (FileUsage f in report.LargestFiles)
            {
                w.WriteLine($"  {ByteSize.Format(f.Bytes),10}  {f.Path}  (layer {f.Layer})");
            }
        }

        if (report.Duplicates is { Count: > 0 })
        {
            w.WriteLine();
            w.WriteLine("duplicate content");
            foreach (DuplicateGroup d in report.Duplicates)
            {
                w.WriteLine($"  {ByteSize.Format(d.WastedBytes),10}  {d.Files.Count} copies of {ByteSize.Format(d.Bytes)}: {string.Join(", ", d.Files.Select(f => $"{f.Path} (layer {f.Layer})"))}");
            }
        }

        if (report.Gates.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("gates");
            foreach (GateResult g in report.Gates)
            {
                w.WriteLine($"  {(g.Passed ? "pass" : "FAIL")}  {g.Name}: {Value(g.Value, g.Unit)} (threshold {Value(g.Threshold, g.Unit)})");
            }
        }
    }

    public static void WriteMarkdown(TextWriter w, ImageReport report, int top)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        ImageTotals t = report.Totals;
        w.WriteLine($"### Image `{Md(report.Source)}` ({report.Platform})");
        w.WriteLine();
        w.WriteLine("| size | compressed | visible | reclaimable | efficiency | files |");
        w.WriteLine("|---:|---:|---:|---:|---:|---:|");
        w.WriteLine($"| {ByteSize.Format(t.Bytes)} | {ByteSize.Format(t.CompressedBytes)} | {ByteSize.Format(t.FinalBytes)} | {ByteSize.Format(t.ReclaimableBytes)} | {Percent(t.Efficiency)} | {t.FileCount} |");
        if (report.Gates.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("| gate | value | threshold | result |");
            w.WriteLine("|---|---:|---:|---|");
            foreach (GateResult g in report.Gates)
            {
                w.WriteLine($"| {g.Name} | {Value(g.Value, g.Unit)} | {Value(g.Threshold, g.Unit)} | {(g.Passed ? "✅ pass" : "❌ fail")} |");
            }
        }

        w.WriteLine();
        w.WriteLine("| layer | size | compressed | added | modified | removed | created by |");
        w.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (LayerReport l in report.Layers)
        {
            w.WriteLine($"| {l.Index} | {ByteSize.Format(l.Bytes)} | {ByteSize.Format(l.CompressedBytes)} | {l.Files.Added} | {l.Files.Modified} | {l.Files.Removed} | `{Md(OneLine(l.CreatedBy, 80))}` |");
        }

        if (report.Packages.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("| package | version | ecosystem | size | layer |");
            w.WriteLine("|---|---|---|---:|---:|");
            foreach (PackageUsage p in report.Packages.Take(top))
            {
                w.WriteLine($"| {Md(p.Name)} | {Md(p.Version)} | {p.Ecosystem} | {ByteSize.Format(p.Bytes)} | {p.Layer} |");
            }
        }

        if (report.Categories.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("| category | size | files |");
            w.WriteLine("|---|---:|---:|");
            foreach (CategoryUsage c in report.Categories)
            {
                w.WriteLine($"| {c.Name} | {ByteSize.Format(c.Bytes)} | {c.FileCount} |");
            }
        }

        if (report.LargestFiles.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("| largest file | size | layer |");
            w.WriteLine("|---|---:|---:|");
            foreach (FileUsage f in report.LargestFiles)
            {
                w.WriteLine($"| `{Md(f.Path)}` | {ByteSize.Format(f.Bytes)} | {f.Layer} |");
            }
        }
    }

    private static void WriteFile(Utf8JsonWriter w, FileUsage f)
    {
        w.WriteStartObject();
        w.WriteString("path", f.Path);
        w.WriteNumber("bytes", f.Bytes);
        w.WriteNumber("layer", f.Layer);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value, string unit)
    {
        if (unit == "bytes")
        {
            w.WriteNumber(name, (long)value);
        }
        else
        {
            w.WriteNumber(name, Math.Round(value, 6));
        }
    }

    internal static string Value(double value, string unit) => unit == "bytes" ? ByteSize.Format((long)value) : Percent(value);

    private static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    internal static string Short(string id) => id.Length > 19 ? id[..19] : id;

    internal static string OneLine(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "-";
        }

        var sb = new StringBuilder(Math.Min(text.Length, max + 1));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }
        }

        return sb.ToString();
    }

    private static string Md(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
