using Headroom.Python;
using Headroom.Python.Resolution;
using static Headroom.Tests.Python.Resolution.ResolverHarness;

namespace Headroom.Tests.Python.Resolution;

/// <summary>torch, its CUDA stack, its CPU build on a second index, and the packages that pin it.</summary>
public sealed class ResolverTorchTests
{
    [Fact]
    public async Task The_PyPI_build_on_linux_x86_64_brings_the_pinned_CUDA_stack()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi);

        ResolutionResult result = await ResolveAsync(repo, "torch==2.5.1");

        Assert.Equal(
            "filelock==3.16.1 nvidia-cublas-cu12==12.4.5.8 nvidia-cudnn-cu12==9.1.0.70 nvidia-nccl-cu12==2.21.5 torch==2.5.1 triton==3.1.0 typing-extensions==4.12.2",
            Pins(result));
        ResolvedPackage cublas = result.Find("nvidia-cublas-cu12")!;
        Assert.Equal("requirements.txt:1 asks torch==2.5.1 → torch 2.5.1 requires nvidia-cublas-cu12==12.4.5.8", cublas.Why);
        Assert.Equal(["nvidia-cudnn-cu12 9.1.0.70 requires nvidia-cublas-cu12", "torch 2.5.1 requires nvidia-cublas-cu12==12.4.5.8"], cublas.RequiredBy.Select(r => r.ToString()));
        Assert.Equal("torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl", result.Find("torch")!.File.Filename);
        Assert.Empty(Violations(result, Request("torch==2.5.1")));
    }

    [Fact]
    public async Task On_aarch64_the_markers_leave_the_CUDA_stack_out()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi);

        ResolutionResult result = await ResolveAsync(repo, TargetEnvironment.Manylinux(12, "aarch64"), null, "torch==2.5.1");

        Assert.Equal("filelock==3.16.1 torch==2.5.1 typing-extensions==4.12.2", Pins(result));
        Assert.Equal("torch-2.5.1-cp312-cp312-manylinux2014_aarch64.whl", result.Packages[1].File.Filename);
    }

    [Fact]
    public async Task With_the_CPU_index_as_well_pip_takes_the_local_cpu_version_and_no_CUDA()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi + TorchFixtures.Cpu);

        ResolutionResult pinned = await ResolveAsync(repo, "torch==2.5.1");
        ResolutionResult open = await ResolveAsync(repo, "torch");

        Assert.Equal("filelock==3.16.1 torch==2.5.1+cpu typing-extensions==4.12.2", Pins(pinned));
        ResolvedPackage torch = pinned.Find("torch")!;
        Assert.Equal("https://cpu.example/simple", torch.File.IndexUrl);
        Assert.Equal("torch-2.5.1+cpu-cp312-cp312-linux_x86_64.whl", torch.File.Filename);
        Assert.Equal(PythonVersion.Parse("2.6.0+cpu"), open.Find("torch")!.Version);
    }

    [Fact]
    public async Task Packages_that_pin_torch_decide_its_version_and_the_cpu_build_still_matches_the_pin()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi + TorchFixtures.Cpu + TorchFixtures.SentenceTransformers);

        ResolutionResult result = await ResolveAsync(repo, "sentence-transformers", "torchvision==0.20.1");

        Assert.Equal(
            "filelock==3.16.1 numpy==2.1.3 sentence-transformers==3.3.1 torch==2.5.1+cpu torchvision==0.20.1 typing-extensions==4.12.2",
            Pins(result));
        ResolvedPackage torch = result.Find("torch")!;
        Assert.Equal(
            ["sentence-transformers 3.3.1 requires torch>=1.11.0", "torchvision 0.20.1 requires torch==2.5.1"],
            torch.RequiredBy.Select(r => r.ToString()));
        Assert.Equal("requirements.txt:1 asks sentence-transformers → sentence-transformers 3.3.1 requires torch>=1.11.0", torch.Why);
    }

    [Fact]
    public async Task A_newer_torchvision_that_pins_another_torch_is_passed_over_for_an_older_one()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi);

        ResolutionResult result = await ResolveAsync(repo, "torch<2.6", "torchvision");

        Assert.Equal(PythonVersion.Parse("0.20.1"), result.Find("torchvision")!.Version);
        Assert.Equal(PythonVersion.Parse("2.5.1"), result.Find("torch")!.Version);
        RejectedCandidate newer = Assert.Single(result.Rejections["torchvision"]);
        Assert.Equal(RejectionKind.Conflict, newer.Kind);
        Assert.Equal("torchvision 0.21.0 requires torch==2.6.0, but requirements.txt:1 asks torch<2.6", newer.Reason);
        Assert.Empty(Violations(result, Request("torch<2.6", "torchvision")));
    }

    [Fact]
    public async Task Backtracking_goes_back_to_an_older_torchvision_when_xformers_needs_an_older_torch()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi + TorchFixtures.Xformers);

        ResolutionResult result = await ResolveAsync(repo, "torchvision", "xformers[opt]");

        Assert.True(result.Statistics.Backtracks >= 1);
        Assert.Equal(PythonVersion.Parse("0.20.1"), result.Find("torchvision")!.Version);
        Assert.Equal(PythonVersion.Parse("2.5.1"), result.Find("torch")!.Version);
        Assert.Equal(PythonVersion.Parse("0.0.28.post3"), result.Find("xformers")!.Version);
        Assert.Null(result.Find("nvidia-cusparselt-cu12"));
        Assert.Empty(Violations(result, Request("torchvision", "xformers[opt]")));
    }

    [Fact]
    public async Task Conflicting_pins_are_explained_with_the_package_and_the_line()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi);

        ResolutionException e = await FailAsync(repo, Cp312, null, "torch==2.6.0", "torchvision==0.20.1");

        Assert.Equal(
            $"cannot resolve the Python requirements for {Cp312}: torchvision 0.20.1 requires torch==2.5.1, but requirements.txt:1 asks torch==2.6.0",
            e.Message);
        Assert.Equal(["torch", "torchvision"], e.Packages);
        Assert.False(e.TooDeep);
    }

    [Fact]
    public async Task The_round_limit_stops_the_resolution_with_the_packages_involved()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi + TorchFixtures.Xformers);

        ResolutionException e = await FailAsync(repo, Cp312, new ResolverOptions { MaxRounds = 10 }, "torchvision", "xformers");

        Assert.True(e.TooDeep);
        Assert.StartsWith($"gave up resolving the Python requirements for {Cp312} after 10 rounds", e.Message, StringComparison.Ordinal);
        Assert.Contains("torch", e.Packages);
        Assert.Contains("xformers", e.Packages);
    }

    [Fact]
    public async Task The_extra_of_torch_is_resolved_with_the_same_version()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi + TorchFixtures.Cpu);

        ResolutionResult result = await ResolveAsync(repo, "torch[opt-einsum]<2.6");

        ResolvedPackage torch = result.Find("torch")!;
        Assert.Equal(["opt-einsum"], torch.Extras);
        Assert.Equal(PythonVersion.Parse("2.5.1+cpu"), torch.Version);
        Assert.Null(result.Find("opt-einsum"));
        Assert.Contains(result.Notes, n => n == "torch 2.5.1+cpu does not provide the extra 'opt-einsum'");
    }

    [Fact]
    public async Task A_resolution_failure_is_a_one_line_error_and_exit_2_in_the_cli()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi);
        ResolutionException e = await FailAsync(repo, Cp312, null, "torch==2.6.0", "torchvision==0.20.1");
        var stderr = new StringWriter();

        int code = Headroom.Cli.CliApp.ReportFailure(e, stderr, debug: false);

        Assert.Equal(Headroom.Cli.ExitCodes.CannotRun, code);
        Assert.Equal($"headroom: error: {e.Message}{Environment.NewLine}", stderr.ToString());
    }
}
