using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Headroom.Tests.Images;

/// <summary>
/// Ground truth for image figures, independent of Headroom's readers: GNU tar unpacks the archive
/// (or an OCI layout directory is read as it is) and then each layer in order into a temporary
/// folder, whiteouts are applied by hand (<c>.wh.NAME</c> removes NAME, <c>.wh..wh..opq</c> empties
/// its folder) before each layer is unpacked, and <c>find -printf '%i %s'</c> sums the sizes of the
/// regular files (each inode once, so hard links count once). Per layer: <c>tar -tv</c> sizes of
/// its regular files, the blob's size on disk, and the non-folder paths visible before, after the
/// whiteouts and after the unpacking (<c>find ! -type d</c>) give the added, modified and removed
/// counts. Packages: the files that the final <c>dpkg/info/*.list</c> and <c>*.dist-info/RECORD</c>
/// files list, resolved on disk inside the root. Tests only; needs GNU tar and find (and zstd for
/// zstd layers).
/// </summary>
internal static class GroundTruth
{
    /// <summary>Skips the test when GNU tar is absent, or fails it when HEADROOM_REQUIRE_INTEGRATION=1.</summary>
    public static void RequireTar()
    {
        if (Which("tar") && Which("find"))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("HEADROOM_REQUIRE_INTEGRATION") == "1")
        {
            Assert.Fail("GNU tar and find are required (HEADROOM_REQUIRE_INTEGRATION=1)");
        }

        Assert.Skip("GNU tar or find is not installed");
    }

    /// <summary>The final filesystem of a docker-archive or OCI archive: (bytes, regular file paths).</summary>
    public static (long FinalBytes, long Files) Measure(string archive)
    {
        Truth truth = Analyze(archive, packages: false);
        return (truth.FinalBytes, truth.FileCount);
    }

    /// <summary>Every figure of an archive (docker-archive, OCI archive) or an OCI layout directory.</summary>
    public static Truth Analyze(string archiveOrLayout, bool packages)
    {
        RequireTar();
        using var work = new TempDir();
        string outer = archiveOrLayout;
        if (!Directory.Exists(archiveOrLayout))
        {
            outer = Path.Combine(work.Path, "archive");
            Directory.CreateDirectory(outer);
            Run("tar", "-xf", archiveOrLayout, "-C", outer);
        }

        string root = Path.Combine(work.Path, "root");
        Directory.CreateDirectory(root);
        var layers = new List<TruthLayer>();
        foreach (string layer in LayerFiles(outer))
        {
            layers.Add(ApplyLayer(layer, root));
        }

        Dictionary<string, (string Inode, long Size)> final = RegularFiles(root);
        long finalBytes = final.Values.DistinctBy(f => f.Inode).Sum(f => f.Size);
        Dictionary<string, List<long>> found = packages ? Packages(root, final) : [];
        return new Truth(
            layers,
            finalBytes,
            final.Count,
            found.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<long>)[.. kv.Value.Order()], StringComparer.Ordinal));
    }

    /// <summary>The stored sizes of the layer blobs of an archive or an OCI layout directory, in order.</summary>
    public static IReadOnlyList<long> BlobSizes(string archiveOrLayout)
    {
        RequireTar();
        if (Directory.Exists(archiveOrLayout))
        {
            return LayerFiles(archiveOrLayout).Select(f => new FileInfo(f).Length).ToList();
        }

        using var work = new TempDir();
        Run("tar", "-xf", archiveOrLayout, "-C", work.Path);
        return LayerFiles(work.Path).Select(f => new FileInfo(f).Length).ToList();
    }

    private static TruthLayer ApplyLayer(string layer, string root)
    {
        // LC_ALL=C.UTF-8 and literal quoting: names as they are; numeric owners: no spaces in them.
        var entries = new List<(char Type, long Size, string Path)>();
        foreach (string line in Run("tar", "--quoting-style=literal", "--numeric-owner", "-tvf", layer).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            string name = f[5];
            int arrow = f[0][0] switch { 'l' => name.IndexOf(" -> ", StringComparison.Ordinal), 'h' => name.IndexOf(" link to ", StringComparison.Ordinal), _ => -1 };
            name = Normalize(arrow < 0 ? name : name[..arrow]);
            long size = f[0][0] == '-' ? long.Parse(f[2], CultureInfo.InvariantCulture) : 0;
            entries.Add((f[0][0], size, name));
        }

        HashSet<string> before = NonFolders(root);
        foreach ((_, _, string name) in entries)
        {
            string baseName = Path.GetFileName(name);
            string dir = Path.GetDirectoryName(name) ?? string.Empty;
            if (baseName == ".wh..wh..opq")
            {
                string target = Path.Combine(root, dir);
                if (Directory.Exists(target))
                {
                    foreach (string child in Directory.EnumerateFileSystemEntries(target))
                    {
                        Remove(child);
                    }
                }
            }
            else if (baseName.StartsWith(".wh.", StringComparison.Ordinal))
            {
                Remove(Path.Combine(root, dir, baseName[4..]));
            }
        }

        HashSet<string> whitedOut = NonFolders(root);

        // A folder replaced by a non-folder, or the reverse, hides what was there (overlay). GNU tar
        // would refuse the first and, with --recursive-unlink, would also empty folders that a
        // layer merely lists again: remove exactly the replaced entries, then unpack with defaults.
        foreach ((char type, _, string name) in entries)
        {
            string full = Path.Combine(root, name);
            var info = new FileInfo(full);
            bool isLink = info.LinkTarget is not null;
            if (type == 'd' ? (info.Exists || isLink) : (!isLink && Directory.Exists(full)))
            {
                Remove(full);
            }
        }

        Run("tar", "-xf", layer, "-C", root, "--exclude=.wh.*", "--no-same-owner");
        HashSet<string> after = NonFolders(root);
        int added = 0;
        int modified = 0;
        foreach (string name in entries.Where(e => e.Type != 'd' && !Path.GetFileName(e.Path).StartsWith(".wh.", StringComparison.Ordinal)).Select(e => e.Path).Distinct())
        {
            if (whitedOut.Contains(name))
            {
                modified++;
            }
            else
            {
                added++;
            }
        }

        int removed = before.Count(p => !whitedOut.Contains(p)) + whitedOut.Count(p => !after.Contains(p));
        return new TruthLayer(entries.Sum(e => e.Size), new FileInfo(layer).Length, added, modified, removed);
    }

    private static string Normalize(string name)
    {
        while (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        return name.Trim('/');
    }

    private static HashSet<string> NonFolders(string root) =>
        [.. Run("find", root, "-mindepth", "1", "!", "-type", "d", "-printf", "%P\\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Regular files by path (relative to the root): inode and size.</summary>
    private static Dictionary<string, (string Inode, long Size)> RegularFiles(string root)
    {
        var files = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        foreach (string line in Run("find", root, "-type", "f", "-printf", "%i %s %P\\n").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ', 3);
            files[parts[2]] = (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return files;
    }

    /// <summary>"dpkg:NAME" and "pip:NAME" (lowercase, <c>_</c> and <c>.</c> as <c>-</c>) → the bytes
    /// of each install (a name can be installed twice: the system's pip and a virtualenv's).</summary>
    private static Dictionary<string, List<long>> Packages(string root, Dictionary<string, (string Inode, long Size)> final)
    {
        var result = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        void Add(string key, long bytes)
        {
            if (!result.TryGetValue(key, out List<long>? list))
            {
                result[key] = list = [];
            }

            list.Add(bytes);
        }

        string info = Path.Combine(root, "var/lib/dpkg/info");
        HashSet<string>? installed = null;
        string status = Path.Combine(root, "var/lib/dpkg/status");
        if (File.Exists(status))
        {
            installed = [];
            foreach (string stanza in File.ReadAllText(status).Split("\n\n"))
            {
                string[] lines = stanza.Split('\n');
                string? name = lines.FirstOrDefault(l => l.StartsWith("Package: ", StringComparison.Ordinal))?[9..];
                if (name is not null && lines.Any(l => l.StartsWith("Status: ", StringComparison.Ordinal) && l.EndsWith(" installed", StringComparison.Ordinal)))
                {
                    installed.Add(name);
                }
            }
        }

        if (Directory.Exists(info))
        {
            foreach (string list in Directory.EnumerateFiles(info, "*.list"))
            {
                string name = Path.GetFileNameWithoutExtension(list).Split(':')[0];
                if (installed is null || installed.Contains(name))
                {
                    Add("dpkg:" + name, SumListed(root, final, File.ReadAllLines(list).Select(l => l.TrimStart('/'))));
                }
            }
        }

        foreach (string record in Run("find", root, "-path", "*.dist-info/RECORD", "-type", "f", "-printf", "%P\\n").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string distInfo = Path.GetDirectoryName(record)!;
            string baseDir = Path.GetDirectoryName(distInfo) ?? string.Empty;
            string folder = Path.GetFileName(distInfo);
            string name = folder[..folder.IndexOf('-', StringComparison.Ordinal)].ToLowerInvariant().Replace('_', '-').Replace('.', '-');
            IEnumerable<string> paths = File.ReadAllLines(Path.Combine(root, record))
                .Select(l => l.Split(',')[0])
                .Where(p => p.Length > 0)
                .Select(p => p.StartsWith('/') ? p[1..] : Path.Combine(baseDir, p));
            Add("pip:" + name, SumListed(root, final, paths));
        }

        return result;
    }

    /// <summary>Σ sizes of the listed regular files, each inode once; folder symlinks followed inside the root.</summary>
    private static long SumListed(string root, Dictionary<string, (string Inode, long Size)> final, IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (string path in paths)
        {
            if (ResolveInRoot(root, path) is string rel && final.TryGetValue(rel, out (string Inode, long Size) file) && seen.Add(file.Inode))
            {
                bytes += file.Size;
            }
        }

        return bytes;
    }

    /// <summary>The root-relative path that <paramref name="path"/> names, following symlinks in its
    /// folders (not the last part) as the kernel would inside a chroot; null when it does not exist.</summary>
    private static string? ResolveInRoot(string root, string path)
    {
        var parts = new List<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var current = new List<string>();
        int hops = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            string part = parts[i];
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current.Count > 0)
                {
                    current.RemoveAt(current.Count - 1);
                }

                continue;
            }

            string full = Path.Combine(root, string.Join('/', current.Append(part)));
            var entry = new FileInfo(full);
            if (i < parts.Count - 1 && entry.LinkTarget is string target)
            {
                if (++hops > 40)
                {
                    return null;
                }

                if (target.StartsWith('/'))
                {
                    current.Clear();
                }

                parts = [.. target.Split('/', StringSplitOptions.RemoveEmptyEntries), .. parts.Skip(i + 1)];
                i = -1;
                continue;
            }

            if (!entry.Exists && !Directory.Exists(full))
            {
                return null;
            }

            current.Add(part);
        }

        return string.Join('/', current);
    }

    private static List<string> LayerFiles(string outer)
    {
        string manifest = Path.Combine(outer, "manifest.json");
        if (File.Exists(manifest))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            return doc.RootElement[0].GetProperty("Layers").EnumerateArray().Select(l => Path.Combine(outer, l.GetString()!)).ToList();
        }

        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outer, "index.json")));
        string digest = index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        using var m = JsonDocument.Parse(File.ReadAllBytes(Blob(outer, digest)));
        return m.RootElement.GetProperty("layers").EnumerateArray().Select(l => Blob(outer, l.GetProperty("digest").GetString()!)).ToList();
    }

    private static string Blob(string outer, string digest) => Path.Combine(outer, "blobs", "sha256", digest["sha256:".Length..]);

    private static void Remove(string path)
    {
        if (Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["LC_ALL"] = "C.UTF-8";
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr}");
        }

        return stdout.Result;
    }
}

/// <summary>One layer's figures by the ground truth.</summary>
internal sealed record TruthLayer(long Bytes, long CompressedBytes, int Added, int Modified, int Removed);

/// <summary>An image's figures by the ground truth; packages keyed <c>ecosystem:name</c>, the bytes
/// of each install of that name in ascending order.</summary>
internal sealed record Truth(IReadOnlyList<TruthLayer> Layers, long FinalBytes, long FileCount, IReadOnlyDictionary<string, IReadOnlyList<long>> Packages)
{
    public long Bytes => Layers.Sum(l => l.Bytes);

    public long ReclaimableBytes => Bytes - FinalBytes;
}
