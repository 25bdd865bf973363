using System.Text;
using Headroom.Apt;
using Headroom.Prediction;
using Headroom.Rules;

namespace Headroom.Tests.Prediction;

/// <summary>apt installs sized from a distribution's index (an in-memory mirror here: no test reaches the internet).</summary>
public sealed class OnlineAptPredictionTests
{
    private const string Packages = """
        Package: tool
        Version: 1.0-1
        Architecture: amd64
        Installed-Size: 1000
        Depends: libtool1, libc6 (>= 2.36)
        Recommends: docs-big
        Size: 400000

        Package: libtool1
        Version: 1.0-1
        Architecture: amd64
        Installed-Size: 500
        Size: 200000

        Package: docs-big
        Version: 3
        Architecture: all
        Installed-Size: 20000
        Size: 5000000

        """;

    private static ImagePrediction Predict(IAptFetcher fetcher, string dockerfile)
    {
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", dockerfile)]);
        using var predictor = new ImagePredictor();
        predictor.EnableNetwork(fetcher);
        ImagePrediction? prediction = predictor.PredictImage(new CheckContext(project, CheckOptions.Default), "Dockerfile");
        Assert.NotNull(prediction);
        return prediction;
    }

    [Fact]
    public void The_closure_comes_from_the_index_with_and_without_recommends()
    {
        var fetcher = new MirrorFetcher(new() { ["/debian/dists/trixie/main/binary-amd64/Packages"] = Packages });

        ImagePrediction with = Predict(fetcher, "FROM debian:trixie-slim\nRUN apt-get install -y tool\n");
        ImagePrediction without = Predict(fetcher, "FROM debian:trixie-slim\nRUN apt-get install -y --no-install-recommends tool\n");

        PredictedComponent apt = Assert.Single(with.Components, c => c.Kind == "apt");
        Assert.Equal((1000 + 500 + 20000) * 1024L, apt.Bytes);
        Assert.Equal(2, apt.Line);
        Assert.Equal(5_600_000, apt.DownloadBytes);
        Assert.Contains("3 packages with Recommends from the debian 13 indexes", apt.How, StringComparison.Ordinal);
        Assert.Equal((1000 + 500) * 1024L, Assert.Single(without.Components, c => c.Kind == "apt").Bytes);
        Assert.False(with.Offline);
    }

    [Fact]
    public void An_unreadable_mirror_falls_back_to_the_embedded_table_and_says_so_once()
    {
        ImagePrediction p = Predict(new MirrorFetcher([]), "FROM debian:trixie-slim\nRUN apt-get install -y curl\nRUN apt-get install -y libgomp1\n");

        Assert.Single(p.Notes, n => n.Contains("could not be read", StringComparison.Ordinal));
        Assert.All(p.Components.Where(c => c.Kind == "apt"), c => Assert.Contains("embedded closures (debian/13", c.How, StringComparison.Ordinal));
    }

    internal sealed class MirrorFetcher(Dictionary<string, string> files) : IAptFetcher
    {
        public Task<Stream?> OpenAsync(Uri uri, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(files.TryGetValue(uri.AbsolutePath, out string? text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null);
    }
}
