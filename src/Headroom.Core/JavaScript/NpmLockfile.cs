using System.Text.Json;
using Headroom.Diagnostics;

namespace Headroom.JavaScript;

/// <summary>One installed package of an npm lock file: where it lands, its version and the flags that decide whether it is installed.</summary>
/// <param name="Path">The install path (<c>node_modules/vite</c>, <c>node_modules/a/node_modules/b</c>).</param>
/// <param name="Name">The package name (<c>@esbuild/linux-x64</c>).</param>
/// <param name="Version">The version.</param>
/// <param name="Dev">Only a dev dependency needs it (<c>dev: true</c>, or <c>devOptional</c>: left out with <c>--omit=dev</c>).</param>
/// <param name="Optional">An optional dependency (installed when its platform fields match).</param>
/// <param name="Os">The <c>os</c> field (<c>linux</c>, <c>!win32</c>), empty when any.</param>
/// <param name="Cpu">The <c>cpu</c> field (<c>x64</c>, <c>arm64</c>), empty when any.</param>
/// <param name="Libc">The <c>libc</c> field (<c>glibc</c>, <c>musl</c>), empty when any.</param>
/// <param name="Resolved">The tarball URL, or null (npm can leave it out).</param>
public sealed record NpmLockEntry(string Path, string Name, string Version, bool Dev, bool Optional, IReadOnlyList<string> Os, IReadOnlyList<string> Cpu, IReadOnlyList<string> Libc, string? Resolved)
{
    /// <summary>Whether npm installs it on <paramref name="os"/>/<paramref name="cpu"/> with <paramref name="libc"/> (npm's platform check: a list of allowed values, or <c>!value</c> exclusions).</summary>
    public bool InstallsOn(string os, string cpu, string libc) => Allows(Os, os) && Allows(Cpu, cpu) && Allows(Libc, libc);

    private static bool Allows(IReadOnlyList<string> field, string value)
    {
        if (field.Count == 0)
        {
            return true;
        }

        if (field.Contains("!" + value, StringComparer.Ordinal))
        {
            return false;
        }

        bool onlyExclusions = field.All(f => f.StartsWith('!'));
        return onlyExclusions || field.Contains(value, StringComparer.Ordinal) || field.Contains("any", StringComparer.Ordinal);
    }
}

/// <summary>
/// An npm lock file (<c>package-lock.json</c> or <c>npm-shrinkwrap.json</c>): lockfileVersion 2 and 3 are read from
/// their <c>packages</c> map; version 1 from its nested <c>dependencies</c>.
/// </summary>
public sealed class NpmLockfile
{
    private NpmLockfile(int version, IReadOnlyList<NpmLockEntry> entries)
    {
        LockfileVersion = version;
        Entries = entries;
    }

    /// <summary><c>lockfileVersion</c> (1, 2 or 3).</summary>
    public int LockfileVersion { get; }

    /// <summary>Every package the lock file would install on some platform (links and the root left out).</summary>
    public IReadOnlyList<NpmLockEntry> Entries { get; }

    /// <summary>What <c>npm ci</c> installs for the platform, without dev dependencies when <paramref name="omitDev"/>.</summary>
    public IEnumerable<NpmLockEntry> Installed(bool omitDev, string os, string cpu, string libc) =>
        Entries.Where(e => !(omitDev && e.Dev) && e.InstallsOn(os, cpu, libc));

    /// <summary>Reads a lock file; malformed JSON is an <see cref="InputException"/> naming the file and line.</summary>
    public static NpmLockfile Read(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 512 });
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{path}:1: a lock file is a JSON object");
            }

            int version = root.TryGetProperty("lockfileVersion", out JsonElement v) && v.TryGetInt32(out int n) ? n : 1;
            var entries = new List<NpmLockEntry>();
            if (root.TryGetProperty("packages", out JsonElement packages) && packages.ValueKind == JsonValueKind.Object)
            {
                foreach (System.Text.Json.JsonProperty package in packages.EnumerateObject())
                {
                    // The root (""), workspace folders (no node_modules/ in the key) and links download nothing.
                    if (!package.Name.Contains("node_modules/", StringComparison.Ordinal) || package.Value.ValueKind != JsonValueKind.Object || Bool(package.Value, "link"))
                    {
                        continue;
                    }

                    JsonElement e = package.Value;
                    int at = package.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
                    string name = Text(e, "name") ?? (at >= 0 ? package.Name[(at + "node_modules/".Length)..] : package.Name);
                    entries.Add(new NpmLockEntry(
                        package.Name,
                        name,
                        Text(e, "version") ?? string.Empty,
                        Bool(e, "dev") || Bool(e, "devOptional"),
                        Bool(e, "optional") || Bool(e, "devOptional"),
                        Strings(e, "os"),
                        Strings(e, "cpu"),
                        Strings(e, "libc"),
                        Text(e, "resolved")));
                }
            }
            else if (root.TryGetProperty("dependencies", out JsonElement dependencies) && dependencies.ValueKind == JsonValueKind.Object)
            {
                AddV1(dependencies, "node_modules/", entries);
            }

            return new NpmLockfile(version, entries);
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}:{(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message.Split('.')[0]})", e);
        }
    }

    private static void AddV1(JsonElement dependencies, string prefix, List<NpmLockEntry> entries)
    {
        foreach (System.Text.Json.JsonProperty dependency in dependencies.EnumerateObject())
        {
            if (dependency.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            JsonElement e = dependency.Value;
            string path = prefix + dependency.Name;
            string version = Text(e, "version") ?? string.Empty;
            if (!version.StartsWith("file:", StringComparison.Ordinal))
            {
                entries.Add(new NpmLockEntry(path, dependency.Name, version, Bool(e, "dev"), Bool(e, "optional"), [], [], [], Text(e, "resolved")));
            }

            if (e.TryGetProperty("dependencies", out JsonElement nested) && nested.ValueKind == JsonValueKind.Object)
            {
                AddV1(nested, path + "/node_modules/", entries);
            }
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

    private static string[] Strings(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v)
        ? v.ValueKind switch
        {
            JsonValueKind.Array => [.. v.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!)],
            JsonValueKind.String => [v.GetString()!],
            _ => [],
        }
        : [];
}
