using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>
/// Byte categories of the final filesystem. Each file is in at most one category: the outermost
/// folder that matches a folder rule decides; a file in no such folder may match a file rule.
/// </summary>
public static class Categories
{
    public const string Cuda = "cuda";
    public const string PipCache = "pip-cache";
    public const string AptLists = "apt-lists";
    public const string AptArchives = "apt-archives";
    public const string NpmCache = "npm-cache";
    public const string YarnCache = "yarn-cache";
    public const string CondaPkgs = "conda-pkgs";
    public const string Pycache = "pycache";
    public const string Docs = "docs";
    public const string Locales = "locales";
    public const string Git = "git";
    public const string Tmp = "tmp";

    /// <summary>Every category name, for <c>--forbid</c> validation and documentation.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Cuda, PipCache, AptLists, AptArchives, NpmCache, YarnCache, CondaPkgs, Pycache, Docs, Locales, Git, Tmp];

    private static readonly string[] CudaLibraryPrefixes =
    [
        "libcublas", "libcudart", "libcufft", "libcufile", "libcurand", "libcusolver", "libcusparse", "libcupti",
        "libcudnn", "libcuda.", "libcuinj", "libcutensor", "libnccl", "libnvrtc", "libnvJitLink", "libnvjitlink",
        "libnvToolsExt", "libnvblas", "libnpp", "libnvjpeg",
    ];

    /// <summary>
    /// Whether a Debian package holds CUDA: NVIDIA's repository names them <c>cuda-*</c> and
    /// <c>libcublas-12-1</c>, <c>libcudnn8</c>, <c>libnccl2</c> (the nvidia/cuda images), Debian's own
    /// <c>nvidia-cuda-toolkit</c>, <c>libcuda1</c> and <c>libnvidia-*</c>. Their files count as
    /// <c>cuda</c> wherever they are, unless a folder rule (docs, locales) claims them first.
    /// </summary>
    internal static bool IsCudaDebianPackage(string package)
    {
        if (package.StartsWith("cuda-", StringComparison.Ordinal) || package.StartsWith("nvidia-cuda", StringComparison.Ordinal)
            || package.StartsWith("libnvidia-", StringComparison.Ordinal)
            || (package.StartsWith("libcuda", StringComparison.Ordinal) && package.Length > 7 && char.IsAsciiDigit(package[7])))
        {
            return true;
        }

        foreach (string prefix in CudaLibraryPrefixes)
        {
            if (!prefix.EndsWith('.') && package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The category of a folder, given its parent and its path without a leading slash.</summary>
    internal static string? OfFolder(FsNode dir, string path)
    {
        string name = dir.Name;
        string? parent = dir.Parent?.Name;
        switch (name)
        {
            case "pip" when parent == ".cache":
                return PipCache;
            case "yarn" when parent == ".cache":
                return YarnCache;
            case "_cacache" when parent == ".npm":
                return NpmCache;
            case "__pycache__":
                return Pycache;
            case ".git":
                return Git;
            case "nvidia" or "triton" when parent is "site-packages" or "dist-packages":
                return Cuda;
            case "pkgs" when dir.Parent?.Children?.ContainsKey("conda-meta") == true:
                return CondaPkgs;
            default:
                break;
        }

        if ((name.StartsWith("nvidia_", StringComparison.Ordinal) || name.StartsWith("triton-", StringComparison.Ordinal))
            && name.EndsWith(".dist-info", StringComparison.Ordinal))
        {
            return Cuda;
        }

        return path switch
        {
            "var/lib/apt/lists" => AptLists,
            "var/cache/apt/archives" => AptArchives,
            "usr/share/doc" or "usr/share/man" or "usr/share/info" or "usr/share/gtk-doc" => Docs,
            "usr/share/locale" => Locales,
            "tmp" or "var/tmp" => Tmp,
            _ when path.StartsWith("usr/local/cuda", StringComparison.Ordinal) && path.IndexOf('/', 10) < 0 => Cuda,
            _ => null,
        };
    }

    /// <summary>The category of a file in no categorised folder.</summary>
    internal static string? OfFile(FsNode file, HashSet<FsNode> cudaFiles)
    {
        if (cudaFiles.Contains(file))
        {
            return Cuda;
        }

        string name = file.Name;
        foreach (string prefix in CudaLibraryPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Cuda;
            }
        }

        return name.EndsWith(".pyc", StringComparison.Ordinal) && file.Kind == TarEntryKind.Regular ? Pycache : null;
    }
}
