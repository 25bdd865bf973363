using Headroom.Diagnostics;
using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>The files of an image archive or layout directory, by normalised relative path.</summary>
internal interface IArchiveFiles
{
    string DisplayName { get; }

    bool TryGetSize(string path, out long size);

    Stream Open(string path);
}

/// <summary>Reading helpers shared by the archive and directory sources.</summary>
internal static class ArchiveFilesExtensions
{
    /// <summary>Largest JSON document (index, manifest, config) read into memory.</summary>
    public const long MaxJsonSize = 64L << 20;

    public static byte[] ReadJson(this IArchiveFiles files, string path, string what)
    {
        if (!files.TryGetSize(path, out long size))
        {
            throw new InputException($"{files.DisplayName}: {what} '{path}' is missing");
        }

        if (size > MaxJsonSize)
        {
            throw new InputException($"{files.DisplayName}: {path}: {size} bytes is too large for a {what}");
        }

        using Stream s = files.Open(path);
        var data = new byte[size];
        if (BlobStreams.ReadAtMost(s, data) != size)
        {
            throw new InputException($"{files.DisplayName}: {path}: unexpected end of file");
        }

        return data;
    }
}

/// <summary>An OCI image layout directory (<c>oci:DIR</c>).</summary>
internal sealed class DirectoryFiles(string root, string displayName) : IArchiveFiles
{
    public string DisplayName => displayName;

    public bool TryGetSize(string path, out long size)
    {
        var info = new FileInfo(Path.Combine(root, path));
        size = info.Exists ? info.Length : 0;
        return info.Exists;
    }

    public Stream Open(string path)
    {
        try
        {
            return new FileStream(Path.Combine(root, path), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{displayName}: {path}: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// A seekable tar file (docker-archive, oci-archive), indexed once: each member's data offset and
/// size, so that blobs can then be opened independently and read in parallel.
/// </summary>
internal sealed class IndexedTarFiles : IArchiveFiles
{
    private readonly string _file;
    private readonly Dictionary<string, (long Offset, long Size)> _members = new(StringComparer.Ordinal);
    private readonly ArchiveLinks _links = new();

    public IndexedTarFiles(string file, string displayName)
    {
        _file = file;
        DisplayName = displayName;
        using FileStream fs = OpenFile(1);
        using var reader = new TarStreamReader(fs, "tar archive", 16 * 1024);
        try
        {
            while (reader.MoveNext())
            {
                string? path = TarPath.Normalize(reader.Name);
                if (path is null)
                {
                    continue;
                }

                if (reader.Kind == TarEntryKind.Regular)
                {
                    _members[path] = (reader.Position, reader.StoredSize);
                }
                else if (reader.Kind is TarEntryKind.Symlink or TarEntryKind.HardLink && reader.LinkName is not null)
                {
                    // docker save writes a layer it has already written as a symlink to the first copy.
                    _links.Add(path, reader.LinkName, reader.Kind == TarEntryKind.HardLink);
                }
            }
        }
        catch (InputException ex)
        {
            throw new InputException($"{displayName}: {ex.Message}", ex);
        }
    }

    public string DisplayName { get; }

    public IEnumerable<string> Paths => _members.Keys;

    public bool TryGetSize(string path, out long size)
    {
        bool found = _members.TryGetValue(_links.Resolve(path), out (long Offset, long Size) m);
        size = m.Size;
        return found;
    }

    public Stream Open(string path)
    {
        if (!_members.TryGetValue(_links.Resolve(path), out (long Offset, long Size) m))
        {
            throw new InputException($"{DisplayName}: '{path}' is missing from the archive");
        }

        return new SubStream(OpenFile(64 * 1024), m.Offset, m.Size);
    }

    private FileStream OpenFile(int bufferSize)
    {
        try
        {
            return new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{DisplayName}: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// A random-access source over archive files: a docker-archive or oci-archive tar file, or an OCI
/// layout directory. Which layout is inside is decided by <see cref="ImageLayout"/>.
/// </summary>
internal sealed class ArchiveImageSource(IArchiveFiles files) : IRandomAccessImageSource
{
    public string DisplayName => files.DisplayName;

    public int MaxParallelism => Environment.ProcessorCount;

    public ResolvedImage Resolve(ImageSelector selector, CancellationToken cancellationToken) =>
        ImageLayout.Resolve(files, selector);

    public Stream OpenBlob(LayerDescriptor layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!files.TryGetSize(layer.BlobKey, out _))
        {
            throw new InputException($"{DisplayName}: blob '{layer.BlobKey}' ({layer.Digest}) is missing");
        }

        return files.Open(layer.BlobKey);
    }

    public void Dispose()
    {
    }
}

/// <summary>Symbolic and hard links between members of an archive, resolved inside the archive only.</summary>
internal sealed class ArchiveLinks
{
    private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);

    public void Add(string path, string target, bool fromRoot)
    {
        int slash = path.LastIndexOf('/');
        string joined = fromRoot || slash < 0 ? target : path[..slash] + "/" + target;
        if (!TarPath.Escapes(joined) && TarPath.Normalize(joined) is string normalized)
        {
            _targets[path] = normalized;
        }
    }

    /// <summary>Follows links (at most 8); a path that is no link is returned as is.</summary>
    public string Resolve(string path)
    {
        for (int i = 0; i < 8 && _targets.TryGetValue(path, out string? target); i++)
        {
            path = target;
        }

        return path;
    }
}
