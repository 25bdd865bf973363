using System.Collections.Concurrent;
using Headroom.Project;
using Headroom.Text;

namespace Headroom.Rules;

/// <summary>
/// The checked repository: its root, the files Headroom reads there, and the models parsed from
/// them, each parsed once and shared by every rule (see <see cref="GetOrAdd{T}"/>). Paths are relative
/// to the root, with <c>/</c>; the <see cref="SourceText.Path"/> of every loaded file is that relative path.
/// </summary>
public sealed class ProjectModel
{
    private readonly ConcurrentDictionary<(Type, string), Lazy<object?>> _cache = new();

    public ProjectModel(string root, IReadOnlyList<ProjectFile> files, IRepositoryFiles repository)
    {
        ArgumentNullException.ThrowIfNull(files);
        Root = root;
        Files = files;
        Repository = repository;
    }

    /// <summary>The checked folder (absolute).</summary>
    public string Root { get; }

    /// <summary>The files to check, sorted by relative path.</summary>
    public IReadOnlyList<ProjectFile> Files { get; }

    /// <summary>Read access to every file under the root (models follow references with it).</summary>
    public IRepositoryFiles Repository { get; }

    /// <summary>Scans <paramref name="path"/>: a folder is the root; a single file is checked with its folder as the root.</summary>
    public static ProjectModel Load(string path)
    {
        string full = Path.GetFullPath(path);
        IReadOnlyList<ProjectFile> files = ProjectScanner.Scan(full);
        string root = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        return new ProjectModel(root, files, new DirectoryRepositoryFiles(root));
    }

    /// <summary>A project held in memory (tests, and re-checking fixed text before it is written): relative path to text.</summary>
    public static ProjectModel FromFiles(IEnumerable<KeyValuePair<string, string>> files, string root = "/project")
    {
        var repository = new InMemoryRepositoryFiles(files);
        List<ProjectFile> known = [];
        foreach (string path in repository.EnumerateFiles(string.Empty))
        {
            if (ProjectFileClassifier.Classify(path) is { } kind)
            {
                known.Add(new ProjectFile(root + "/" + path, path, kind));
            }
        }

        known.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new ProjectModel(root, known, repository);
    }

    public IEnumerable<ProjectFile> FilesOfKind(ProjectFileKind kind) => Files.Where(f => f.Kind == kind);

    /// <summary>The text of a file under the root, with its relative path; null when it does not exist.</summary>
    public SourceText? ReadSource(string relativePath) =>
        GetOrAdd(relativePath, p => Repository.ReadText(p) is { } text ? new SourceText(text, p) : null);

    /// <summary>
    /// The model of type <typeparamref name="T"/> for <paramref name="key"/> (usually a relative path),
    /// created once by <paramref name="create"/>. An exception thrown by <paramref name="create"/> (an
    /// <see cref="Diagnostics.InputException"/> for malformed input) is thrown again to every caller.
    /// </summary>
    public T GetOrAdd<T>(string key, Func<string, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Lazy<object?> lazy = _cache.GetOrAdd((typeof(T), key), k => new Lazy<object?>(() => create(k.Item2), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value!;
    }
}
