using System.Text;
using Headroom.IO;

namespace Headroom.Apt;

/// <summary>
/// Keeps the parsed form of a cached <c>Packages</c> index beside it (<c>KEY.parsed</c> next to
/// <see cref="HttpAptFetcher"/>'s <c>KEY.body</c>), so that a warm prediction reads a compact binary file instead of
/// parsing tens of MB of deb822 text. The parsed file is used only while its header matches the index it was made
/// from: the URL, the <c>Last-Modified</c> and <c>ETag</c> the server sent (from the cache's <c>.meta</c> file) and the
/// body's size; anything else (another download, an older format, a damaged file) makes it be rebuilt.
/// <c>HEADROOM_APT_PARSED_CACHE=0</c> disables it.
/// </summary>
public static class AptParsedIndexCache
{
    private const string Magic = "headroom-apt-parsed-v1";

    /// <summary>The packages of the cached index at <paramref name="bodyPath"/>: from its parsed file when it is current, else parsed (and the parsed file written).</summary>
    public static IReadOnlyList<AptPackage> Load(string bodyPath, Stream body, string sourceName, string url)
    {
        ArgumentNullException.ThrowIfNull(bodyPath);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(url);
        // HEADROOM_APT_PARSED_CACHE=0 turns the parsed files off (to measure what they save: bench/README.md).
        string? key = Environment.GetEnvironmentVariable("HEADROOM_APT_PARSED_CACHE") == "0" ? null : KeyOf(bodyPath, body.Length, url);
        string parsedPath = Path.ChangeExtension(bodyPath, ".parsed");
        if (key is not null && TryRead(parsedPath, key, sourceName) is { } cached)
        {
            return cached;
        }

        List<AptPackage> packages = [.. AptPackageReader.Read(body, sourceName)];
        if (key is not null)
        {
            TryWrite(parsedPath, key, packages);
        }

        return packages;
    }

    /// <summary>URL, Last-Modified, ETag (the <c>.meta</c> file's first three lines) and the body's size; null without a readable meta file.</summary>
    private static string? KeyOf(string bodyPath, long bodyLength, string url)
    {
        try
        {
            string[] meta = File.ReadAllLines(Path.ChangeExtension(bodyPath, ".meta"));
            return meta.Length >= 3 && meta[0] == url ? string.Join('\n', meta[0], meta[1], meta[2], bodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static List<AptPackage>? TryRead(string path, string key, string sourceName)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != key)
            {
                return null;
            }

            var strings = new List<string>();
            string Str()
            {
                int id = reader.ReadInt32();
                if (id == -1)
                {
                    return null!;
                }

                if (id == strings.Count)
                {
                    strings.Add(reader.ReadString());
                }

                return strings[id];
            }

            AptRelation Relation()
            {
                string name = Str();
                string? qualifier = Str();
                var op = (AptRelationOperator)reader.ReadByte();
                string? version = Str();
                int architectures = reader.ReadInt32();
                string[] archs = new string[architectures];
                for (int i = 0; i < architectures; i++)
                {
                    archs[i] = Str();
                }

                return new AptRelation(name, qualifier, op, version is null ? null : DebianVersion.Parse(version), archs);
            }

            IReadOnlyList<IReadOnlyList<AptRelation>> Groups()
            {
                int count = reader.ReadInt32();
                if (count == 0)
                {
                    return [];
                }

                var groups = new IReadOnlyList<AptRelation>[count];
                for (int i = 0; i < count; i++)
                {
                    var group = new AptRelation[reader.ReadInt32()];
                    for (int j = 0; j < group.Length; j++)
                    {
                        group[j] = Relation();
                    }

                    groups[i] = group;
                }

                return groups;
            }

            int total = reader.ReadInt32();
            var packages = new List<AptPackage>(total);
            for (int i = 0; i < total; i++)
            {
                string name = Str();
                string version = Str();
                string architecture = Str();
                long installed = reader.ReadInt64();
                long size = reader.ReadInt64();
                IReadOnlyList<IReadOnlyList<AptRelation>> pre = Groups(), depends = Groups(), recommends = Groups();
                var provides = new AptRelation[reader.ReadInt32()];
                for (int j = 0; j < provides.Length; j++)
                {
                    provides[j] = Relation();
                }

                string? multiArch = Str();
                bool essential = reader.ReadBoolean();
                string? priority = Str();
                int line = reader.ReadInt32();
                packages.Add(new AptPackage(name, DebianVersion.Parse(version), architecture, installed < 0 ? null : installed, size < 0 ? null : size, pre, depends, recommends, provides, multiArch, essential, priority, $"{sourceName}:{line}"));
            }

            return packages;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    private static void TryWrite(string path, string key, List<AptPackage> packages)
    {
        try
        {
            AtomicFile.Write(path, stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write(Magic);
                writer.Write(key);
                var ids = new Dictionary<string, int>(StringComparer.Ordinal);
                void Str(string? value)
                {
                    if (value is null)
                    {
                        writer.Write(-1);
                    }
                    else if (ids.TryGetValue(value, out int id))
                    {
                        writer.Write(id);
                    }
                    else
                    {
                        writer.Write(ids.Count);
                        ids[value] = ids.Count;
                        writer.Write(value);
                    }
                }

                void Relation(AptRelation r)
                {
                    Str(r.Name);
                    Str(r.ArchQualifier);
                    writer.Write((byte)r.Operator);
                    Str(r.Version?.ToString());
                    writer.Write(r.Architectures.Count);
                    foreach (string a in r.Architectures)
                    {
                        Str(a);
                    }
                }

                void Groups(IReadOnlyList<IReadOnlyList<AptRelation>> groups)
                {
                    writer.Write(groups.Count);
                    foreach (IReadOnlyList<AptRelation> group in groups)
                    {
                        writer.Write(group.Count);
                        foreach (AptRelation r in group)
                        {
                            Relation(r);
                        }
                    }
                }

                writer.Write(packages.Count);
                foreach (AptPackage p in packages)
                {
                    Str(p.Name);
                    Str(p.Version.ToString());
                    Str(p.Architecture);
                    writer.Write(p.InstalledSizeKiB ?? -1);
                    writer.Write(p.Size ?? -1);
                    Groups(p.PreDepends);
                    Groups(p.Depends);
                    Groups(p.Recommends);
                    writer.Write(p.Provides.Count);
                    foreach (AptRelation r in p.Provides)
                    {
                        Relation(r);
                    }

                    Str(p.MultiArch);
                    writer.Write(p.Essential);
                    Str(p.Priority);
                    int colon = p.Source.LastIndexOf(':');
                    writer.Write(colon >= 0 && int.TryParse(p.Source.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int line) ? line : 0);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The parsed file only saves time next run.
        }
    }
}
