using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Headroom.Diagnostics;

namespace Headroom.Apk;

/// <summary>
/// Reads Alpine's package index: the text <c>APKINDEX</c> (stanzas of <c>X:value</c> lines separated by
/// blank lines) and the <c>APKINDEX.tar.gz</c> a repository publishes (a signature archive and the
/// index archive, gzip members one after the other; the <c>APKINDEX</c> entry is read).
/// </summary>
public static class ApkIndexReader
{
    /// <summary>The packages of an <c>APKINDEX.tar.gz</c>; an archive without an <c>APKINDEX</c> entry is an <see cref="InputException"/>.</summary>
    public static IReadOnlyList<ApkPackage> ReadArchive(Stream archive, string source)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            // GZipStream reads concatenated members, and the signature archive carries no end-of-archive
            // blocks, so the whole file reads as one tar stream.
            using var gzip = new GZipStream(archive, CompressionMode.Decompress, leaveOpen: true);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.Name == "APKINDEX" && entry.DataStream is { } data)
                {
                    return Read(data, source);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new InputException($"{source}: not a readable APKINDEX.tar.gz ({e.Message})", e);
        }

        throw new InputException($"{source}: the archive holds no APKINDEX");
    }

    /// <summary>The packages of a text <c>APKINDEX</c>; a stanza without <c>P:</c> or <c>V:</c> is an <see cref="InputException"/> naming its line.</summary>
    public static IReadOnlyList<ApkPackage> Read(Stream text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StreamReader(text, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return Read(reader, source);
    }

    /// <summary>The packages of a text <c>APKINDEX</c> read from <paramref name="reader"/>.</summary>
    public static IReadOnlyList<ApkPackage> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var packages = new List<ApkPackage>();
        var fields = new Dictionary<char, string>();
        int lineNumber = 0, start = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (fields.Count == 0)
            {
                start = lineNumber;
            }

            if (line.Length < 2 || line[1] != ':')
            {
                throw new InputException($"{source}:{lineNumber}: not an APKINDEX line (expected X:value): {Shorten(line)}");
            }

            fields[line[0]] = line[2..];
        }

        Flush();
        return packages;

        void Flush()
        {
            if (fields.Count == 0)
            {
                return;
            }

            if (!fields.TryGetValue('P', out string? name) || !fields.TryGetValue('V', out string? version))
            {
                throw new InputException($"{source}:{start}: a package stanza without P: (name) or V: (version)");
            }

            packages.Add(new ApkPackage(
                name,
                version,
                fields.GetValueOrDefault('A', string.Empty),
                Number(fields.GetValueOrDefault('I'), 'I'),
                Number(fields.GetValueOrDefault('S'), 'S'),
                [.. Words(fields.GetValueOrDefault('D')).Select(ApkDependency.Parse)],
                [.. Words(fields.GetValueOrDefault('p')).Select(p => ApkDependency.Parse(p).Name)],
                (int)Math.Min(int.MaxValue, Number(fields.GetValueOrDefault('k'), 'k')),
                $"{source}:{start}"));
            fields.Clear();
        }

        long Number(string? value, char field)
        {
            if (value is null)
            {
                return 0;
            }

            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
                ? n
                : throw new InputException($"{source}:{start}: {field}: is not a number: {Shorten(value)}");
        }
    }

    private static string[] Words(string? value) => value is null ? [] : value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
