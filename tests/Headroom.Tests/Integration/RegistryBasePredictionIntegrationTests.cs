using Headroom.Images;
using Headroom.Images.Remote;
using Headroom.Prediction;
using Headroom.Rules;
using Headroom.Tests.Images;
using Headroom.Tests.Prediction;

namespace Headroom.Tests.Integration;

/// <summary>
/// The predictor sizes <c>FROM host:port/repo:tag</c> from the loopback registry of tests/integration/start-registry.sh
/// (plain HTTP): an OCI manifest, a Docker schema 2 manifest and a two-platform index, each against what
/// <c>headroom image</c> measures on the same fixture's OCI layout.
/// </summary>
public sealed class RegistryBasePredictionIntegrationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Theory]
    [InlineData("apt-delete:latest", "apt-delete")]
    [InlineData("apt-delete:v2s2", "apt-delete")]
    [InlineData("scratch-multiarch:latest", "scratch-multiarch")]
    public void The_base_image_is_sized_from_the_registry(string image, string fixtureName)
    {
        string registry = fixture.Environment.RequireRegistry();
        string layout = fixture.Environment.RequireFixture(fixtureName, "oci");
        using IImageSource local = ImageSources.Open(layout, () => Stream.Null, out _);
        ImageReport expected = ImageAnalyzer.Analyze(local, new ImageAnalysisOptions { Selector = new ImageSelector(Platform: "linux/amd64") }, TestContext.Current.CancellationToken);

        using var cache = new TempDir();
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = StaticCredentialProvider.None, RetryDelay = TimeSpan.FromMilliseconds(50) });
        using var predictor = new ImagePredictor();
        predictor.EnableNetwork(new OnlineAptPredictionTests.MirrorFetcher([]), new BaseImageSizer(client, new BaseImageSizerOptions { MeasureLayers = true, CacheDirectory = cache.Path }));
        string reference = $"{registry}/headroom-it/{image}";
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", $"FROM {reference}\n")]);
        ImagePrediction prediction = predictor.PredictImage(new CheckContext(project, CheckOptions.Default), "Dockerfile")!;

        PredictedComponent root = Assert.Single(prediction.Components, c => c.Kind == "base");
        Assert.Equal(expected.Totals.Bytes, root.Bytes);
        Assert.Equal(expected.Totals.Bytes, prediction.ImageBytes);
        Assert.True(root.Exact);
        Assert.StartsWith($"registry {registry}: manifest sha256:", root.How, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cache.Path, "sha256-*.json"));
    }
}
