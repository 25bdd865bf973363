using System.Text;
using System.Text.Json;
using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>
/// Finds installed packages from the metadata files buffered during the pass, and sums the final
/// sizes of the files each one lists: pip (<c>*.dist-info/RECORD</c>), dpkg
/// (<c>/var/lib/dpkg/status</c> + <c>info/*.list</c>; distroless images: one stanza per file in
/// <c>/var/lib/dpkg/status.d/</c>, files from its <c>.md5sums</c>, else <c>Installed-Size</c>), apk (<c>/lib/apk/db/installed</c>), npm
/// (<c>node_modules/**/package.json</c>: the package folder without nested node_modules) and conda
/// (<c>conda-meta/*.json</c> "files"). A package's layer is the layer that wrote its visible
/// metadata file (apk: the lowest layer holding one of its files).
/// </summary>
internal static class PackageAttribution
{
    public static List<PackageUsage> Find(FileTree tree, List<FsNode> metadata, HashSet<FsNode> cudaFiles)
    {
        var result = new List<PackageUsage>();
        Dictionary<string, DpkgStanza>? dpkgStatus = null;
        FsNode? statusNode = tree.Find("var/lib/dpkg/status");
        if (statusNode?.Content is not null && FileTree.IsVisible(statusNode))
        {
            dpkgStatus = ParseDpkgStatus(statusNode.Content);
        }

        var dpkgListed = new HashSet<string>(StringComparer.Ordinal);
        var statusD = new List<FsNode>();

        foreach (FsNode node in metadata)
        {
            if (!FileTree.IsVisible(node) || node.Content is null)
            {
                continue;
            }

            string path = FileTree.PathOf(node)[1..];
            if (node.Name == "RECORD" && node.Parent!.Name.EndsWith(".dist-info", StringComparison.Ordinal))
            {
                result.Add(Pip(tree, node, cudaFiles));
            }
            else if (path.StartsWith("var/lib/dpkg/info/", StringComparison.Ordinal) && node.Name.EndsWith(".list", StringComparison.Ordinal))
            {
                string name = node.Name[..^5];
                int colon = name.IndexOf(':', StringComparison.Ordinal);
                string package = colon < 0 ? name : name[..colon];
                string version = string.Empty;
                if (dpkgStatus is not null)
                {
                    if (!dpkgStatus.TryGetValue(package, out DpkgStanza? st) || st.Installed != true)
                    {
                        continue;
                    }

                    version = st.Version;
                }

                HashSet<FsNode>? cuda = Categories.IsCudaDebianPackage(package) ? cudaFiles : null;
                (long bytes, long files, _) = Sum(tree, Lines(node.Content).Select(l => l.TrimStart('/')), cuda);
                result.Add(new PackageUsage("dpkg", package, version, bytes, node.Layer, files));
                dpkgListed.Add(package);
            }
            else if (IsStatusD(path))
            {
                statusD.Add(node);
            }
            else if (path == "lib/apk/db/installed")
            {
                result.AddRange(Apk(tree, node));
            }
            else if (node.Name == "package.json")
            {
                PackageUsage? npm = Npm(node);
                if (npm is not null)
                {
                    result.Add(npm);
                }
            }
            else if (node.Parent?.Name == "conda-meta")
            {
                PackageUsage? conda = Conda(tree, node);
                if (conda is not null)
                {
                    result.Add(conda);
                }
            }
        }

        foreach (FsNode node in statusD)
        {
            result.AddRange(DistrolessDpkg(tree, node, dpkgListed));
        }

        result.Sort(static (a, b) =>
        {
            int c = b.Bytes.CompareTo(a.Bytes);
            if (c == 0) { c = string.CompareOrdinal(a.Ecosystem, b.Ecosystem); }
            if (c == 0) { c = string.CompareOrdinal(a.Name, b.Name); }
            if (c == 0) { c = string.CompareOrdinal(a.Version, b.Version); }
            return c;
        });
        return result;
    }

    /// <summary>PEP 503 normalisation: lowercase, runs of <c>-_.</c> become <c>-</c>.</summary>
    public static string NormalizePipName(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool dash = false;
        foreach (char c in name)
        {
            if (c is '-' or '_' or '.')
            {
                dash = true;
                continue;
            }

            if (dash && sb.Length > 0)
            {
                sb.Append('-');
            }

            dash = false;
            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static PackageUsage Pip(FileTree tree, FsNode record, HashSet<FsNode> cudaFiles)
    {
        string distInfo = record.Parent!.Name[..^".dist-info".Length];
        int dash = distInfo.IndexOf('-', StringComparison.Ordinal);
        string name = NormalizePipName(dash < 0 ? distInfo : distInfo[..dash]);
        string version = dash < 0 ? string.Empty : distInfo[(dash + 1)..];
        string baseDir = FileTree.PathOf(record.Parent.Parent!)[1..];
        bool cuda = name.StartsWith("nvidia-", StringComparison.Ordinal) || name == "triton";
        IEnumerable<string> paths = Lines(record.Content!).Select(l => CsvFirstField(l)).Where(p => p.Length > 0)
            .Select(p => p.StartsWith('/') ? p[1..] : (baseDir.Length == 0 ? p : baseDir + "/" + p));
        (long bytes, long files, _) = Sum(tree, paths, cuda ? cudaFiles : null);
        return new PackageUsage("pip", name, version, bytes, record.Layer, files);
    }

    private static IEnumerable<PackageUsage> Apk(FileTree tree, FsNode db)
    {
        string? name = null;
        string version = string.Empty;
        string dir = string.Empty;
        var files = new List<string>();
        foreach (string line in Lines(db.Content!).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    (long bytes, long count, int minLayer) = Sum(tree, files, null);
                    yield return new PackageUsage("apk", name, version, bytes, minLayer == int.MaxValue ? db.Layer : minLayer, count);
                }

                name = null;
                version = string.Empty;
                dir = string.Empty;
                files.Clear();
                continue;
            }

            if (line.Length < 2 || line[1] != ':')
            {
                continue;
            }

            string value = line[2..];
            switch (line[0])
            {
                case 'P':
                    name = value;
                    break;
                case 'V':
                    version = value;
                    break;
                case 'F':
                    dir = value;
                    break;
                case 'R':
                    files.Add(dir.Length == 0 ? value : dir + "/" + value);
                    break;
                default:
                    break;
            }
        }
    }

    private static PackageUsage? Npm(FsNode packageJson)
    {
        FsNode folder = packageJson.Parent!;
        FsNode? up = folder.Parent;
        bool scoped = up is not null && up.Name.StartsWith('@');
        if (!(up?.Name == "node_modules" || (scoped && up!.Parent?.Name == "node_modules")))
        {
            return null;
        }

        (string? name, string? version) = JsonNameVersion(packageJson.Content!);
        name ??= scoped ? up!.Name + "/" + folder.Name : folder.Name;
        long bytes = 0;
        long files = 0;
        var stack = new Stack<FsNode>();
        stack.Push(folder);
        while (stack.Count > 0)
        {
            FsNode n = stack.Pop();
            foreach (FsNode c in n.Children!.Values)
            {
                if (c.IsDirectory)
                {
                    if (c.Name != "node_modules")
                    {
                        stack.Push(c);
                    }
                }
                else if (c.Kind is TarEntryKind.Regular or TarEntryKind.HardLink)
                {
                    bytes += FileTree.EffectiveSize(c);
                    files++;
                }
            }
        }

        return new PackageUsage("npm", name, version ?? string.Empty, bytes, packageJson.Layer, files);
    }

    private static PackageUsage? Conda(FileTree tree, FsNode json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.Content!);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out JsonElement n) || n.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string prefix = FileTree.PathOf(json.Parent!.Parent!)[1..];
            var paths = new List<string>();
            if (root.TryGetProperty("files", out JsonElement files) && files.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement f in files.EnumerateArray())
                {
                    if (f.ValueKind == JsonValueKind.String)
                    {
                        paths.Add(prefix.Length == 0 ? f.GetString()! : prefix + "/" + f.GetString());
                    }
                }
            }

            (long bytes, long count, _) = Sum(tree, paths, null);
            string version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
            return new PackageUsage("conda", n.GetString()!, version, bytes, json.Layer, count);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static (string? Name, string? Version) JsonNameVersion(byte[] json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            string? version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (name, version);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    /// <summary>Sums the final sizes of the listed paths (each file once); also returns the lowest layer seen.</summary>
    private static (long Bytes, long Files, int MinLayer) Sum(FileTree tree, IEnumerable<string> paths, HashSet<FsNode>? collect)
    {
        var seen = new HashSet<FsNode>(ReferenceEqualityComparer.Instance);
        long bytes = 0;
        int minLayer = int.MaxValue;
        foreach (string raw in paths)
        {
            string? path = TarPath.Normalize(raw);
            if (path is null || tree.Resolve(path) is not { } node || node.Kind is not (TarEntryKind.Regular or TarEntryKind.HardLink))
            {
                continue;
            }

            if (seen.Add(node))
            {
                bytes += FileTree.EffectiveSize(node);
                minLayer = Math.Min(minLayer, node.Layer);
                collect?.Add(node);
            }
        }

        return (bytes, seen.Count, minLayer);
    }

    /// <summary>A file directly in <c>var/lib/dpkg/status.d/</c>.</summary>
    internal static bool IsStatusD(string path) =>
        path.StartsWith(StatusD, StringComparison.Ordinal) && path.Length > StatusD.Length && path.IndexOf('/', StatusD.Length) < 0;

    private const string StatusD = "var/lib/dpkg/status.d/";

    /// <summary>
    /// The packages of one <c>status.d/NAME</c> file (Google's distroless images write one per
    /// package): the files listed by <c>status.d/NAME.md5sums</c> (deb-md5sums(5): an MD5 sum, two
    /// spaces, the path without its leading slash) when it is there and visible, else the stanza's
    /// <c>Installed-Size</c> (KiB, deb-control(5)) with a file count of 0. Packages already found
    /// through <c>info/*.list</c> are not counted twice.
    /// </summary>
    private static IEnumerable<PackageUsage> DistrolessDpkg(FileTree tree, FsNode node, HashSet<string> listed)
    {
        if (node.Name.EndsWith(".md5sums", StringComparison.Ordinal))
        {
            yield break;
        }

        FsNode? md5sums = tree.Find(FileTree.PathOf(node)[1..] + ".md5sums");
        if (md5sums?.Content is null || !FileTree.IsVisible(md5sums))
        {
            md5sums = null;
        }

        foreach ((string package, DpkgStanza stanza) in ParseDpkgStatus(node.Content!))
        {
            if (stanza.Installed == false || !listed.Add(package))
            {
                continue;
            }

            if (md5sums is not null)
            {
                IEnumerable<string> paths = Lines(md5sums.Content!)
                    .Select(l => l.IndexOf("  ", StringComparison.Ordinal) is int i and >= 0 ? l[(i + 2)..] : string.Empty)
                    .Where(p => p.Length > 0);
                (long bytes, long files, _) = Sum(tree, paths, null);
                yield return new PackageUsage("dpkg", package, stanza.Version, bytes, node.Layer, files);
            }
            else
            {
                yield return new PackageUsage("dpkg", package, stanza.Version, stanza.InstalledSizeKiB * 1024, node.Layer, 0);
            }
        }
    }

    /// <summary>A dpkg status stanza: <see cref="Installed"/> is null when it has no Status field (distroless).</summary>
    private sealed record DpkgStanza(string Version, bool? Installed, long InstalledSizeKiB);

    private static Dictionary<string, DpkgStanza> ParseDpkgStatus(byte[] content)
    {
        var result = new Dictionary<string, DpkgStanza>(StringComparer.Ordinal);
        string? package = null;
        string version = string.Empty;
        bool? installed = null;
        long size = 0;
        foreach (string line in Lines(content).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (package is not null)
                {
                    result[package] = new DpkgStanza(version, installed, size);
                }

                package = null;
                version = string.Empty;
                installed = null;
                size = 0;
            }
            else if (line.StartsWith("Installed-Size:", StringComparison.Ordinal))
            {
                _ = long.TryParse(line.AsSpan(15).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size);
            }
            else if (line.StartsWith("Package:", StringComparison.Ordinal))
            {
                package = line[8..].Trim();
            }
            else if (line.StartsWith("Version:", StringComparison.Ordinal))
            {
                version = line[8..].Trim();
            }
            else if (line.StartsWith("Status:", StringComparison.Ordinal))
            {
                installed = line.EndsWith(" installed", StringComparison.Ordinal);
            }
        }

        return result;
    }

    private static IEnumerable<string> Lines(byte[] content) =>
        Encoding.UTF8.GetString(content).Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary>The first field of a CSV line (RECORD quotes paths that contain commas or quotes).</summary>
    private static string CsvFirstField(string line)
    {
        if (!line.StartsWith('"'))
        {
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            return comma < 0 ? line : line[..comma];
        }

        var sb = new StringBuilder();
        for (int i = 1; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                    continue;
                }

                break;
            }

            sb.Append(line[i]);
        }

        return sb.ToString();
    }
}
