namespace Headroom.Tests.Dockerfiles;

/// <summary>
/// Finds BuildKit's parser corpus in the shared folder: the repository root is the folder holding
/// Headroom.slnx; the corpus is <c>shared/conformance/buildkit-parser</c> next to it or next to one of
/// its parents (a worktree sits one level deeper than the main checkout). HEADROOM_SHARED overrides.
/// </summary>
internal static class ConformanceCorpus
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string? Directory => Root.Value;

    public static string Require() =>
        Root.Value ?? throw new InvalidOperationException(
            "BuildKit parser corpus not found: expected shared/conformance/buildkit-parser beside the repository (or set HEADROOM_SHARED).");

    public static TheoryData<string> CaseNames(string folder)
    {
        var data = new TheoryData<string>();
        string? root = Root.Value;
        if (root == null || !System.IO.Directory.Exists(Path.Combine(root, folder)))
        {
            // A sentinel that fails the theory instead of running nothing.
            data.Add("<corpus missing>");
            return data;
        }

        foreach (string dir in System.IO.Directory.GetDirectories(Path.Combine(root, folder)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Headroom.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Headroom.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string? Locate()
    {
        string? overridden = Environment.GetEnvironmentVariable("HEADROOM_SHARED");
        if (!string.IsNullOrEmpty(overridden))
        {
            return Path.Combine(overridden, "conformance", "buildkit-parser");
        }

        for (DirectoryInfo? dir = new DirectoryInfo(RepositoryRoot()).Parent; dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "conformance", "buildkit-parser");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads a file as the CLI does: UTF-8, a byte order mark kept as U+FEFF.</summary>
    public static string ReadText(string path) => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));
}
