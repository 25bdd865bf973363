using Headroom.Project;

namespace Headroom.Prediction;

/// <summary>A repository with some files' text replaced in memory: the variants that <see cref="Alternatives"/> predicts.</summary>
public sealed class OverlayRepositoryFiles(IRepositoryFiles inner, IReadOnlyDictionary<string, string> replaced) : IRepositoryFiles
{
    /// <summary>The repository underneath (for the build context's real file sizes).</summary>
    public IRepositoryFiles Inner { get; } = inner;

    public string? ReadText(string path) => replaced.TryGetValue(path, out string? text) ? text : Inner.ReadText(path);

    public bool FileExists(string path) => replaced.ContainsKey(path) || Inner.FileExists(path);

    public IEnumerable<string> EnumerateFiles(string directory) => Inner.EnumerateFiles(directory);
}
