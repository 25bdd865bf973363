using System.Diagnostics;
using System.Text.Json;

namespace Headroom.Tests.Images;

/// <summary>
/// Ground truth for image figures, independent of Headroom's readers: GNU tar unpacks the archive
/// and then each layer in order into a temporary folder, whiteouts are applied by hand (<c>.wh.NAME</c>
/// removes NAME, <c>.wh..wh..opq</c> empties its folder) before each layer is unpacked, and
/// <c>find -printf '%i %s'</c> sums the sizes of the regular files (each inode once, so hard links
/// count once). Tests only; needs GNU tar (and zstd for zstd layers).
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
        RequireTar();
        using var work = new TempDir();
        string outer = Path.Combine(work.Path, "archive");
        string root = Path.Combine(work.Path, "root");
        Directory.CreateDirectory(outer);
        Directory.CreateDirectory(root);
        Run("tar", "-xf", archive, "-C", outer);
        foreach (string layer in LayerFiles(outer))
        {
            foreach (string raw in Run("tar", "-tf", layer).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string name = raw.TrimStart('.', '/');
                string baseName = Path.GetFileName(name.TrimEnd('/'));
                string dir = Path.GetDirectoryName(name.TrimEnd('/')) ?? string.Empty;
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

            Run("tar", "-xf", layer, "-C", root, "--exclude=.wh.*", "--no-same-owner", "--unlink-first", "--recursive-unlink");
        }

        var inodes = new Dictionary<string, long>(StringComparer.Ordinal);
        long files = 0;
        foreach (string line in Run("find", root, "-type", "f", "-printf", "%i %s\\n").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ');
            inodes[parts[0]] = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            files++;
        }

        return (inodes.Values.Sum(), files);
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
