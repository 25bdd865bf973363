using Headroom.Diagnostics;
using Headroom.Knowledge;
using Headroom.Knowledge.Torch;
using Headroom.Prediction;
using Headroom.Rules;
using Headroom.Tests.Python;

namespace Headroom.Tests.Prediction;

/// <summary>Installs from lock files (uv.lock, pylock.toml, poetry.lock) sized from the lock instead of a resolution.</summary>
public sealed class LockPredictionTests
{
    private const string UvSync = """
        FROM python:3.12-slim
        WORKDIR /app
        COPY pyproject.toml uv.lock ./
        RUN uv sync --frozen --no-dev --no-install-project
        COPY . .
        """;

    private readonly PipIndexFixture _index = new();

    private ImagePrediction Predict(bool online, string dockerfile, params (string Path, string Text)[] files)
    {
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", dockerfile), .. files.Select(f => KeyValuePair.Create(f.Path, f.Text))]);
        var context = new CheckContext(project, online ? new CheckOptions { PackageIndexes = _index.Indexes() } : new CheckOptions { Offline = true });
        using var predictor = new ImagePredictor();
        ImagePrediction? prediction = predictor.PredictImage(context, "Dockerfile");
        Assert.NotNull(prediction);
        return prediction;
    }

    private static PredictedComponent Component(ImagePrediction p, string name) => Assert.Single(p.Components, c => c.Name == name);

    [Fact]
    public void Uv_sync_offline_takes_the_locked_packages_for_the_target_with_their_recorded_download_sizes()
    {
        ImagePrediction p = Predict(false, UvSync, ("pyproject.toml", LockFixtures.PyProject), ("uv.lock", LockFixtures.UvLock(LockFixtures.FakeSize)));

        PredictedComponent[] packages = [.. p.Components.Where(c => c.Kind == "pip" && c.Name != "uv cache")];
        Assert.Equal(["filelock", "numpy", "nvidia-cublas-cu12", "torch", "triton"], packages.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(LockFixtures.Amd64Wheels.Sum(LockFixtures.FakeSize), packages.Sum(c => c.DownloadBytes));
        Assert.Equal(LockFixtures.FakeSize(LockFixtures.Torch), Component(p, "torch").DownloadBytes);
        Assert.All(packages, c => Assert.False(c.Exact, c.Name));
        Assert.All(packages, c => Assert.Contains("estimated: offline", c.How, StringComparison.Ordinal));
        Assert.All(packages, c => Assert.Equal((4, "/app/.venv"), (c.Line, c.Location)));
        Assert.Equal(InstalledSizeRatios.Installed(LockFixtures.FakeSize(LockFixtures.Filelock), InstalledSizeRatios.Generic), Component(p, "filelock").Bytes);

        // torch with the nvidia-* and triton wheels it pins is the CUDA stack, sized with the CUDA ratio.
        Assert.Equal(["nvidia-cublas-cu12", "torch", "triton"], packages.Where(c => c.Group == "CUDA stack").Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(InstalledSizeRatios.Installed(LockFixtures.FakeSize(LockFixtures.Torch), InstalledSizeRatios.Cuda), Component(p, "torch").Bytes);

        // uv keeps its cache in the layer (no --no-cache, no cache mount) but hard-links the environment's files to it.
        Assert.DoesNotContain(p.Components, c => c.Name == "uv cache");
        Assert.Contains(p.Notes, n => n.StartsWith("Dockerfile:4: uv's cache (/root/.cache/uv) stays in the layer, but the environment's files are hard links to it", StringComparison.Ordinal));

        // With UV_LINK_MODE=copy the cache holds the unpacked files a second time.
        ImagePrediction copy = Predict(false, UvSync.Replace("WORKDIR /app", "WORKDIR /app\nENV UV_LINK_MODE=copy", StringComparison.Ordinal), ("pyproject.toml", LockFixtures.PyProject), ("uv.lock", LockFixtures.UvLock(LockFixtures.FakeSize)));
        Assert.Equal(copy.Components.Where(c => c.Kind == "pip" && c.Name != "uv cache").Sum(c => c.Bytes), Component(copy, "uv cache").Bytes);
        Assert.Contains(p.Notes, n => n.StartsWith("Dockerfile:4: uv sync installs 5 packages of uv.lock for CPython 3.12 on linux/amd64; 5 installed sizes estimated from the recorded downloads (offline)", StringComparison.Ordinal));
    }

    [Fact]
    public void Uv_sync_on_arm64_with_a_bind_mounted_lock_and_a_cache_mount_takes_no_CUDA_stack()
    {
        const string Arm = """
            FROM --platform=linux/arm64 python:3.12-slim
            WORKDIR /app
            RUN --mount=type=cache,target=/root/.cache/uv \
                --mount=type=bind,source=uv.lock,target=uv.lock \
                --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
                uv sync --locked --no-install-project
            """;
        ImagePrediction p = Predict(false, Arm, ("pyproject.toml", LockFixtures.PyProject), ("uv.lock", LockFixtures.UvLock(LockFixtures.FakeSize)));

        Assert.Equal(["filelock", "numpy", "pytest", "torch"], p.Components.Where(c => c.Kind == "pip").Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(LockFixtures.FakeSize(LockFixtures.TorchArm), Component(p, "torch").DownloadBytes);
        Assert.Null(Component(p, "torch").Group);
        Assert.DoesNotContain(p.Components, c => c.Name == "uv cache");
    }

    [Fact]
    public void Online_the_installed_sizes_are_exact_from_the_wheels_zip_directories_at_the_recorded_URLs()
    {
        Dictionary<string, byte[]> wheels = ServeAmd64Wheels();
        ImagePrediction p = Predict(true, UvSync, ("pyproject.toml", LockFixtures.PyProject), ("uv.lock", LockFixtures.UvLock(f => wheels.TryGetValue(f, out byte[]? b) ? b.Length : LockFixtures.FakeSize(f))));

        foreach ((string name, string file) in new[] { ("torch", LockFixtures.Torch), ("nvidia-cublas-cu12", LockFixtures.Cublas), ("triton", LockFixtures.Triton), ("filelock", LockFixtures.Filelock), ("numpy", LockFixtures.Numpy) })
        {
            PredictedComponent c = Component(p, name);
            Assert.Equal((true, _index.Installed(file), (long)wheels[file].Length), (c.Exact, c.Bytes, c.DownloadBytes));
            Assert.Contains("installed size from the wheel's zip directory", c.How, StringComparison.Ordinal);
        }

        // Only the wheels' zip directories were asked for (range requests), no index page: the lock says what to install.
        Assert.All(_index.Server.Log, r => Assert.StartsWith(LockFixtures.Files, r.Url, StringComparison.Ordinal));
        Assert.Contains(_index.Server.Log, r => r.Range is not null);
    }

    [Fact]
    public void A_wheel_whose_zip_directory_cannot_be_read_falls_back_to_the_recorded_download_times_the_ratio()
    {
        Dictionary<string, byte[]> wheels = ServeAmd64Wheels();
        _index.Replace(LockFixtures.Numpy, PipIndexFixture.Corrupt(wheels[LockFixtures.Numpy]));
        ImagePrediction p = Predict(true, UvSync, ("pyproject.toml", LockFixtures.PyProject), ("uv.lock", LockFixtures.UvLock(f => wheels.TryGetValue(f, out byte[]? b) ? b.Length : LockFixtures.FakeSize(f))));

        PredictedComponent numpy = Component(p, "numpy");
        Assert.False(numpy.Exact);
        Assert.Equal(InstalledSizeRatios.Installed(wheels[LockFixtures.Numpy].Length, InstalledSizeRatios.Generic), numpy.Bytes);
        Assert.Contains("corrupt zip", numpy.How, StringComparison.Ordinal);
        Assert.True(Component(p, "torch").Exact);
    }

    [Fact]
    public void Uv_pip_install_of_a_pylock_takes_its_packages_for_the_extras_asked_for()
    {
        string pylock = $$"""
            lock-version = "1.0"
            requires-python = ">=3.12"
            extras = ["gpu"]
            created-by = "uv"

            [[packages]]
            name = "torch"
            version = "2.6.0"
            index = "https://pypi.org/simple"
            wheels = [{ url = "{{LockFixtures.Files}}{{LockFixtures.Torch}}", size = 766600000, hashes = { sha256 = "aa" } }]

            [[packages]]
            name = "nvidia-cublas-cu12"
            version = "12.4.5.8"
            marker = "'gpu' in extras and platform_machine == 'x86_64'"
            index = "https://pypi.org/simple"
            wheels = [{ url = "{{LockFixtures.Files}}{{LockFixtures.Cublas}}", size = 363400000, hashes = { sha256 = "bb" } }]
            """;
        const string Dockerfile = """
            FROM python:3.12-slim
            COPY pylock.toml /tmp/
            RUN uv pip install --system --no-cache --extra gpu -r /tmp/pylock.toml
            """;
        ImagePrediction p = Predict(false, Dockerfile, ("pylock.toml", pylock));

        Assert.Equal((766_600_000L, 363_400_000L), (Component(p, "torch").DownloadBytes, Component(p, "nvidia-cublas-cu12").DownloadBytes));
        Assert.Equal("/usr/local/lib/python3.12/site-packages", Component(p, "torch").Location);
        Assert.DoesNotContain(p.Components, c => c.Name is "uv cache" or "pip cache");
        Assert.DoesNotContain(p.Notes, n => n.Contains("unreadable line", StringComparison.Ordinal));

        ImagePrediction cpu = Predict(false, Dockerfile.Replace("--extra gpu ", string.Empty, StringComparison.Ordinal), ("pylock.toml", pylock));
        Assert.DoesNotContain(cpu.Components, c => c.Name == "nvidia-cublas-cu12");
    }

    [Fact]
    public void Poetry_install_without_dev_into_the_system_Python_sizes_from_the_knowledge_when_the_lock_has_no_sizes()
    {
        const string Dockerfile = """
            FROM python:3.12-slim
            WORKDIR /src
            COPY pyproject.toml poetry.lock ./
            RUN pip install --no-cache-dir poetry==2.1.1 && poetry config virtualenvs.create false && poetry install --without dev --no-root
            """;
        ImagePrediction p = Predict(false, Dockerfile, ("pyproject.toml", "[tool.poetry]\nname = \"app\"\n"), ("poetry.lock", LockSelectionTests.PoetryLock21));

        PredictedComponent torch = Component(p, "torch");
        Assert.Equal(("2.3.1+cpu", TorchBuilds.Find("2.3.1+cpu")!.CpuWheelBytes!.Value, false, null), (torch.Version, torch.DownloadBytes, torch.Exact, torch.Group));
        Assert.Equal("/usr/local/lib/python3.12/site-packages", torch.Location);
        Assert.Contains("poetry.lock records no size", torch.How, StringComparison.Ordinal);
        Assert.Equal(InstalledSizeRatios.UnknownPackage.Installed, Component(p, "six").Bytes);
        Assert.DoesNotContain(p.Components, c => c.Name is "pytest" or "colorama");
        Assert.Equal(torch.DownloadBytes + Component(p, "six").DownloadBytes, Component(p, "poetry cache").Bytes);
    }

    [Theory]
    [InlineData("RUN uv export --frozen --no-dev --no-hashes -o requirements.txt\nRUN pip install --no-cache-dir -r requirements.txt", 5)]
    [InlineData("RUN uv export --frozen --no-dev | pip install --no-cache-dir -r /dev/stdin", 4)]
    public void Pip_installing_what_uv_export_wrote_takes_the_locked_packages(string runs, int line)
    {
        string dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\n" + runs + "\n";
        ImagePrediction p = Predict(false, dockerfile, ("pyproject.toml", LockFixtures.PyProject), ("uv.lock", LockFixtures.UvLock(LockFixtures.FakeSize)));

        PredictedComponent[] packages = [.. p.Components.Where(c => c.Kind == "pip")];
        Assert.Equal(["filelock", "numpy", "nvidia-cublas-cu12", "torch", "triton"], packages.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(packages, c => Assert.Equal((line, "/usr/local/lib/python3.12/site-packages"), (c.Line, c.Location)));
        Assert.Equal(LockFixtures.Amd64Wheels.Sum(LockFixtures.FakeSize), packages.Sum(c => c.DownloadBytes));
        Assert.DoesNotContain(p.Notes, n => n.Contains("not found", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_lock_file_stops_the_prediction_with_its_file_and_line()
    {
        var e = Assert.Throws<InputException>(() => Predict(false, UvSync, ("pyproject.toml", LockFixtures.PyProject), ("uv.lock", "version = 1\n\n[[package]\nname = \"x\"\n")));
        Assert.StartsWith("uv.lock:3: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uv_sync_without_a_lock_in_the_context_says_so()
    {
        ImagePrediction p = Predict(false, UvSync.Replace("COPY pyproject.toml uv.lock ./", "COPY pyproject.toml ./", StringComparison.Ordinal), ("pyproject.toml", LockFixtures.PyProject));
        Assert.DoesNotContain(p.Components, c => c.Name == "torch");
        Assert.Contains(p.Notes, n => n == "Dockerfile:4: uv sync finds no uv.lock at /app/uv.lock from the build context (a COPY or a bind mount): its packages are not counted");
    }

    /// <summary>Serves the wheels a linux/amd64 install takes (real zips) and returns their bytes by file name.</summary>
    private Dictionary<string, byte[]> ServeAmd64Wheels() => new(StringComparer.Ordinal)
    {
        [LockFixtures.Torch] = _index.Add(PipIndexFixture.PyPI, "torch", "2.6.0", payload: 80_000, tag: "cp312-cp312-manylinux1_x86_64"),
        [LockFixtures.Cublas] = _index.Add(PipIndexFixture.PyPI, "nvidia-cublas-cu12", "12.4.5.8", payload: 60_000, tag: "py3-none-manylinux2014_x86_64"),
        [LockFixtures.Triton] = _index.Add(PipIndexFixture.PyPI, "triton", "3.2.0", payload: 40_000, tag: "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64"),
        [LockFixtures.Filelock] = _index.Add(PipIndexFixture.PyPI, "filelock", "3.16.1", payload: 1_000),
        [LockFixtures.Numpy] = _index.Add(PipIndexFixture.PyPI, "numpy", "2.1.0", payload: 30_000, tag: "cp312-cp312-manylinux_2_17_x86_64"),
    };
}
