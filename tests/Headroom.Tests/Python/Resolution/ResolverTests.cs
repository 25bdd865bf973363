using Headroom.Python;
using Headroom.Python.Resolution;
using static Headroom.Tests.Python.Resolution.ResolverHarness;

namespace Headroom.Tests.Python.Resolution;

public sealed class ResolverTests
{
    [Fact]
    public async Task A_chain_resolves_newest_first_with_the_reason_for_each_package()
    {
        var repo = new InMemoryPackageRepository("""
            app 1.0
              lib>=1.1
            app 2.0
              lib>=1.1
            lib 1.0
            lib 1.1
              leaf<2
            lib 1.2
              leaf<2
            leaf 1.5
            leaf 2.0
            """);

        ResolutionResult result = await ResolveAsync(repo, "app");

        Assert.Equal("app==2.0 leaf==1.5 lib==1.2", Pins(result));
        ResolvedPackage leaf = result.Find("leaf")!;
        Assert.Equal("requirements.txt:1 asks app → app 2.0 requires lib>=1.1 → lib 1.2 requires leaf<2", leaf.Why);
        Assert.False(leaf.IsRoot);
        Assert.True(result.Find("APP")!.IsRoot);
        Assert.Equal("leaf-1.5-py3-none-any.whl", leaf.File.Filename);
        Assert.Empty(Violations(result, Request("app")));
    }

    [Fact]
    public async Task The_wheel_is_chosen_by_tag_priority_for_glibc_and_for_musl()
    {
        var repo = new InMemoryPackageRepository("""
            fast 1.0 wheels=cp312-cp312-manylinux_2_17_x86_64,cp312-cp312-manylinux_2_28_x86_64,cp312-cp312-musllinux_1_2_x86_64,cp312-abi3-manylinux_2_28_x86_64,py3-none-any
            """);

        ResolutionResult glibc = await ResolveAsync(repo, "fast");
        ResolutionResult musl = await ResolveAsync(repo, TargetEnvironment.Musllinux(12), null, "fast");
        ResolutionResult old = await ResolveAsync(repo, TargetEnvironment.Manylinux(12, glibcMinor: 17), null, "fast");
        ResolutionResult arm = await ResolveAsync(repo, TargetEnvironment.Manylinux(12, "aarch64"), null, "fast");

        Assert.Equal("fast-1.0-cp312-cp312-manylinux_2_28_x86_64.whl", glibc.Packages[0].File.Filename);
        Assert.Equal("fast-1.0-cp312-cp312-musllinux_1_2_x86_64.whl", musl.Packages[0].File.Filename);
        Assert.Equal("fast-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", old.Packages[0].File.Filename);
        Assert.Equal("fast-1.0-py3-none-any.whl", arm.Packages[0].File.Filename);
    }

    [Fact]
    public async Task Extras_add_the_requirements_whose_markers_name_them()
    {
        var repo = new InMemoryPackageRepository("""
            requests 2.32.3
              urllib3<3,>=1.21.1
              PySocks!=1.5.7,>=1.5.6; extra == "socks"
              chardet<6,>=3.0.2; extra == "use-chardet-on-py3"
            urllib3 2.2.3
            pysocks 1.7.1
            chardet 5.2.0
            """);

        ResolutionResult plain = await ResolveAsync(repo, "requests");
        ResolutionResult socks = await ResolveAsync(repo, "requests[socks]");
        ResolutionResult both = await ResolveAsync(repo, "requests[socks]", "Requests[Use_Chardet_On_Py3]>=2");

        Assert.Equal("requests==2.32.3 urllib3==2.2.3", Pins(plain));
        Assert.Equal("pysocks==1.7.1 requests[socks]==2.32.3 urllib3==2.2.3", Pins(socks));
        Assert.Equal("requests[socks] 2.32.3 requires PySocks!=1.5.7,>=1.5.6", socks.Find("pysocks")!.RequiredBy.Single().ToString());
        Assert.Equal("chardet==5.2.0 pysocks==1.7.1 requests[socks,use-chardet-on-py3]==2.32.3 urllib3==2.2.3", Pins(both));
        Assert.Empty(Violations(both, Request("requests[socks]", "Requests[Use_Chardet_On_Py3]>=2")));
    }

    [Fact]
    public async Task An_unknown_extra_is_noted_and_installs_the_package_alone()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            """);

        ResolutionResult result = await ResolveAsync(repo, "lib[nope]");

        Assert.Equal("lib[nope]==1.0", Pins(result));
        Assert.Contains(result.Notes, n => n.Contains("does not provide the extra 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markers_are_evaluated_for_the_target_machine_libc_and_python()
    {
        var repo = new InMemoryPackageRepository("""
            app 1.0
              x86only; platform_machine == "x86_64"
              armonly; platform_machine == "aarch64"
              tomli; python_version < "3.11"
              linuxonly; sys_platform == "linux" and platform_system == "Linux"
              windowsonly; sys_platform == "win32"
              pypy-helper; implementation_name == "pypy"
            x86only 1.0
            armonly 1.0
            tomli 2.0.1
            linuxonly 1.0
            windowsonly 1.0
            pypy-helper 1.0
            """);

        ResolutionResult x86 = await ResolveAsync(repo, "app");
        ResolutionResult arm = await ResolveAsync(repo, TargetEnvironment.Manylinux(12, "aarch64"), null, "app");
        ResolutionResult muslOld = await ResolveAsync(repo, TargetEnvironment.Musllinux(10), null, "app");

        Assert.Equal("app==1.0 linuxonly==1.0 x86only==1.0", Pins(x86));
        Assert.Equal("app==1.0 armonly==1.0 linuxonly==1.0", Pins(arm));
        Assert.Equal("app==1.0 linuxonly==1.0 tomli==2.0.1 x86only==1.0", Pins(muslOld));
    }

    [Fact]
    public async Task An_extras_requirements_obey_their_other_markers_too()
    {
        var repo = new InMemoryPackageRepository("""
            ml 1.0
              cuda-helper; extra == "gpu" and platform_machine == "x86_64"
              common; extra == "gpu"
            cuda-helper 1.0
            common 1.0
            """);

        ResolutionResult x86 = await ResolveAsync(repo, "ml[gpu]");
        ResolutionResult arm = await ResolveAsync(repo, TargetEnvironment.Manylinux(12, "aarch64"), null, "ml[gpu]");

        Assert.Equal("common==1.0 cuda-helper==1.0 ml[gpu]==1.0", Pins(x86));
        Assert.Equal("common==1.0 ml[gpu]==1.0", Pins(arm));
    }

    [Fact]
    public async Task A_root_requirement_whose_marker_is_false_is_ignored_with_a_note()
    {
        var repo = new InMemoryPackageRepository("""
            pywin32 306
            lib 1.0
            """);

        ResolutionResult result = await ResolveAsync(repo, "pywin32; sys_platform == 'win32'", "lib");

        Assert.Equal("lib==1.0", Pins(result));
        Assert.Contains(result.Notes, n => n.StartsWith("requirements.txt:1:", StringComparison.Ordinal) && n.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Constraints_restrict_versions_but_never_add_packages()
    {
        var repo = new InMemoryPackageRepository("""
            app 1.0
              lib
            lib 1.0
            lib 1.1
            lib 1.2
            unused 1.0
            """);

        ResolutionResult result = await ResolveAsync(repo, "app", "-c lib<1.2", "-c unused==1.0");

        Assert.Equal("app==1.0 lib==1.1", Pins(result));
        Assert.Null(result.Find("unused"));
        Assert.Empty(Violations(result, Request("app", "-c lib<1.2", "-c unused==1.0")));
    }

    [Fact]
    public async Task A_constraint_that_excludes_every_version_names_itself()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            lib 2.0
            """);

        ResolutionException e = await FailAsync(repo, Cp312, null, "lib>=2", "-c lib<2");

        Assert.Contains("requirements.txt:1 asks lib>=2 (with constraints.txt:1 limiting lib<2), but no version of lib fits", e.Message, StringComparison.Ordinal);
        Assert.Equal(["lib"], e.Packages);
    }

    [Fact]
    public async Task A_project_no_index_has_is_named()
    {
        var repo = new InMemoryPackageRepository("""
            torch 2.5.1
            """);

        ResolutionException e = await FailAsync(repo, Cp312, null, "tourch");

        Assert.Equal($"cannot resolve the Python requirements for {Cp312}: requirements.txt:1 asks tourch, but no index has a project named 'tourch'", e.Message);
    }

    [Fact]
    public async Task Pre_releases_only_with_pre_or_a_specifier_that_names_one_or_when_nothing_else_exists()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            lib 2.0rc1
            lib 2.1.dev3
            onlypre 0.1b2
            """);

        ResolutionResult plain = await ResolveAsync(repo, "lib");
        ResolutionResult named = await ResolveAsync(repo, "lib>=2.0rc1");
        ResolutionResult pre = await ResolveAsync(repo, Cp312, new ResolverOptions { Pre = true }, "lib");
        ResolutionResult fallback = await ResolveAsync(repo, "onlypre");

        Assert.Equal("lib==1.0", Pins(plain));
        Assert.Equal(RejectionKind.PreRelease, plain.Rejections["lib"][0].Kind);
        Assert.Equal(["2.1.dev3", "2.0rc1"], plain.Rejections["lib"].Select(r => r.Version.ToString()));
        Assert.Equal("lib==2.1.dev3", Pins(named));
        Assert.Equal("lib==2.1.dev3", Pins(pre));
        Assert.Equal("onlypre==0.1b2", Pins(fallback));
    }

    [Fact]
    public async Task The_pre_option_of_a_requirements_file_allows_pre_releases()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            lib 2.0rc1
            """);
        var files = new Dictionary<string, string>
        {
            ["requirements.txt"] = "--pre\n-c constraints.txt\nlib\n",
            ["constraints.txt"] = "lib<3\n",
        };
        RequirementsSet set = new RequirementsLoader(p => files.GetValueOrDefault(p)).Load("requirements.txt");

        ResolutionResult result = await new Resolver(repo, Cp312).ResolveAsync(ResolutionRequest.From(set), TestContext.Current.CancellationToken);

        Assert.Equal("lib==2.0rc1", Pins(result));
        Assert.Equal("requirements.txt:3 asks lib", result.Packages[0].Why);
    }

    [Fact]
    public async Task Yanked_versions_are_taken_only_by_an_exact_pin()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            lib 1.1 yanked
            lib 2.0 yanked
            """);

        ResolutionResult plain = await ResolveAsync(repo, "lib");
        ResolutionResult pinned = await ResolveAsync(repo, "lib==1.1");
        ResolutionException ranged = await FailAsync(repo, Cp312, null, "lib>=1.1");

        Assert.Equal("lib==1.0", Pins(plain));
        Assert.Equal([RejectionKind.Yanked, RejectionKind.Yanked], plain.Rejections["lib"].Select(r => r.Kind));
        Assert.Equal("lib==1.1", Pins(pinned));
        Assert.Contains("2.0: yanked, chosen only by an exact == pin", ranged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_python_of_files_and_of_metadata_excludes_new_versions_for_an_old_python()
    {
        var repo = new InMemoryPackageRepository("""
            numpy 1.24.4 python=>=3.8
            numpy 1.26.4 python=>=3.9
            numpy 2.0.2 python=>=3.9 meta-python=>=3.10
            numpy 2.2.0 python=>=3.10
            """);

        ResolutionResult py38 = await ResolveAsync(repo, TargetEnvironment.Manylinux(8), null, "numpy");
        ResolutionResult py39 = await ResolveAsync(repo, TargetEnvironment.Manylinux(9), null, "numpy");
        ResolutionResult py312 = await ResolveAsync(repo, "numpy");

        Assert.Equal("numpy==1.24.4", Pins(py38));
        Assert.Equal("numpy==1.26.4", Pins(py39));
        Assert.Equal("numpy==2.2.0", Pins(py312));
        IReadOnlyList<RejectedCandidate> rejected = py39.Rejections["numpy"];
        Assert.Equal(["2.2.0", "2.0.2"], rejected.Select(r => r.Version.ToString()));
        Assert.Equal("requires Python >=3.10, the target has 3.9.0", rejected[0].Reason);
        Assert.Equal(RejectionKind.RequiresPython, rejected[1].Kind);
    }

    [Fact]
    public async Task A_version_without_a_wheel_for_the_python_is_rejected_with_the_reason_PY001_needs()
    {
        var repo = new InMemoryPackageRepository("""
            numpy 1.26.4 wheels=cp311-cp311-manylinux_2_17_x86_64,cp312-cp312-manylinux_2_17_x86_64,cp312-cp312-win_amd64
            numpy 2.1.3 wheels=cp312-cp312-manylinux_2_17_x86_64,cp313-cp313-manylinux_2_17_x86_64
            """);
        TargetEnvironment cp313 = TargetEnvironment.Manylinux(13);

        ResolutionException pinned = await FailAsync(repo, cp313, null, "numpy==1.26.4");
        ResolutionResult newest = await ResolveAsync(repo, cp313, null, "numpy");

        RejectedCandidate reason = Assert.Single(pinned.Rejections["numpy"]);
        Assert.Equal(RejectionKind.NoCompatibleWheel, reason.Kind);
        Assert.Equal($"no wheel for {cp313}; its wheels are for cp311, cp312 on manylinux_2_17_x86_64, windows", reason.Reason);
        Assert.Contains("requirements.txt:1 asks numpy==1.26.4, but no version of numpy that fits can be used: 1.26.4: no wheel for cp313", pinned.Message, StringComparison.Ordinal);
        Assert.Equal("numpy==2.1.3", Pins(newest));
        Assert.Empty(newest.Rejections);
    }

    [Fact]
    public async Task Source_only_versions_are_candidates_only_when_source_builds_are_allowed()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            lib 1.1 sdist-only
            """);

        ResolutionResult binary = await ResolveAsync(repo, "lib");
        ResolutionResult source = await ResolveAsync(repo, Cp312, new ResolverOptions { AllowSourceDistributions = true }, "lib");

        Assert.Equal("lib==1.0", Pins(binary));
        Assert.Equal(RejectionKind.SourceOnly, binary.Rejections["lib"].Single().Kind);
        Assert.Equal("lib-1.1.tar.gz", source.Packages[0].File.Filename);
    }

    [Fact]
    public async Task A_version_whose_metadata_cannot_be_had_is_passed_over()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            lib 2.0 no-metadata
            """);

        ResolutionResult result = await ResolveAsync(repo, "lib");

        Assert.Equal("lib==1.0", Pins(result));
        Assert.Equal(RejectionKind.BadMetadata, result.Rejections["lib"].Single().Kind);
    }

    [Fact]
    public async Task A_direct_wheel_url_is_the_only_candidate_of_its_project()
    {
        var repo = new InMemoryPackageRepository("""
            lib 1.0
            lib 2.0
            """);

        ResolutionResult result = await ResolveAsync(repo, "lib @ https://example.com/wheels/lib-1.0-py3-none-any.whl", "other @ git+https://example.com/other.git");

        Assert.Equal("lib==1.0", Pins(result));
        Assert.Equal("direct reference", result.Packages[0].File.IndexUrl);
        Assert.Contains(result.Notes, n => n.StartsWith("requirements.txt:2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_is_fetched_once_per_version_even_with_backtracking()
    {
        var repo = new InMemoryPackageRepository(TorchFixtures.PyPi + TorchFixtures.Xformers);

        ResolutionResult result = await ResolveAsync(repo, "torchvision", "xformers");

        Assert.True(result.Statistics.Backtracks > 0);
        Assert.All(result.Packages, p => Assert.Equal(1, repo.MetadataCallsFor(p.Name, p.Version.ToString())));
        Assert.Equal(repo.MetadataCalls, result.Statistics.MetadataFetches);
    }

    [Fact]
    public async Task The_result_is_the_same_with_and_without_prefetching_and_from_run_to_run()
    {
        string listing = TorchFixtures.PyPi + TorchFixtures.Cpu + TorchFixtures.Xformers + TorchFixtures.SentenceTransformers;
        string[] request = ["sentence-transformers", "torchvision", "xformers"];

        ResolutionResult a = await ResolveAsync(new InMemoryPackageRepository(listing), Cp312, new ResolverOptions { Prefetch = false }, request);
        ResolutionResult b = await ResolveAsync(new InMemoryPackageRepository(listing), Cp312, new ResolverOptions { MaxConcurrency = 1 }, request);
        ResolutionResult c = await ResolveAsync(new InMemoryPackageRepository(listing), request);

        Assert.Equal(Pins(a), Pins(b));
        Assert.Equal(Pins(a), Pins(c));
        Assert.Equal(a.Packages.Select(p => p.Why), c.Packages.Select(p => p.Why));
        Assert.Equal(a.Packages.Select(p => p.File.Url), c.Packages.Select(p => p.File.Url));
    }
}
