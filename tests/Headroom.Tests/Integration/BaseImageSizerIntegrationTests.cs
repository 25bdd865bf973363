using Headroom.Images;
using Headroom.Images.Remote;

namespace Headroom.Tests.Integration;

/// <summary>BaseImageSizer against the loopback registry (plain HTTP) of tests/integration/start-registry.sh.</summary>
public sealed class BaseImageSizerIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task Sizes_a_fixture_from_its_manifest_and_measures_its_layers_when_asked()
    {
        string registry = fixture.Environment.RequireRegistry();
        string layout = fixture.Environment.RequireFixture("apt-delete", "oci");
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.None, RetryDelay = TimeSpan.FromMilliseconds(50) });
        string reference = $"{registry}/headroom-it/apt-delete:latest";

        BaseImageSizeResult manifestOnly = await new BaseImageSizer(client).SizeAsync(reference, null, TestContext.Current.CancellationToken);
        ResolvedManifest resolved = await client.ResolveAsync(ImageReference.Parse(reference), null, TestContext.Current.CancellationToken);
        Assert.True(manifestOnly.FromRegistry);
        Assert.Equal(resolved.Parsed.Layers.Sum(l => l.Size), manifestOnly.CompressedBytes);
        Assert.Null(manifestOnly.UncompressedBytes);
        Assert.Null(manifestOnly.Knowledge);

        BaseImageSizeResult measured = await new BaseImageSizer(client, new BaseImageSizerOptions { MeasureLayers = true }).SizeAsync(reference, null, TestContext.Current.CancellationToken);
        using IImageSource local = ImageSources.Open(layout, () => Stream.Null, out _);
        ImageReport expected = ImageAnalyzer.Analyze(local, new ImageAnalysisOptions(), TestContext.Current.CancellationToken);
        Assert.True(measured.UncompressedExact);
        Assert.Equal(expected.Totals.Bytes, measured.UncompressedBytes);

        BaseImageSizeResult bounded = await new BaseImageSizer(client, new BaseImageSizerOptions { MeasureLayers = true, MaxMeasuredBytes = 1 }).SizeAsync(reference, null, TestContext.Current.CancellationToken);
        Assert.Null(bounded.UncompressedBytes);
        Assert.Contains("larger than the 1-byte limit", Assert.Single(bounded.Notes), StringComparison.Ordinal);
    }
}
