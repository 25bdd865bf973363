using System.Globalization;
using Headroom.Diagnostics;
using Headroom.Images;

namespace Headroom.Apt;

/// <summary>
/// Reads <see cref="AptPackage"/>s from a <c>Packages</c> index or a dpkg <c>status</c> file, plain,
/// gzip- or xz-compressed (detected by the magic bytes), streaming: only one stanza is held at a time.
/// </summary>
public static class AptPackageReader
{
    private static readonly byte[] XzMagic = [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    /// <summary>
    /// Reads every package stanza. With <paramref name="installedOnly"/> (a dpkg status file), stanzas whose
    /// Status is not <c>install ok installed</c> are skipped. Malformed input is an <see cref="InputException"/>
    /// naming <paramref name="sourceName"/> and the line.
    /// </summary>
    public static IEnumerable<AptPackage> Read(Stream stream, string sourceName, bool installedOnly = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using TextReader text = OpenText(stream, sourceName);
        var reader = new Deb822Reader(text, sourceName);
        while (reader.ReadStanza() is Deb822Stanza stanza)
        {
            if (installedOnly && stanza["Status"] is string status && !status.EndsWith(" installed", StringComparison.Ordinal))
            {
                continue;
            }

            yield return FromStanza(stanza, sourceName);
        }
    }

    /// <summary>Converts one stanza; throws <see cref="InputException"/> naming the field's line.</summary>
    public static AptPackage FromStanza(Deb822Stanza stanza, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        Deb822Field name = stanza.Field("Package") ?? throw new InputException($"{sourceName}:{stanza.Line}: the stanza has no Package field");
        if (name.Value.Length == 0 || name.Value.Any(char.IsWhiteSpace))
        {
            throw new InputException($"{sourceName}:{name.Line}: bad package name '{name.Value}'");
        }

        Deb822Field versionField = stanza.Field("Version") ?? throw new InputException($"{sourceName}:{stanza.Line}: package {name.Value} has no Version field");
        if (!DebianVersion.TryParse(versionField.Value, out DebianVersion? version, out string? error))
        {
            throw new InputException($"{sourceName}:{versionField.Line}: package {name.Value}: bad version '{versionField.Value}': {error}");
        }

        return new AptPackage(
            name.Value,
            version,
            stanza["Architecture"] ?? "all",
            Number(stanza.Field("Installed-Size"), sourceName),
            Number(stanza.Field("Size"), sourceName),
            Groups(stanza.Field("Pre-Depends"), sourceName),
            Groups(stanza.Field("Depends"), sourceName),
            Groups(stanza.Field("Recommends"), sourceName),
            List(stanza.Field("Provides"), sourceName),
            stanza["Multi-Arch"],
            string.Equals(stanza["Essential"], "yes", StringComparison.OrdinalIgnoreCase),
            stanza["Priority"],
            $"{sourceName}:{stanza.Line}");
    }

    private static StreamReader OpenText(Stream stream, string sourceName)
    {
        Span<byte> head = stackalloc byte[6];
        int n;
        Stream content;
        try
        {
            if (stream.CanSeek)
            {
                long start = stream.Position;
                n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                stream.Position = start;
                content = stream;
            }
            else
            {
                n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                content = new PrefixedStream(head[..n].ToArray(), stream);
            }

            if (n >= XzMagic.Length && head[..XzMagic.Length].SequenceEqual(XzMagic))
            {
                // Debian's -updates and -security suites serve only Packages.xz; the xz reader seeks,
                // so a stream that cannot is copied (those indexes are a few hundred KB).
                if (!content.CanSeek)
                {
                    var copy = new MemoryStream();
                    content.CopyTo(copy);
                    copy.Position = 0;
                    content = copy;
                }

                content = new SharpCompress.Compressors.Xz.XZStream(content);
            }
            else if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B)
            {
                content = new GzipSizeCheckStream(content);
            }
        }
        catch (Exception e) when (e is IOException or SharpCompress.Common.SharpCompressException)
        {
            throw new InputException($"{sourceName}: {e.Message}", e);
        }

        return new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
    }

    private static long? Number(Deb822Field? field, string sourceName)
    {
        if (field is null)
        {
            return null;
        }

        return long.TryParse(field.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new InputException($"{sourceName}:{field.Line}: {field.Name} is not a number: '{field.Value}'");
    }

    private static IReadOnlyList<IReadOnlyList<AptRelation>> Groups(Deb822Field? field, string sourceName)
    {
        if (field is null)
        {
            return [];
        }

        try
        {
            return AptRelationParser.ParseGroups(field.Value);
        }
        catch (FormatException e)
        {
            throw new InputException($"{sourceName}:{field.Line}: {field.Name}: {e.Message}", e);
        }
    }

    private static IReadOnlyList<AptRelation> List(Deb822Field? field, string sourceName)
    {
        if (field is null)
        {
            return [];
        }

        try
        {
            return AptRelationParser.ParseList(field.Value);
        }
        catch (FormatException e)
        {
            throw new InputException($"{sourceName}:{field.Line}: {field.Name}: {e.Message}", e);
        }
    }
}
