using System.Collections.Immutable;
using Headroom.Prediction;
using Headroom.Rules;

namespace Headroom.Tests.Prediction;

public sealed class ImagePredictorTests
{
    private const long GB = 1_000_000_000;

    private const string CudaDockerfile = """
        FROM python:3.11-slim
        WORKDIR /app
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
        COPY . .
        """;

    private static ImagePrediction Predict(CheckOptions? options, IReadOnlyDictionary<string, string>? buildArgs, params (string Path, string Text)[] files)
    {
        ProjectModel project = ProjectModel.FromFiles(files.Select(f => KeyValuePair.Create(f.Path, f.Text)));
        var context = new CheckContext(project, options ?? new CheckOptions { Offline = true });
        using var predictor = new ImagePredictor();
        ImagePrediction? prediction = predictor.PredictImage(context, "Dockerfile", buildArgs);
        Assert.NotNull(prediction);
        return prediction;
    }

    private static ImagePrediction Predict(params (string Path, string Text)[] files) => Predict(null, null, files);

    [Fact]
    public void Cuda_torch_from_PyPI_makes_the_CUDA_stack_the_largest_part()
    {
        ImagePrediction p = Predict(("Dockerfile", CudaDockerfile), ("requirements.txt", "torch==2.3.1\nnumpy==1.26.4\n"));

        PredictedComponent[] cuda = [.. p.Components.Where(c => c.Group == "CUDA stack")];
        Assert.Equal(2, cuda.Length);
        Assert.Contains(cuda, c => c.Name == "torch" && c.Version == "2.3.1" && c.Line == 4 && !c.Exact);
        Assert.Equal(cuda.Sum(c => c.Bytes), p.Components.Take(2).Sum(c => c.Bytes));
        Assert.InRange(p.ImageBytes, 4 * GB, 6 * GB);
        Assert.True(p.ImageBytesLow < p.ImageBytes && p.ImageBytes < p.ImageBytesHigh);
        Assert.Equal("3.11", p.Python);
        Assert.Equal("linux/amd64", p.Platform);
        Assert.Equal("0", p.Target);
        Assert.True(p.Offline);
        Assert.Contains(p.Components, c => c.Kind == "base" && c.Name == "python:3.11-slim-trixie");
        Assert.Contains("the CUDA stack", Headroom.Prediction.Output.PredictionTextWriter.Cause(p), StringComparison.Ordinal);
    }

    [Fact]
    public void DF001s_size_at_stake_is_the_predicted_drop_with_cpu_torch()
    {
        ImagePrediction cuda = Predict(("Dockerfile", CudaDockerfile), ("requirements.txt", "torch==2.3.1\n"));
        ImagePrediction cpu = Predict(("Dockerfile", CudaDockerfile), ("requirements.txt", "--index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1\n"));
        Finding df001 = Assert.Single(
            Headroom.Tests.Rules.RuleHarness.Check(new Headroom.Rules.Dockerfile.CudaTorchOnCpuBuildRule(), ("Dockerfile", CudaDockerfile), ("requirements.txt", "torch==2.3.1\n")).Findings);

        long drop = cuda.ImageBytes - cpu.ImageBytes;
        Assert.NotNull(df001.BytesAtStake);
        Assert.InRange(df001.BytesAtStake!.Value, drop * 99 / 100, drop * 101 / 100);
    }

    [Fact]
    public void Cpu_torch_from_the_CPU_index_is_a_fraction_of_the_CUDA_build()
    {
        ImagePrediction cuda = Predict(("Dockerfile", CudaDockerfile), ("requirements.txt", "torch==2.3.1\n"));
        ImagePrediction cpu = Predict(("Dockerfile", CudaDockerfile), ("requirements.txt", "--index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1\n"));

        Assert.DoesNotContain(cpu.Components, c => c.Group is not null);
        PredictedComponent torch = Assert.Single(cpu.Components, c => c.Name == "torch");
        Assert.Equal("2.3.1+cpu", torch.Version);
        Assert.InRange(cpu.ImageBytes, GB / 2, 2 * GB);
        Assert.True(cuda.ImageBytes - cpu.ImageBytes > 3 * GB, $"{cuda.ImageBytes} vs {cpu.ImageBytes}");
        Assert.True(cuda.DownloadBytes > 4 * cpu.DownloadBytes);
    }

    [Fact]
    public void A_build_arg_that_selects_the_index_changes_the_prediction()
    {
        const string Dockerfile = """
            FROM python:3.12-slim
            ARG TORCH_INDEX=https://pypi.org/simple
            RUN pip install --no-cache-dir --index-url $TORCH_INDEX torch==2.5.1
            """;
        ImagePrediction gpu = Predict(("Dockerfile", Dockerfile));
        ImagePrediction cpu = Predict(null, ImmutableDictionary<string, string>.Empty.Add("TORCH_INDEX", "https://download.pytorch.org/whl/cpu"), ("Dockerfile", Dockerfile));

        Assert.Contains(gpu.Components, c => c.Group == "CUDA stack");
        Assert.DoesNotContain(cpu.Components, c => c.Group == "CUDA stack");
        Assert.True(gpu.ImageBytes > cpu.ImageBytes * 3);
    }

    [Fact]
    public void A_kept_pip_cache_adds_the_downloaded_wheels_and_a_later_delete_saves_nothing()
    {
        const string Kept = "FROM python:3.11-slim\nRUN pip install torch==2.3.1\n";
        ImagePrediction noCache = Predict(("Dockerfile", "FROM python:3.11-slim\nRUN pip install --no-cache-dir torch==2.3.1\n"));
        ImagePrediction kept = Predict(("Dockerfile", Kept));
        ImagePrediction laterPurge = Predict(("Dockerfile", Kept + "RUN pip cache purge && rm -rf /root/.cache/pip\n"));
        ImagePrediction sameRun = Predict(("Dockerfile", "FROM python:3.11-slim\nRUN pip install torch==2.3.1 && pip cache purge\n"));

        PredictedComponent cache = Assert.Single(kept.Components, c => c.Name == "pip cache");
        Assert.Equal(noCache.DownloadBytes - noCache.Components.Single(c => c.Kind == "base").DownloadBytes, cache.Bytes);
        Assert.Equal(noCache.ImageBytes + cache.Bytes, kept.ImageBytes);
        Assert.Equal(kept.ImageBytes, laterPurge.ImageBytes);
        Assert.Equal(noCache.ImageBytes, sameRun.ImageBytes);
    }

    [Fact]
    public void A_package_the_stage_already_has_is_not_counted_twice()
    {
        ImagePrediction once = Predict(("Dockerfile", "FROM python:3.11-slim\nRUN pip install --no-cache-dir torch==2.3.1 numpy==1.26.4\n"));
        ImagePrediction twice = Predict(("Dockerfile", "FROM python:3.11-slim\nRUN pip install --no-cache-dir torch==2.3.1 numpy==1.26.4\nRUN pip install --no-cache-dir numpy==1.26.4 torch==2.3.1\n"));

        Assert.Equal(once.ImageBytes, twice.ImageBytes);
    }

    [Fact]
    public void Only_what_reaches_the_target_counts_in_the_image_but_every_stage_counts_in_the_peak()
    {
        const string Dockerfile = """
            FROM python:3.12-slim AS build
            RUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch==2.5.1
            RUN pip install --no-cache-dir numpy==2.1.0 --target /opt/extra
            FROM python:3.12-slim
            COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
            """;
        ImagePrediction p = Predict(("Dockerfile", Dockerfile));

        PredictedComponent copy = Assert.Single(p.Components, c => c.Kind == "copy");
        Assert.Equal(5, copy.Line);
        Assert.False(copy.Exact);
        PredictedComponent builtTorch = Assert.Single(p.BuildOnly, c => c.Name == "torch");
        Assert.Equal(builtTorch.Bytes, copy.Bytes);
        Assert.Contains(p.BuildOnly, c => c.Name == "numpy");
        Assert.DoesNotContain(p.Components, c => c.Kind == "pip");
        long baseBytes = p.Components.Single(c => c.Kind == "base").Bytes;
        Assert.Equal(baseBytes + copy.Bytes, p.ImageBytes);
        Assert.True(p.PeakBuildBytes >= p.ImageBytes + p.BuildOnly.Sum(c => c.Bytes));
    }

    [Fact]
    public void The_target_option_predicts_an_earlier_stage()
    {
        const string Dockerfile = "FROM python:3.12-slim AS build\nRUN pip install --no-cache-dir torch==2.5.1\nFROM python:3.12-slim AS app\nCOPY --from=build /usr/local/lib/python3.12/site-packages/x /x\n";
        var options = new CheckOptions { Offline = true, Build = Headroom.Dockerfiles.Build.BuildOptions.Default with { Target = "build" } };
        ImagePrediction p = Predict(options, null, ("Dockerfile", Dockerfile));

        Assert.Equal("build", p.Target);
        Assert.Contains(p.Components, c => c.Group == "CUDA stack");
    }

    [Fact]
    public void Copy_from_the_context_counts_the_files_dockerignore_lets_through()
    {
        const string Dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY data/keep.txt /keep\n";
        ImagePrediction p = Predict(
            ("Dockerfile", Dockerfile),
            (".dockerignore", "data/\n!data/keep.txt\n*.log\n"),
            ("app/main.py", new string('x', 1000)),
            ("data/big.bin", new string('y', 50_000)),
            ("data/keep.txt", new string('z', 300)),
            ("debug.log", new string('l', 7000)));

        PredictedComponent all = Assert.Single(p.Components, c => c.Kind == "copy" && c.Line == 3);
        long dockerfileBytes = Dockerfile.Length;
        long ignoreBytes = "data/\n!data/keep.txt\n*.log\n".Length;
        Assert.Equal(1000 + 300 + dockerfileBytes + ignoreBytes, all.Bytes);
        Assert.True(all.Exact);
        PredictedComponent keep = Assert.Single(p.Components, c => c.Kind == "copy" && c.Line == 4);
        Assert.Equal(300, keep.Bytes);
    }

    [Fact]
    public void An_unknown_base_image_is_said_and_not_counted()
    {
        ImagePrediction p = Predict(("Dockerfile", "FROM registry.example.com/team/base:1\nRUN echo hi\n"));

        Assert.Contains(p.Notes, n => n.Contains("not in the embedded table", StringComparison.Ordinal));
        Assert.Equal(0, p.ImageBytes);
    }

    [Fact]
    public void The_budget_defaults_to_the_GitHub_runner_and_takes_a_size()
    {
        ImagePrediction p = Predict(("Dockerfile", CudaDockerfile), ("requirements.txt", "torch==2.3.1\n"));
        ImagePrediction small = Predict(new CheckOptions { Offline = true, Budget = "2GB" }, null, ("Dockerfile", CudaDockerfile), ("requirements.txt", "torch==2.3.1\n"));

        Assert.Equal("github-ubuntu-latest", p.Budget!.Name);
        Assert.Equal(14 * GB, p.Budget.Bytes);
        Assert.InRange(p.Budget.UsedFraction, 0.01, 1);
        Assert.Equal(2 * GB, small.Budget!.Bytes);
        Assert.True(small.Budget.UsedFraction > 1);
    }
}
