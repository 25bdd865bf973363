namespace Headroom.Project;

/// <summary><see cref="IRepositoryFiles"/> over a dictionary of relative path to text (tests, editors).</summary>
public sealed class InMemoryRepositoryFiles : IRepositoryFiles
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    public InMemoryRepositoryFiles(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (path, text) in files)
        {
            if (RepositoryPath.Normalize(path) is { } normalized)
            {
                _files[normalized] = text;
            }
        }
    }

    public string? ReadText(string path) =>
        RepositoryPath.Normalize(path) is { } p && _files.TryGetValue(p, out string? text) ? text : null;

    public bool FileExists(string path) => RepositoryPath.Normalize(path) is { } p && _files.ContainsKey(p);

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        string? dir = RepositoryPath.Normalize(directory);
        if (dir is null)
        {
            return [];
        }

        string prefix = dir.Length == 0 ? string.Empty : dir + "/";
        return _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)
            && !k.Split('/').Any(part => part is ".git" or "node_modules"));
    }
}
