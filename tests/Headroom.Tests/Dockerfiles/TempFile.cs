namespace Headroom.Tests.Dockerfiles;

/// <summary>A file in the temp folder, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(byte[] content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "headroom-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(Path, content);
    }

    public TempFile(string text)
        : this(System.Text.Encoding.UTF8.GetBytes(text))
    {
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
