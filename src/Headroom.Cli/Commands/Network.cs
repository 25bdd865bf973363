using Headroom.Images.Remote;
using Headroom.Net;
using Headroom.Prediction;
using Headroom.Rules;

namespace Headroom.Cli.Commands;

/// <summary>
/// Whether the commands may use the network: not with <c>--offline</c>, not when the host says so
/// (<see cref="CliHost.Network"/>, the in-process tests), and not when the environment sets
/// <c>HEADROOM_OFFLINE=1</c> (what the test suite does, so no test reaches the internet through the CLI).
/// The one place that decides; everything after it reads <see cref="CheckOptions.Offline"/>.
/// </summary>
internal static class Network
{
    public const string OfflineVariable = "HEADROOM_OFFLINE";

    /// <summary>The options with <see cref="CheckOptions.Offline"/> set from the environment; enables the predictor's network when online.</summary>
    public static CheckOptions Apply(CheckOptions options, CliHost host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        if (host.PackageIndexFetcher is not null)
        {
            // A test's own package indexes: nothing else may reach the network.
            return options;
        }

        if (!host.Network || Environment.GetEnvironmentVariable(OfflineVariable) is "1" or "true")
        {
            options = options with { Offline = true };
        }

        if (!options.Offline && !ImagePredictor.Shared.NetworkEnabled)
        {
            ImagePredictor.Shared.EnableNetwork(registry: RegistrySizer());
        }

        return options;
    }

    /// <summary>
    /// Base images from their registries: the manifest, then one pass over the layers (up to 1 GiB compressed)
    /// for the unpacked size, the distribution and the dpkg packages, cached on disk by manifest digest.
    /// One retry (none when the host name does not resolve): an unreachable registry falls back to the embedded table
    /// quickly. What a tag resolved to is used for ten minutes without asking again, like the package indexes' pages,
    /// so a warm prediction does not wait on the registry.
    /// </summary>
    private static BaseImageSizer RegistrySizer() =>
        new(
            new RegistryClient(new RegistryClientOptions { MaxRetries = 1, RequestTimeout = TimeSpan.FromSeconds(20) }),
            new BaseImageSizerOptions
            {
                MeasureLayers = true,
                MaxMeasuredBytes = 1L << 30,
                CacheDirectory = BaseImageSizeCache.DefaultDirectory(),
                TagFreshness = new HttpFetchOptions().MinFreshness,
            });
}
