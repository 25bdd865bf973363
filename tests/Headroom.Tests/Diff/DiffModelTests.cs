using Headroom.Diff;
using Headroom.Images;
using Headroom.Prediction;

namespace Headroom.Tests.Diff;

public sealed class DiffModelTests
{
    private const long GB = 1_000_000_000;
    private const long MB = 1_000_000;

    private static LayerReport Layer(int index, string digest, string? createdBy, long bytes) =>
        new(index, digest, createdBy, bytes / 2, bytes, new FileChangeCounts(1, 0, 0), "gzip");

    private static ImageReport Image(string source, IReadOnlyList<LayerReport> layers, IReadOnlyList<PackageUsage> packages, IReadOnlyList<CategoryUsage> categories)
    {
        long total = layers.Sum(l => l.Bytes);
        return new ImageReport(source, "linux/amd64", "sha256:" + source, layers, new ImageTotals(total, total, 0, total / 2, 1.0, 10), packages, categories, [], null);
    }

    internal static ImageReport Before() => Image(
        "before.tar",
        [
            Layer(0, "sha256:base", "/bin/sh -c #(nop) ADD rootfs", 100 * MB),
            Layer(1, "sha256:apt1", "RUN apt-get install -y curl", 60 * MB),
            Layer(2, "sha256:pip1", "RUN pip install -r requirements.txt", 6 * GB),
            Layer(3, "sha256:clean", "RUN pip cache purge", 0),
        ],
        [
            new PackageUsage("pip", "torch", "2.3.1", 1_290 * MB, 2, 100),
            new PackageUsage("pip", "nvidia-cublas-cu12", "12.1.3.1", 600 * MB, 2, 10),
            new PackageUsage("pip", "Jinja2", "3.1.4", 2 * MB, 2, 10),
            new PackageUsage("dpkg", "curl", "7.88.1", 500_000, 1, 5),
            new PackageUsage("dpkg", "libc6", "2.36", 12 * MB, 0, 50),
        ],
        [new CategoryUsage("cuda", 4 * GB, 100), new CategoryUsage("pip-cache", 2 * GB, 40)]);

    internal static ImageReport After() => Image(
        "after.tar",
        [
            Layer(0, "sha256:base", "/bin/sh -c #(nop) ADD rootfs", 100 * MB),
            Layer(1, "sha256:apt2", "RUN apt-get install -y curl", 40 * MB),
            Layer(2, "sha256:torchcpu", "RUN pip install --index-url https://download.pytorch.org/whl/cpu torch", 1 * GB),
            Layer(3, "sha256:pip2", "RUN pip install --no-cache-dir -r requirements.txt", 200 * MB),
        ],
        [
            new PackageUsage("pip", "torch", "2.3.1+cpu", 971 * MB, 2, 100),
            new PackageUsage("pip", "jinja2", "3.1.4", 2 * MB, 3, 10),
            new PackageUsage("pip", "fastapi", "0.111.0", 3 * MB, 3, 10),
            new PackageUsage("dpkg", "curl", "7.88.1", 500_000, 1, 5),
            new PackageUsage("dpkg", "libc6", "2.36", 12 * MB, 0, 50),
        ],
        [new CategoryUsage("pycache", 5 * MB, 7)]);

    [Fact]
    public void Image_diff_gives_sizes_percent_saved_and_the_budget_share()
    {
        DiffReport diff = ImageDiff.Compare(Before(), After(), new DiffOptions { Budget = "14GB" });

        Assert.Equal("image", diff.Mode);
        Assert.Equal(6_160 * MB, diff.Before.Bytes);
        Assert.Equal(1_340 * MB, diff.After.Bytes);
        Assert.Equal(4_820 * MB, diff.Size.SavedBytes);
        Assert.Equal(Math.Round(4_820.0 / 6_160, 4), diff.Size.SavedFraction);
        Assert.Equal(new BudgetShare("14GB", 14 * GB, Math.Round(6.16 / 14, 4), Math.Round(1.34 / 14, 4)), diff.Budget);
        Assert.Null(diff.PeakBuild);
        Assert.True(diff.Before.Exact);
    }

    [Fact]
    public void Image_diff_budget_defaults_to_the_github_runner()
    {
        DiffReport diff = ImageDiff.Compare(Before(), After());

        Assert.Equal("github-ubuntu-latest", diff.Budget.Name);
        Assert.Equal(Budgets.Resolve(null).Bytes, diff.Budget.Bytes);
    }

    [Fact]
    public void Layers_match_by_digest_then_by_created_by_and_the_rest_are_removed_or_added()
    {
        DiffReport diff = ImageDiff.Compare(Before(), After());

        Assert.Equal(
            [
                ("unchanged", (int?)0, (int?)0),
                ("changed", 1, 1),
                ("removed", 2, null),
                ("removed", 3, null),
                ("added", null, 2),
                ("added", null, 3),
            ],
            diff.Layers.Select(l => (l.Change, l.BeforeIndex, l.AfterIndex)));
        LayerChange apt = diff.Layers[1];
        Assert.Equal((60 * MB, 40 * MB, -20 * MB, "sha256:apt2"), (apt.BytesBefore, apt.BytesAfter, apt.Delta, apt.Digest));
        Assert.Equal(6 * GB, diff.Layers[2].BytesBefore);
    }

    [Fact]
    public void A_digest_that_moved_matches_first_and_takes_its_layer_from_the_command_match()
    {
        ImageReport before = Image("b", [Layer(0, "sha256:a", "RUN x", 10), Layer(1, "sha256:b", "RUN y", 20)], [], []);
        ImageReport after = Image("a", [Layer(0, "sha256:b", "RUN x", 20), Layer(1, "sha256:c", "RUN y", 30)], [], []);

        DiffReport diff = ImageDiff.Compare(before, after);

        Assert.Equal(
            [("removed", (int?)0, (int?)null), ("unchanged", 1, 0), ("added", null, 1)],
            diff.Layers.Select(l => (l.Change, l.BeforeIndex, l.AfterIndex)));
    }

    [Fact]
    public void Packages_are_removed_added_or_changed_by_ecosystem_and_normalized_name()
    {
        DiffReport diff = ImageDiff.Compare(Before(), After());

        Assert.Equal(
            [
                new PackageChange("pip", "nvidia-cublas-cu12", "removed", "12.1.3.1", null, 600 * MB, 0, true),
                new PackageChange("pip", "fastapi", "added", null, "0.111.0", 0, 3 * MB, true),
                new PackageChange("pip", "torch", "changed", "2.3.1", "2.3.1+cpu", 1_290 * MB, 971 * MB, true),
            ],
            diff.Packages);
        Assert.Equal(3, diff.UnchangedPackages);
    }

    [Fact]
    public void Movers_are_the_largest_changes_by_absolute_delta()
    {
        DiffReport diff = ImageDiff.Compare(Before(), After(), new DiffOptions { Top = 2 });

        Assert.Equal(["nvidia-cublas-cu12", "torch"], diff.Movers.Select(m => m.Name));
        Assert.Equal([-600 * MB, -319 * MB], diff.Movers.Select(m => m.Delta));
    }

    [Fact]
    public void Categories_cover_both_sides_by_name()
    {
        DiffReport diff = ImageDiff.Compare(Before(), After());

        Assert.Equal(
            [new CategoryChange("cuda", 4 * GB, 0), new CategoryChange("pip-cache", 2 * GB, 0), new CategoryChange("pycache", 0, 5 * MB)],
            diff.Categories);
    }

    [Fact]
    public void Identical_images_have_nothing_to_report()
    {
        DiffReport diff = ImageDiff.Compare(Before(), Before());

        Assert.Equal(0, diff.Size.Delta);
        Assert.Empty(diff.Packages);
        Assert.Empty(diff.Movers);
        Assert.All(diff.Layers, l => Assert.Equal("unchanged", l.Change));
        Assert.Equal(5, diff.UnchangedPackages);
    }

    private static ImagePrediction Prediction(string dockerfile, long peak, long downloads, params PredictedComponent[] components) => new()
    {
        Dockerfile = dockerfile,
        Target = "0",
        Platform = "linux/amd64",
        Python = "3.11",
        ImageBytes = components.Sum(c => c.Bytes),
        ImageBytesLow = components.Sum(c => c.Bytes) * 9 / 10,
        ImageBytesHigh = components.Sum(c => c.Bytes) * 12 / 10,
        PeakBuildBytes = peak,
        DownloadBytes = downloads,
        Components = components,
        Notes = ["offline: sizes from the embedded knowledge only"],
    };

    internal static ImagePrediction CudaPrediction() => Prediction(
        "before/Dockerfile",
        8 * GB,
        3 * GB,
        new PredictedComponent("pip", "nvidia-*-cu12 and triton", "12.1", 3_130 * MB, 17, false) { Group = "CUDA stack" },
        new PredictedComponent("pip", "pip cache", string.Empty, 2_700 * MB, 17, false),
        new PredictedComponent("pip", "torch", "2.3.1", 1_290 * MB, 17, false) { Group = "CUDA stack" },
        new PredictedComponent("apt", "build-essential curl", string.Empty, 410 * MB, 11, false),
        new PredictedComponent("apt", "apt lists", string.Empty, 59 * MB, 11, false),
        new PredictedComponent("base", "python:3.11-slim", "3.11.15", 124 * MB, 3, false),
        new PredictedComponent("pip", "Sentence_Transformers", "3.0.1", 10 * MB, 17, false));

    internal static ImagePrediction CpuPrediction() => Prediction(
        "after/Dockerfile",
        1_750 * MB,
        350 * MB,
        new PredictedComponent("pip", "torch", "2.3.1+cpu", 971 * MB, 18, false),
        new PredictedComponent("apt", "build-essential curl", string.Empty, 363 * MB, 11, false),
        new PredictedComponent("base", "python:3.11-slim", "3.11.15", 124 * MB, 3, false),
        new PredictedComponent("pip", "sentence-transformers", "3.0.1", 10 * MB, 19, false));

    [Fact]
    public void Prediction_diff_shows_the_cuda_stack_removed_and_the_peak_disk_change()
    {
        DiffReport diff = PredictionDiff.Compare(CudaPrediction(), CpuPrediction());

        Assert.Equal("prediction", diff.Mode);
        Assert.Equal(7_723 * MB, diff.Before.Bytes);
        Assert.Equal(1_468 * MB, diff.After.Bytes);
        Assert.False(diff.Before.Exact);
        Assert.Equal(7_723 * MB * 9 / 10, diff.Before.BytesLow);
        Assert.Equal(new SizeChange(8 * GB, 1_750 * MB), diff.PeakBuild);
        Assert.Equal(-2_650 * MB, diff.Downloads!.Delta);
        Assert.Equal(
            [("removed", "nvidia-*-cu12 and triton"), ("removed", "pip cache"), ("removed", "apt lists"), ("changed", "torch"), ("changed", "build-essential curl")],
            diff.Packages.Select(p => (p.Change, p.Name)));
        Assert.Equal(2, diff.UnchangedPackages);
        Assert.Equal(
            [new CategoryChange("apt-lists", 59 * MB, 0), new CategoryChange("cuda", 4_420 * MB, 0), new CategoryChange("pip-cache", 2_700 * MB, 0)],
            diff.Categories);
        Assert.Equal(["offline: sizes from the embedded knowledge only"], diff.Notes);
        Assert.All(diff.Packages, p => Assert.False(p.Exact));
    }

    [Fact]
    public void Mixed_diff_compares_only_what_both_sides_know()
    {
        ImageReport built = Image(
            "built.tar",
            [Layer(0, "sha256:x", "RUN pip install", 1_500 * MB)],
            [
                new PackageUsage("pip", "torch", "2.3.1+cpu", 900 * MB, 0, 1),
                new PackageUsage("pip", "sentence-transformers", "3.0.1", 2 * MB, 0, 1),
                new PackageUsage("pip", "numpy", "1.26.4", 40 * MB, 0, 1),
                new PackageUsage("dpkg", "curl", "7.88.1", 500_000, 0, 1),
            ],
            [new CategoryUsage("pycache", 10 * MB, 3)]);

        DiffReport diff = MixedDiff.Compare(CudaPrediction(), built);

        Assert.Equal("mixed", diff.Mode);
        Assert.Equal(DiffSide.PredictionKind, diff.Before.Kind);
        Assert.Equal(DiffSide.ImageKind, diff.After.Kind);
        Assert.Null(diff.PeakBuild);
        Assert.Empty(diff.Layers);
        Assert.Equal(
            [
                new PackageChange("pip", "torch", "changed", "2.3.1", "2.3.1+cpu", 1_290 * MB, 900 * MB, false),
                new PackageChange("pip", "sentence-transformers", "changed", "3.0.1", "3.0.1", 10 * MB, 2 * MB, false),
            ],
            diff.Packages);
        Assert.Contains(diff.Notes, n => n.StartsWith("built.tar is measured", StringComparison.Ordinal));
        Assert.Contains(diff.Categories, c => c == new CategoryChange("cuda", 4_420 * MB, 0));
    }

    [Fact]
    public void Mixed_diff_the_other_way_round_keeps_the_sides()
    {
        ImageReport built = Image("built.tar", [Layer(0, "sha256:x", "RUN", 2 * GB)], [new PackageUsage("pip", "torch", "2.3.1", 1_300 * MB, 0, 1)], []);

        DiffReport diff = MixedDiff.Compare(built, CpuPrediction(), new DiffOptions { BeforeName = "docker-archive:built.tar" });

        Assert.Equal("docker-archive:built.tar", diff.Before.Source);
        Assert.Equal("after/Dockerfile", diff.After.Source);
        PackageChange torch = Assert.Single(diff.Packages);
        Assert.Equal((1_300 * MB, 971 * MB), (torch.BytesBefore, torch.BytesAfter));
    }
}
