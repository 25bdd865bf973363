using Headroom.Prediction;
using Headroom.Prediction.Output;
using Headroom.Rules;

namespace Headroom.Tests.Prediction;

/// <summary>pip installs resolved on their indexes (an in-process server: no test reaches the internet) and sized from the wheels' zip directories.</summary>
public sealed class OnlinePipPredictionTests
{
    private const string Dockerfile = """
        FROM python:3.12-slim
        WORKDIR /app
        COPY requirements.txt .
        RUN pip install -r requirements.txt
        """;

    private readonly PipIndexFixture _index = new();

    private ImagePrediction Predict(string dockerfile, params (string Path, string Text)[] files)
    {
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", dockerfile), .. files.Select(f => KeyValuePair.Create(f.Path, f.Text))]);
        var context = new CheckContext(project, new CheckOptions { PackageIndexes = _index.Indexes() });
        using var predictor = new ImagePredictor();
        ImagePrediction? prediction = predictor.PredictImage(context, "Dockerfile");
        Assert.NotNull(prediction);
        return prediction;
    }

    [Fact]
    public void Resolved_wheels_are_sized_exactly_from_their_zip_directories()
    {
        byte[] app = _index.Add(PipIndexFixture.PyPI, "app", "1.0", "lib>=1", payload: 50_000);
        _index.Add(PipIndexFixture.PyPI, "lib", "1.0", payload: 10_000);
        byte[] lib = _index.Add(PipIndexFixture.PyPI, "lib", "2.0", payload: 30_000);

        ImagePrediction p = Predict(Dockerfile, ("requirements.txt", $"--index-url {PipIndexFixture.PyPI}\napp==1.0\n"));

        PredictedComponent appComponent = Assert.Single(p.Components, c => c.Name == "app");
        PredictedComponent libComponent = Assert.Single(p.Components, c => c.Name == "lib");
        Assert.Equal(("1.0", true, _index.Installed("app-1.0-py3-none-any.whl"), (long)app.Length, 4), (appComponent.Version, appComponent.Exact, appComponent.Bytes, appComponent.DownloadBytes, appComponent.Line));
        Assert.Equal(("2.0", true, _index.Installed("lib-2.0-py3-none-any.whl"), (long)lib.Length), (libComponent.Version, libComponent.Exact, libComponent.Bytes, libComponent.DownloadBytes));
        Assert.Contains("required by app", libComponent.How, StringComparison.Ordinal);
        Assert.Contains("zip directory", libComponent.How, StringComparison.Ordinal);

        // pip keeps the wheels in its cache in the same layer: exactly their download sizes.
        PredictedComponent cache = Assert.Single(p.Components, c => c.Name == "pip cache");
        Assert.Equal((app.Length + lib.Length, true), (cache.Bytes, cache.Exact));
        Assert.False(p.Offline);
        Assert.DoesNotContain(p.Notes, n => n.Contains("embedded knowledge:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_without_Python_takes_the_Python_that_apt_installs()
    {
        // debian:bookworm has no Python: the stage's Python comes from the apt install of python3 (3.11 on bookworm).
        const string Debian = """
            FROM debian:bookworm
            RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*
            COPY requirements.txt .
            RUN pip install --break-system-packages --no-cache-dir -r requirements.txt
            """;
        _index.Add(PipIndexFixture.PyPI, "app", "1.0", payload: 20_000, tag: "cp311-cp311-manylinux_2_17_x86_64");

        ImagePrediction p = Predict(Debian, ("requirements.txt", $"--index-url {PipIndexFixture.PyPI}\napp==1.0\n"));

        PredictedComponent app = Assert.Single(p.Components, c => c.Name == "app");
        Assert.Equal((true, _index.Installed("app-1.0-cp311-cp311-manylinux_2_17_x86_64.whl")), (app.Exact, app.Bytes));
        Assert.DoesNotContain(p.Notes, n => n.Contains("the stage's Python is not known", StringComparison.Ordinal));
    }

    [Fact]
    public void An_index_url_built_from_an_ARG_is_read_with_its_value_and_with_a_build_arg()
    {
        // The accuracy bench writes `--index-url ${PYINDEX}/cpu/simple`: the ARG's value (or the --build-arg that
        // replaces it) is part of the URL, so the install is resolved on that index instead of falling back.
        const string WithArg = """
            FROM python:3.12-slim
            ARG PYINDEX=https://torch.test/whl
            RUN pip install --no-cache-dir --index-url ${PYINDEX}/cpu/ app
            """;
        _index.Add(PipIndexFixture.Cpu, "app", "1.0", payload: 20_000);
        _index.Add(PipIndexFixture.PyPI, "app", "1.1", payload: 70_000);

        ImagePrediction p = Predict(WithArg);
        PredictedComponent app = Assert.Single(p.Components, c => c.Name == "app");
        Assert.Equal(("1.0", true, _index.Installed("app-1.0-py3-none-any.whl")), (app.Version, app.Exact, app.Bytes));
        Assert.DoesNotContain(p.Notes, n => n.Contains("indexes cannot be read", StringComparison.Ordinal));

        // With --build-arg PYINDEX=https://pypi.test the same line names the other index (its app wheel is bigger).
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", WithArg.Replace("/cpu/ app", "/simple/ app", StringComparison.Ordinal))]);
        using var predictor = new ImagePredictor();
        ImagePrediction gpu = predictor.PredictImage(new CheckContext(project, new CheckOptions { PackageIndexes = _index.Indexes() }), "Dockerfile", new Dictionary<string, string> { ["PYINDEX"] = "https://pypi.test" })!;
        PredictedComponent other = Assert.Single(gpu.Components, c => c.Name == "app");
        Assert.Equal(("1.1", _index.Installed("app-1.1-py3-none-any.whl")), (other.Version, other.Bytes));
    }

    [Fact]
    public void Torch_from_the_index_brings_its_CUDA_stack_as_one_group()
    {
        _index.Add(PipIndexFixture.PyPI, "torch", "2.6.0", "filelock; nvidia-cublas-cu12==12.4.5.8|platform_machine == \"x86_64\"; triton==3.2.0|platform_machine == \"x86_64\"", payload: 80_000, tag: "cp312-cp312-manylinux1_x86_64");
        _index.Add(PipIndexFixture.PyPI, "nvidia-cublas-cu12", "12.4.5.8", payload: 60_000, tag: "py3-none-manylinux2014_x86_64");
        _index.Add(PipIndexFixture.PyPI, "triton", "3.2.0", payload: 40_000, tag: "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64");
        _index.Add(PipIndexFixture.PyPI, "filelock", "3.16.1", payload: 1_000);

        ImagePrediction p = Predict(Dockerfile, ("requirements.txt", $"--index-url {PipIndexFixture.PyPI}\ntorch==2.6.0\n"));

        Assert.Equal(["nvidia-cublas-cu12", "torch", "triton"], p.Components.Where(c => c.Group == "CUDA stack").Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Null(Assert.Single(p.Components, c => c.Name == "filelock").Group);
        Assert.All(p.Components.Where(c => c.Kind == "pip"), c => Assert.True(c.Exact, c.Name));
        long stack = _index.Installed("torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl") + _index.Installed("nvidia_cublas_cu12-12.4.5.8-py3-none-manylinux2014_x86_64.whl")
            + _index.Installed("triton-3.2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        Assert.StartsWith($"cause: the CUDA stack, {Headroom.Text.ByteSize.Format(stack)} of ", PredictionTextWriter.Cause(p), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CPU_torch_installed_earlier_is_kept_by_the_requirements_install()
    {
        _index.Add(PipIndexFixture.PyPI, "torch", "2.6.0", "nvidia-cublas-cu12==12.4.5.8", payload: 80_000, tag: "cp312-cp312-manylinux1_x86_64");
        _index.Add(PipIndexFixture.PyPI, "nvidia-cublas-cu12", "12.4.5.8", payload: 60_000, tag: "py3-none-manylinux2014_x86_64");
        _index.Add(PipIndexFixture.PyPI, "app", "1.0", "torch>=2", payload: 5_000);
        _index.Add(PipIndexFixture.Cpu, "torch", "2.6.0+cpu", payload: 30_000, tag: "cp312-cp312-linux_x86_64");
        const string Both = """
            FROM python:3.12-slim
            RUN pip install --index-url https://torch.test/whl/cpu/ torch==2.6.0
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            """;

        ImagePrediction p = Predict(Both, ("requirements.txt", $"--index-url {PipIndexFixture.PyPI}\ntorch==2.6.0\napp\n"));

        PredictedComponent torch = Assert.Single(p.Components, c => c.Name == "torch");
        Assert.Equal(("2.6.0+cpu", 2, true), (torch.Version, torch.Line, torch.Exact));
        Assert.Equal(_index.Installed("torch-2.6.0+cpu-cp312-cp312-linux_x86_64.whl"), torch.Bytes);
        Assert.DoesNotContain(p.Components, c => c.Name.StartsWith("nvidia", StringComparison.Ordinal));
        Assert.Equal(4, Assert.Single(p.Components, c => c.Name == "app").Line);
    }

    [Fact]
    public void Without_indexes_the_prediction_stays_on_the_embedded_knowledge()
    {
        _index.Add(PipIndexFixture.PyPI, "app", "1.0");
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", Dockerfile), KeyValuePair.Create("requirements.txt", "app==1.0\n")]);
        using var predictor = new ImagePredictor();
        ImagePrediction p = predictor.PredictImage(new CheckContext(project, new CheckOptions { Offline = true, PackageIndexes = _index.Indexes() }), "Dockerfile")!;

        Assert.True(p.Offline);
        Assert.False(Assert.Single(p.Components, c => c.Name == "app").Exact);
        Assert.Empty(_index.Server.Log);
    }
}
