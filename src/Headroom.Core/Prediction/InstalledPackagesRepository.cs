using Headroom.Python.Index;

namespace Headroom.Prediction;

/// <summary>
/// The indexes as a later <c>pip install</c> of the same stage chain sees them: a package that an earlier install put
/// there is offered only at its installed version (pip keeps an installed package that satisfies the requirement, so
/// <c>torch==2.3.1</c> after a CPU torch install keeps <c>2.3.1+cpu</c>); everything else comes from the indexes.
/// </summary>
internal sealed class InstalledPackagesRepository(IPackageRepository inner, IReadOnlyDictionary<string, CoreMetadata> installed) : IPackageRepository
{
    private const string InstalledScheme = "installed:";

    public Task<IReadOnlyList<DistributionFile>> GetFilesAsync(string normalizedName, CancellationToken cancellationToken)
    {
        if (installed.TryGetValue(normalizedName, out CoreMetadata? metadata))
        {
            string filename = $"{normalizedName.Replace('-', '_')}-{metadata.Version}-py3-none-any.whl";
            var file = new DistributionFile(filename, new Uri(InstalledScheme + normalizedName), "the image (installed earlier)", metadata.Version, 0, new Dictionary<string, string>(), null, false, true);
            return Task.FromResult<IReadOnlyList<DistributionFile>>([file]);
        }

        return inner.GetFilesAsync(normalizedName, cancellationToken);
    }

    public Task<CoreMetadata?> GetMetadataAsync(DistributionFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return IsInstalled(file)
            ? Task.FromResult(installed.GetValueOrDefault(file.Url.AbsoluteUri[InstalledScheme.Length..]))
            : inner.GetMetadataAsync(file, cancellationToken);
    }

    public Task<long?> GetInstalledSizeAsync(DistributionFile file, CancellationToken cancellationToken) =>
        IsInstalled(file) ? Task.FromResult<long?>(0) : inner.GetInstalledSizeAsync(file, cancellationToken);

    public Task<long?> GetDownloadSizeAsync(DistributionFile file, CancellationToken cancellationToken) =>
        IsInstalled(file) ? Task.FromResult<long?>(0) : inner.GetDownloadSizeAsync(file, cancellationToken);

    /// <summary>True for the stand-in file of an installed package.</summary>
    public static bool IsInstalled(DistributionFile file) => file.Url.Scheme + ":" == InstalledScheme;
}
