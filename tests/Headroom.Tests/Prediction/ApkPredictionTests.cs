using Headroom.Apt;
using Headroom.Prediction;
using Headroom.Rules;
using Headroom.Tests.Apk;

namespace Headroom.Tests.Prediction;

/// <summary>apk installs: offline from the embedded table, online from an index served in memory (no test reaches the internet).</summary>
public sealed class ApkPredictionTests
{
    private static ImagePrediction Predict(string dockerfile, IAptFetcher? online = null)
    {
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", dockerfile)]);
        using var predictor = new ImagePredictor();
        if (online is not null)
        {
            predictor.EnableNetwork(online, npm: new NoRegistry());
        }

        ImagePrediction? prediction = predictor.PredictImage(new CheckContext(project, online is null ? new CheckOptions { Offline = true } : CheckOptions.Default), "Dockerfile");
        Assert.NotNull(prediction);
        return prediction;
    }

    [Fact]
    public void Offline_a_known_package_is_sized_from_the_table_and_an_unknown_one_is_assumed()
    {
        ImagePrediction p = Predict("FROM alpine:3.20\nRUN apk add --no-cache curl tzdata some-tool\n");

        PredictedComponent apk = Assert.Single(p.Components, c => c.Kind == "apk");
        long expected = Headroom.Knowledge.ApkInstallSizes.Find("curl")!.InstalledBytes + Headroom.Knowledge.ApkInstallSizes.Find("tzdata")!.InstalledBytes + Headroom.Knowledge.InstalledSizeRatios.UnknownPackage.Installed;
        Assert.Equal(expected, apk.Bytes);
        Assert.Equal(2, apk.Line);
        Assert.False(apk.Exact);
        Assert.Contains("some-tool not in the table", apk.How, StringComparison.Ordinal);
        Assert.True(apk.LowBytes < apk.Bytes && apk.Bytes < apk.HighBytes);
        Assert.DoesNotContain(p.Components, c => c.Name == "apk cache");
    }

    [Fact]
    public void Without_no_cache_the_indexes_stay_in_var_cache_apk_unless_removed_in_the_same_run()
    {
        ImagePrediction kept = Predict("FROM alpine:3.20\nRUN apk add curl\n");
        ImagePrediction removed = Predict("FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n");
        ImagePrediction later = Predict("FROM alpine:3.20\nRUN apk add curl\nRUN rm -rf /var/cache/apk/*\n");

        PredictedComponent cache = Assert.Single(kept.Components, c => c.Name == "apk cache");
        Assert.Equal(Headroom.Knowledge.ApkInstallSizes.IndexCacheBytes, cache.Bytes);
        Assert.Equal("/var/cache/apk", cache.Location);
        Assert.DoesNotContain(removed.Components, c => c.Name == "apk cache");
        Assert.Contains(later.Components, c => c.Name == "apk cache");
        Assert.Equal(kept.ImageBytes - cache.Bytes, removed.ImageBytes);
    }

    [Fact]
    public void A_package_the_image_already_has_is_not_counted()
    {
        ImagePrediction p = Predict("FROM node:20-alpine\nRUN apk add --no-cache libstdc++ zlib\n");
        Assert.Equal(0, Assert.Single(p.Components, c => c.Kind == "apk").Bytes);
    }

    [Fact]
    public void Online_the_closure_comes_from_the_releases_index_minus_the_image()
    {
        var fetcher = new Mirror(new()
        {
            ["/alpine/v3.20/main/x86_64/APKINDEX.tar.gz"] = ApkIndexTests.Archive(ApkIndexTests.Index),
            ["/alpine/v3.20/community/x86_64/APKINDEX.tar.gz"] = ApkIndexTests.Archive("P:other\nV:1\nI:5\n"),
        });
        ImagePrediction p = Predict("FROM alpine:3.20\nRUN apk add --no-cache curl\n", fetcher);

        PredictedComponent apk = Assert.Single(p.Components, c => c.Kind == "apk");
        Assert.Equal(1_100_000, apk.Bytes);
        Assert.Equal(550_000, apk.DownloadBytes);
        Assert.True(apk.Exact);
        Assert.Contains("2 packages from the Alpine 3.20 indexes", apk.How, StringComparison.Ordinal);
        Assert.False(p.Offline);
    }

    [Fact]
    public void An_unreachable_alpine_mirror_falls_back_to_the_table_and_says_so()
    {
        ImagePrediction p = Predict("FROM alpine:3.20\nRUN apk add --no-cache curl\n", new Mirror([]));
        Assert.Contains(p.Notes, n => n.Contains("the Alpine 3.20 index could not be read", StringComparison.Ordinal));
        Assert.Contains("embedded apk closures", Assert.Single(p.Components, c => c.Kind == "apk").How, StringComparison.Ordinal);
    }

    private sealed class Mirror(Dictionary<string, byte[]> files) : IAptFetcher
    {
        public Task<Stream?> OpenAsync(Uri uri, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(files.TryGetValue(uri.AbsolutePath, out byte[]? bytes) ? new MemoryStream(bytes) : null);
    }

    private sealed class NoRegistry : Headroom.JavaScript.INpmTarballSizer
    {
        public Task<Headroom.JavaScript.NpmTarballSize?> SizeAsync(string name, string version, string? resolved, CancellationToken cancellationToken) =>
            Task.FromResult<Headroom.JavaScript.NpmTarballSize?>(null);
    }
}
