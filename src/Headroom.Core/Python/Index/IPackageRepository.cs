namespace Headroom.Python.Index;

/// <summary>
/// The package indexes an install uses, as one source (the index clients implement it over HTTP with a
/// cache; tests and offline predictions implement it in memory). Which indexes are asked, and whether the
/// files of every index are merged (pip) or the first index that has the project wins (uv), is the
/// implementation's business: callers see the files the installer would consider.
/// </summary>
public interface IPackageRepository
{
    /// <summary>Every file of the project (normalized PEP 503 name) on the indexes in use; empty when no index has it.</summary>
    /// <exception cref="Headroom.Diagnostics.InputException">An index failed and no usable cached copy exists.</exception>
    Task<IReadOnlyList<DistributionFile>> GetFilesAsync(string normalizedName, CancellationToken cancellationToken);

    /// <summary>The file's core metadata (PEP 658 file, or the wheel's METADATA read with range requests); null when it cannot be had.</summary>
    Task<CoreMetadata?> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken);

    /// <summary>The bytes the wheel occupies once installed (the sum of its zip central directory's uncompressed sizes); null when unknown.</summary>
    Task<long?> GetInstalledSizeAsync(DistributionFile file, CancellationToken cancellationToken);

    /// <summary>
    /// The file's download size in bytes: the listing's (PEP 700), else what the implementation can find out
    /// (PyPI's JSON API, a HEAD request); null when unknown. The default is the listing's.
    /// </summary>
    Task<long?> GetDownloadSizeAsync(DistributionFile file, CancellationToken cancellationToken) => Task.FromResult(file?.Size);
}
