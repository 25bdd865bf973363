using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Headroom.Images;

namespace Headroom.Tests.Images;

/// <summary>One entry of a fixture layer.</summary>
internal abstract record Fx(string Path)
{
    /// <summary>A regular file with the given content.</summary>
    public static Fx F(string path, string content) => new FileFx(path, Encoding.UTF8.GetBytes(content));

    /// <summary>A regular file of <paramref name="size"/> bytes (a repeating pattern).</summary>
    public static Fx F(string path, int size, byte seed = 1) =>
        new FileFx(path, Enumerable.Range(0, size).Select(i => (byte)((i * 7) + seed)).ToArray());

    public static Fx D(string path) => new DirFx(path);

    public static Fx Sym(string path, string target) => new LinkFx(path, target, TarEntryType.SymbolicLink);

    public static Fx Hard(string path, string target) => new LinkFx(path, target, TarEntryType.HardLink);

    /// <summary>A whiteout for <paramref name="path"/> (<c>dir/.wh.name</c>).</summary>
    public static Fx Wh(string path)
    {
        int slash = path.LastIndexOf('/');
        return new FileFx(slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..], []);
    }

    /// <summary>An opaque whiteout for <paramref name="dir"/>.</summary>
    public static Fx Opaque(string dir) => new FileFx(dir + "/.wh..wh..opq", []);

    /// <summary>A handcrafted GNU sparse ('S') entry: real size <paramref name="realSize"/>, <paramref name="data"/> stored.</summary>
    public static Fx Sparse(string path, long realSize, int data) => new SparseFx(path, realSize, data);

    /// <summary>Writes raw bytes into the tar stream (for broken headers).</summary>
    public static Fx Raw(byte[] bytes) => new RawFx(bytes);
}

internal sealed record FileFx(string Path, byte[] Content) : Fx(Path);

internal sealed record DirFx(string Path) : Fx(Path);

internal sealed record LinkFx(string Path, string Target, TarEntryType Type) : Fx(Path);

internal sealed record SparseFx(string Path, long RealSize, int Data) : Fx(Path);

internal sealed record RawFx(byte[] Bytes) : Fx(string.Empty);

/// <summary>A layer: entries, how to compress it, its history line, and the tar format.</summary>
internal sealed record FxLayer(IReadOnlyList<Fx> Entries, LayerCompression Compression = LayerCompression.Gzip, string? CreatedBy = null, TarEntryFormat Format = TarEntryFormat.Pax);

/// <summary>
/// Builds tiny images in-process: docker-archive (classic and OCI-in-archive), oci-archive and OCI
/// layout directories, with plain, gzip or zstd layers.
/// </summary>
internal sealed class ImageFixture
{
    private const string DockerLayersKey = "Layers";

    private readonly List<byte[]> _blobs = [];

    public ImageFixture(params FxLayer[] layers)
    {
        Layers = [.. layers];
        foreach (FxLayer l in Layers)
        {
            byte[] tar = Tar(l.Entries, l.Format);
            Tars.Add(tar);
            _blobs.Add(Compress(tar, l.Compression));
        }
    }

    public List<FxLayer> Layers { get; }

    public List<byte[]> Tars { get; } = [];

    public IReadOnlyList<byte[]> Blobs => _blobs;

    public string Os { get; init; } = "linux";

    public string Architecture { get; init; } = "amd64";

    public string? Variant { get; init; }

    /// <summary>Where empty history entries (ENV, WORKDIR) go: before layer index N.</summary>
    public List<(int Before, string CreatedBy)> EmptyHistory { get; } = [];

    /// <summary>Layer order by blob index (to use one blob twice).</summary>
    public List<int>? LayerOrder { get; init; }

    public IReadOnlyList<int> Order => LayerOrder ?? Enumerable.Range(0, _blobs.Count).ToList();

    public static string Sha(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    public byte[] Config()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("architecture", Architecture);
            w.WriteString("os", Os);
            if (Variant is not null)
            {
                w.WriteString("variant", Variant);
            }

            w.WriteStartObject("config");
            w.WriteEndObject();
            w.WriteStartObject("rootfs");
            w.WriteString("type", "layers");
            w.WriteStartArray("diff_ids");
            foreach (int i in Order)
            {
                w.WriteStringValue(Sha(Tars[i]));
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("history");
            for (int k = 0; k < Order.Count; k++)
            {
                foreach ((int _, string createdBy) in EmptyHistory.Where(e => e.Before == k))
                {
                    w.WriteStartObject();
                    w.WriteString("created_by", createdBy);
                    w.WriteBoolean("empty_layer", true);
                    w.WriteEndObject();
                }

                w.WriteStartObject();
                w.WriteString("created_by", Layers[Order[k]].CreatedBy ?? $"RUN step {k}");
                w.WriteEndObject();
            }

            foreach ((int _, string createdBy) in EmptyHistory.Where(e => e.Before >= Order.Count))
            {
                w.WriteStartObject();
                w.WriteString("created_by", createdBy);
                w.WriteBoolean("empty_layer", true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    public byte[] Manifest(byte[] config)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", "application/vnd.oci.image.manifest.v1+json");
            Descriptor(w, "config", "application/vnd.oci.image.config.v1+json", config);
            w.WriteStartArray("layers");
            foreach (int i in Order)
            {
                string type = Layers[i].Compression switch
                {
                    LayerCompression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
                    LayerCompression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
                    _ => "application/vnd.oci.image.layer.v1.tar",
                };
                Descriptor(w, null, type, _blobs[i]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    /// <summary>Files of an OCI layout (path → bytes), index.json included.</summary>
    public Dictionary<string, byte[]> OciFiles(string? refName = "latest") => OciLayoutOf([(this, null)], refName);

    /// <summary>An OCI layout holding one image per platform behind a nested image index.</summary>
    public static Dictionary<string, byte[]> OciLayoutOf(IReadOnlyList<(ImageFixture Image, string? Platform)> images, string? refName = "latest")
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["oci-layout"] = """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray(),
        };
        var manifests = new List<(byte[] Manifest, string? Platform)>();
        foreach ((ImageFixture image, string? platform) in images)
        {
            byte[] config = image.Config();
            byte[] manifest = image.Manifest(config);
            files[BlobPath(config)] = config;
            files[BlobPath(manifest)] = manifest;
            foreach (byte[] blob in image._blobs)
            {
                files[BlobPath(blob)] = blob;
            }

            manifests.Add((manifest, platform));
        }

        byte[] top;
        if (images.Count == 1 && images[0].Platform is null)
        {
            top = Index(manifests, "application/vnd.oci.image.manifest.v1+json", refName);
        }
        else
        {
            byte[] nested = Index(manifests, "application/vnd.oci.image.manifest.v1+json", null);
            files[BlobPath(nested)] = nested;
            top = Index([(nested, null)], "application/vnd.oci.image.index.v1+json", refName);
        }

        files["index.json"] = top;
        return files;
    }

    /// <summary>docker save's classic layout: manifest.json, CONFIG.json, ID/layer.tar.</summary>
    public Dictionary<string, byte[]> DockerClassicFiles(string tag = "app:latest")
    {
        byte[] config = Config();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string configName = Convert.ToHexStringLower(SHA256.HashData(config)) + ".json";
        files[configName] = config;
        var layerPaths = new List<string>();
        foreach (int i in Order)
        {
            string path = Convert.ToHexStringLower(SHA256.HashData(_blobs[i]))[..16] + "/layer.tar";
            files[path] = _blobs[i];
            layerPaths.Add(path);
        }

        files["manifest.json"] = DockerManifestJson(configName, tag, layerPaths);
        return files;
    }

    /// <summary>Newer docker save (containerd store): OCI layout plus manifest.json pointing into blobs/.</summary>
    public Dictionary<string, byte[]> DockerOciFiles(string tag = "app:latest")
    {
        Dictionary<string, byte[]> files = OciFiles(tag);
        byte[] config = Config();
        files["manifest.json"] = DockerManifestJson(BlobPath(config), tag, Order.Select(i => BlobPath(_blobs[i])).ToList());
        return files;
    }

    public static byte[] DockerManifestJson(string config, string tag, IReadOnlyList<string> layers)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("Config", config);
            w.WriteStartArray("RepoTags");
            w.WriteStringValue(tag);
            w.WriteEndArray();
            w.WriteStartArray(DockerLayersKey);
            foreach (string l in layers)
            {
                w.WriteStringValue(l);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        return ms.ToArray();
    }

    /// <summary>Writes files as a tar; the named paths go last (manifest.json after the layers).</summary>
    public static byte[] TarOf(Dictionary<string, byte[]> files, params string[] last)
    {
        using var ms = new MemoryStream();
        using (var w = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach ((string path, byte[] data) in files.OrderBy(kv => last.Contains(kv.Key) ? 1 : 0).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var e = new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(data) };
                w.WriteEntry(e);
            }
        }

        return ms.ToArray();
    }

    public static void WriteDirectory(Dictionary<string, byte[]> files, string dir)
    {
        foreach ((string path, byte[] data) in files)
        {
            string full = System.IO.Path.Combine(dir, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, data);
        }
    }

    public static string BlobPath(byte[] data) => "blobs/sha256/" + Convert.ToHexStringLower(SHA256.HashData(data));

    public static byte[] Compress(byte[] tar, LayerCompression compression)
    {
        switch (compression)
        {
            case LayerCompression.Gzip:
                {
                    using var ms = new MemoryStream();
                    using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gz.Write(tar);
                    }

                    return ms.ToArray();
                }

            case LayerCompression.Zstd:
                {
                    using var compressor = new ZstdSharp.Compressor(3);
                    return compressor.Wrap(tar).ToArray();
                }

            default:
                return tar;
        }
    }

    public static byte[] Tar(IReadOnlyList<Fx> entries, TarEntryFormat format)
    {
        using var ms = new MemoryStream();
        using (var w = new TarWriter(ms, format, leaveOpen: true))
        {
            foreach (Fx e in entries)
            {
                switch (e)
                {
                    case FileFx f:
                        {
                            TarEntry entry = NewEntry(format, TarEntryType.RegularFile, f.Path);
                            entry.DataStream = new MemoryStream(f.Content);
                            w.WriteEntry(entry);
                            break;
                        }

                    case DirFx d:
                        w.WriteEntry(NewEntry(format, TarEntryType.Directory, d.Path + "/"));
                        break;
                    case LinkFx l:
                        {
                            TarEntry entry = NewEntry(format, l.Type, l.Path);
                            entry.LinkName = l.Target;
                            w.WriteEntry(entry);
                            break;
                        }

                    case SparseFx s:
                        ms.Write(GnuSparseHeader(s.Path, s.RealSize, s.Data));
                        ms.Write(new byte[(s.Data + 511) / 512 * 512]);
                        break;
                    case RawFx r:
                        ms.Write(r.Bytes);
                        break;
                    default:
                        throw new InvalidOperationException();
                }
            }
        }

        return ms.ToArray();
    }

    /// <summary>A GNU 'S' header: one sparse region of <paramref name="data"/> bytes at the end of the file.</summary>
    public static byte[] GnuSparseHeader(string path, long realSize, int data)
    {
        var h = new byte[512];
        Encoding.ASCII.GetBytes(path).CopyTo(h, 0);
        Octal(h, 100, 8, 420);
        Octal(h, 108, 8, 0);
        Octal(h, 116, 8, 0);
        Octal(h, 124, 12, data);
        Octal(h, 136, 12, 0);
        h[156] = (byte)'S';
        "ustar  \0"u8.CopyTo(h.AsSpan(257));
        Octal(h, 386, 12, realSize - data); // sparse[0].offset
        Octal(h, 398, 12, data);            // sparse[0].numbytes
        h[482] = 0;
        Octal(h, 483, 12, realSize);
        "        "u8.CopyTo(h.AsSpan(148));
        long sum = h.Sum(b => (long)b);
        Octal(h, 148, 7, sum);
        h[155] = (byte)' ';
        return h;
    }

    private static void Octal(byte[] h, int offset, int length, long value)
    {
        string s = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        Encoding.ASCII.GetBytes(s).CopyTo(h, offset);
        h[offset + length - 1] = 0;
    }

    private static TarEntry NewEntry(TarEntryFormat format, TarEntryType type, string name) => format switch
    {
        TarEntryFormat.Gnu => new GnuTarEntry(type, name),
        TarEntryFormat.Ustar => new UstarTarEntry(type, name),
        TarEntryFormat.V7 => new V7TarEntry(type == TarEntryType.RegularFile ? TarEntryType.V7RegularFile : type, name),
        _ => new PaxTarEntry(type, name),
    };

    private static void Descriptor(Utf8JsonWriter w, string? property, string mediaType, byte[] data)
    {
        if (property is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(property);
        }

        w.WriteString("mediaType", mediaType);
        w.WriteString("digest", Sha(data));
        w.WriteNumber("size", data.Length);
        w.WriteEndObject();
    }

    private static byte[] Index(IReadOnlyList<(byte[] Document, string? Platform)> entries, string mediaType, string? refName)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", "application/vnd.oci.image.index.v1+json");
            w.WriteStartArray("manifests");
            foreach ((byte[] doc, string? platform) in entries)
            {
                w.WriteStartObject();
                w.WriteString("mediaType", mediaType);
                w.WriteString("digest", Sha(doc));
                w.WriteNumber("size", doc.Length);
                if (platform is not null)
                {
                    string[] p = platform.Split('/');
                    w.WriteStartObject("platform");
                    w.WriteString("os", p[0]);
                    w.WriteString("architecture", p[1]);
                    if (p.Length > 2)
                    {
                        w.WriteString("variant", p[2]);
                    }

                    w.WriteEndObject();
                }

                if (refName is not null)
                {
                    w.WriteStartObject("annotations");
                    w.WriteString("org.opencontainers.image.ref.name", refName);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }
}
