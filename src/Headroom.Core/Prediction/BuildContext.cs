using System.Text;
using System.Text.RegularExpressions;
using Headroom.Project;
using Headroom.Rules;

namespace Headroom.Prediction;

/// <summary>
/// A Dockerfile's build context as the builder receives it: the files of the context folder that its
/// <c>.dockerignore</c> lets through (<c>Dockerfile.dockerignore</c> next to the Dockerfile first, as
/// BuildKit reads it), with their real sizes. <c>.git</c> and <c>node_modules</c> are part of a context
/// unless ignored, so a context on disk is walked in full.
/// </summary>
public sealed class BuildContext
{
    private readonly List<(string Path, long Bytes)> _files;

    private BuildContext(string directory, List<(string Path, long Bytes)> files, string? ignoreFile)
    {
        Directory = directory;
        _files = files;
        IgnoreFile = ignoreFile;
    }

    /// <summary>The context folder relative to the checked root ("" for the root).</summary>
    public string Directory { get; }

    /// <summary>The ignore file applied (relative to the checked root), or null.</summary>
    public string? IgnoreFile { get; }

    /// <summary>Every file sent, relative to the context, with its size.</summary>
    public IReadOnlyList<(string Path, long Bytes)> Files => _files;

    public long TotalBytes => _files.Sum(f => f.Bytes);

    /// <summary>The context of <paramref name="dockerfilePath"/> (its folder), read once per project.</summary>
    public static BuildContext Of(ProjectModel project, string dockerfilePath, string directory)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.GetOrAdd("<build-context>" + dockerfilePath, _ => Load(project, dockerfilePath, directory));
    }

    /// <summary>
    /// The bytes a COPY/ADD source (relative to the context; <c>*</c>, <c>?</c> and <c>[...]</c> allowed) brings:
    /// the file, or every file below the folder, that the ignore file lets through.
    /// </summary>
    public long BytesOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string cleaned = string.Join('/', source.Replace('\\', '/').Split('/').Where(p => p is not ("" or ".")));
        if (cleaned.Length == 0)
        {
            return TotalBytes;
        }

        if (cleaned.IndexOfAny(['*', '?', '[']) < 0)
        {
            return _files.Where(f => f.Path == cleaned || f.Path.StartsWith(cleaned + "/", StringComparison.Ordinal)).Sum(f => f.Bytes);
        }

        var pattern = new Regex("^" + Regex.Escape(cleaned).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal).Replace(@"\[", "[", StringComparison.Ordinal) + "(?:/.*)?$", RegexOptions.CultureInvariant);
        return _files.Where(f => pattern.IsMatch(f.Path)).Sum(f => f.Bytes);
    }

    private static BuildContext Load(ProjectModel project, string dockerfilePath, string directory)
    {
        string prefix = directory.Length == 0 ? string.Empty : directory + "/";
        string? ignoreFile = null;
        string? ignoreText = null;
        foreach (string candidate in new[] { dockerfilePath + ".dockerignore", prefix + ".dockerignore" })
        {
            if (project.Repository.ReadText(candidate) is { } text)
            {
                ignoreFile = candidate;
                ignoreText = text;
                break;
            }
        }

        var ignore = new DockerIgnore(ignoreText);
        var files = new List<(string Path, long Bytes)>();
        foreach ((string path, long bytes) in Enumerate(project, directory))
        {
            if (!ignore.IsExcluded(path))
            {
                files.Add((path, bytes));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new BuildContext(directory, files, ignoreFile);
    }

    private static IEnumerable<(string Path, long Bytes)> Enumerate(ProjectModel project, string directory)
    {
        IRepositoryFiles repository = project.Repository is OverlayRepositoryFiles overlay ? overlay.Inner : project.Repository;
        if (repository is DirectoryRepositoryFiles disk)
        {
            string root = Path.Combine(disk.Root, directory);
            if (!System.IO.Directory.Exists(root))
            {
                yield break;
            }

            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (string file in System.IO.Directory.EnumerateFiles(root, "*", options))
            {
                yield return (Path.GetRelativePath(root, file).Replace('\\', '/'), new FileInfo(file).Length);
            }

            yield break;
        }

        string prefix = directory.Length == 0 ? string.Empty : directory + "/";
        foreach (string file in project.Repository.EnumerateFiles(directory))
        {
            string relative = file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : file;
            yield return (relative, Encoding.UTF8.GetByteCount(project.Repository.ReadText(file) ?? string.Empty));
        }
    }
}
