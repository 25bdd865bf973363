using Headroom.Python;
using Headroom.Tests.Prediction;
using Headroom.Text;

namespace Headroom.Tests.Python;

public sealed class LockSelectionTests
{
    private static readonly LockFile UvLock = LockFile.Parse(new SourceText(LockFixtures.UvLock(LockFixtures.FakeSize), "uv.lock"));

    private static string[] Names(LockFile lockFile, TargetEnvironment target, LockRequest request, List<string>? notes = null) =>
        [.. LockSelection.Select(lockFile, MarkerEnvironment.ForTarget(target), request, notes ?? []).Select(s => $"{s.Package.Name} {s.Package.Version}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Uv_lock_walks_from_the_project_with_the_markers_of_the_target()
    {
        Assert.Empty(UvLock.Diagnostics);
        var request = new LockRequest { Groups = new HashSet<string> { "dev" } };

        // linux/amd64, CPython 3.12: torch's CUDA pins hold, pywin32 does not; numpy is the fork for >= 3.12.
        Assert.Equal(["filelock 3.16.1", "numpy 2.1.0", "nvidia-cublas-cu12 12.4.5.8", "pytest 8.3.3", "torch 2.6.0", "triton 3.2.0"], Names(UvLock, TargetEnvironment.Manylinux(12), request));

        // linux/arm64: torch's x86_64 marker drops the CUDA stack.
        Assert.Equal(["filelock 3.16.1", "numpy 2.1.0", "pytest 8.3.3", "torch 2.6.0"], Names(UvLock, TargetEnvironment.Manylinux(12, "aarch64"), request));

        // CPython 3.11 takes the other numpy fork.
        Assert.Contains("numpy 1.26.4", Names(UvLock, TargetEnvironment.Manylinux(11), request));
    }

    [Fact]
    public void Uv_sync_options_choose_groups_and_extras()
    {
        TargetEnvironment target = TargetEnvironment.Manylinux(12);
        string[] noDev = Names(UvLock, target, new LockRequest { Groups = new HashSet<string> { "dev" }, ExcludedGroups = new HashSet<string> { "dev" } });
        Assert.DoesNotContain("pytest 8.3.3", noDev);
        Assert.DoesNotContain("uvicorn 0.32.0", noDev);

        Assert.Contains("uvicorn 0.32.0", Names(UvLock, target, new LockRequest { Extras = new HashSet<string> { "server" } }));
        Assert.Contains("uvicorn 0.32.0", Names(UvLock, target, new LockRequest { AllExtras = true }));
        Assert.Equal(["pytest 8.3.3"], Names(UvLock, target, new LockRequest { Groups = new HashSet<string> { "dev" }, OnlyGroups = true }));
    }

    [Fact]
    public void A_dependency_missing_from_the_lock_is_a_note()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("""
            version = 1
            [[package]]
            name = "app"
            version = "1.0"
            source = { virtual = "." }
            dependencies = [{ name = "ghost" }]
            """, "uv.lock"));
        var notes = new List<string>();
        Assert.Empty(Names(lockFile, TargetEnvironment.Manylinux(12), new LockRequest(), notes));
        Assert.Equal("ghost (required by app) is not in the lock file: not counted", Assert.Single(notes));
    }

    [Fact]
    public void Pylock_takes_the_packages_whose_marker_holds_with_the_extras_and_groups_asked_for()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("""
            lock-version = "1.0"
            requires-python = ">=3.12"
            extras = ["gpu"]
            dependency-groups = ["dev"]
            default-groups = []
            created-by = "uv"

            [[packages]]
            name = "torch"
            version = "2.6.0"
            index = "https://pypi.org/simple"
            wheels = [{ name = "torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl", url = "https://files.test/torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl", size = 766600000, hashes = { sha256 = "aa" } }]

            [[packages]]
            name = "nvidia-cublas-cu12"
            version = "12.4.5.8"
            marker = "'gpu' in extras and platform_machine == 'x86_64'"
            index = "https://pypi.org/simple"
            wheels = [{ url = "https://files.test/nvidia_cublas_cu12-12.4.5.8-py3-none-manylinux2014_x86_64.whl", size = 363400000, hashes = { sha256 = "bb" } }]

            [[packages]]
            name = "pytest"
            version = "8.3.3"
            marker = "'dev' in dependency_groups"
            wheels = [{ url = "https://files.test/pytest-8.3.3-py3-none-any.whl", size = 342000, hashes = { sha256 = "cc" } }]

            [[packages]]
            name = "colorama"
            version = "0.4.6"
            marker = "sys_platform == 'win32'"
            wheels = [{ url = "https://files.test/colorama-0.4.6-py2.py3-none-any.whl", size = 25335, hashes = { sha256 = "dd" } }]
            """, "pylock.toml"));

        Assert.Empty(lockFile.Diagnostics);
        TargetEnvironment target = TargetEnvironment.Manylinux(12);
        Assert.Equal(["torch 2.6.0"], Names(lockFile, target, new LockRequest()));
        Assert.Equal(["nvidia-cublas-cu12 12.4.5.8", "torch 2.6.0"], Names(lockFile, target, new LockRequest { Extras = new HashSet<string> { "gpu" } }));
        Assert.Equal(["nvidia-cublas-cu12 12.4.5.8", "pytest 8.3.3", "torch 2.6.0"], Names(lockFile, target, new LockRequest { AllExtras = true, Groups = new HashSet<string> { "dev" } }));
        Assert.Equal(["torch 2.6.0"], Names(lockFile, TargetEnvironment.Manylinux(12, "aarch64"), new LockRequest { Extras = new HashSet<string> { "gpu" } }));
    }

    [Fact]
    public void Poetry_lock_2_1_takes_the_groups_asked_for_and_their_markers()
    {
        LockFile lockFile = LockFile.Parse(new SourceText(PoetryLock21, "poetry.lock"));

        Assert.Empty(lockFile.Diagnostics);
        TargetEnvironment target = TargetEnvironment.Manylinux(12);
        Assert.Equal(["six 1.16.0", "torch 2.3.1+cpu"], Names(lockFile, target, new LockRequest { Groups = new HashSet<string> { "main" } }));
        Assert.Equal(["pytest 8.3.3", "six 1.16.0", "torch 2.3.1+cpu"], Names(lockFile, target, new LockRequest { Groups = new HashSet<string> { "main", "dev" } }));

        // colorama is in main through the extra "color", in dev on Windows only.
        Assert.Contains("colorama 0.4.6", Names(lockFile, target, new LockRequest { Groups = new HashSet<string> { "main" }, Extras = new HashSet<string> { "color" } }));
    }

    [Fact]
    public void Poetry_lock_2_0_is_walked_from_the_pyproject_dependencies()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("""
            [[package]]
            name = "requests"
            version = "2.32.3"
            optional = false
            python-versions = ">=3.8"
            files = [
                {file = "requests-2.32.3-py3-none-any.whl", hash = "sha256:01"},
            ]

            [package.dependencies]
            certifi = ">=2017.4.17"
            urllib3 = [
                {version = ">=1.21.1,<3", markers = "python_version >= \"3.10\""},
                {version = "<2", markers = "python_version < \"3.10\""},
            ]
            PySocks = {version = ">=1.5.6,!=1.5.7", optional = true}

            [package.extras]
            socks = ["PySocks (>=1.5.6,!=1.5.7)"]

            [[package]]
            name = "certifi"
            version = "2024.8.30"
            optional = false
            python-versions = ">=3.6"
            files = [{file = "certifi-2024.8.30-py3-none-any.whl", hash = "sha256:02"}]

            [[package]]
            name = "urllib3"
            version = "2.2.3"
            optional = false
            python-versions = ">=3.8"
            files = [{file = "urllib3-2.2.3-py3-none-any.whl", hash = "sha256:03"}]

            [[package]]
            name = "pysocks"
            version = "1.7.1"
            optional = true
            python-versions = "*"
            files = [{file = "PySocks-1.7.1-py3-none-any.whl", hash = "sha256:04"}]

            [[package]]
            name = "pytest"
            version = "8.3.3"
            optional = false
            python-versions = ">=3.8"
            files = [{file = "pytest-8.3.3-py3-none-any.whl", hash = "sha256:05"}]

            [metadata]
            lock-version = "2.0"
            python-versions = "^3.12"
            content-hash = "00"
            """, "poetry.lock"));
        (IReadOnlyList<(string Group, LockedDependency Dependency)> roots, IReadOnlySet<string> optional) = PoetryProject.Read(new SourceText("""
            [tool.poetry.dependencies]
            python = "^3.12"
            requests = "^2.32"

            [tool.poetry.group.dev.dependencies]
            pytest = "^8"

            [tool.poetry.group.docs]
            optional = true

            [tool.poetry.group.docs.dependencies]
            mkdocs = "*"
            """, "pyproject.toml"));

        Assert.Equal(["docs"], optional);
        Assert.Equal(["main requests", "dev pytest", "docs mkdocs"], roots.Select(r => $"{r.Group} {r.Dependency.Name}"));
        TargetEnvironment target = TargetEnvironment.Manylinux(12);
        Assert.Equal(["certifi 2024.8.30", "requests 2.32.3", "urllib3 2.2.3"], Names(lockFile, target, new LockRequest { Roots = roots, Groups = new HashSet<string> { "main" } }));
        Assert.Equal(["certifi 2024.8.30", "pytest 8.3.3", "requests 2.32.3", "urllib3 2.2.3"], Names(lockFile, target, new LockRequest { Roots = roots, Groups = new HashSet<string> { "main", "dev" } }));
    }

    [Fact]
    public void A_bad_marker_in_a_lock_is_an_error_with_its_line()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("""
            version = 1
            [[package]]
            name = "torch"
            version = "2.6.0"
            dependencies = [{ name = "triton", marker = "platform_machine === " }]
            """, "uv.lock"));
        Headroom.Diagnostics.Diagnostic error = Assert.Single(lockFile.Diagnostics);
        Assert.Equal((5, "lock-invalid-marker"), (error.Start.Line, error.Code));
    }

    internal const string PoetryLock21 = """
        # This file is automatically @generated by Poetry 2.1.1 and should not be changed by hand.

        [[package]]
        name = "colorama"
        version = "0.4.6"
        description = "Cross-platform colored terminal text."
        optional = false
        python-versions = ">=2.7"
        groups = ["main", "dev"]
        files = [
            {file = "colorama-0.4.6-py2.py3-none-any.whl", hash = "sha256:4f1d9991f5acc0ca119f9d443620b77f9d6b33703e51011c16baf57afb285fc6"},
            {file = "colorama-0.4.6.tar.gz", hash = "sha256:08695f5cb7ed6e0531a20572697297273c47b8cae5a63ffc6d6ed5c201be6e44"},
        ]
        markers = {main = "extra == \"color\"", dev = "sys_platform == \"win32\""}

        [[package]]
        name = "pytest"
        version = "8.3.3"
        description = "pytest: simple powerful testing with Python"
        optional = false
        python-versions = ">=3.8"
        groups = ["dev"]
        files = [
            {file = "pytest-8.3.3-py3-none-any.whl", hash = "sha256:a6853c7375b2663155079443d2e45de913a911a11d669df02a50814944db57b2"},
        ]

        [[package]]
        name = "six"
        version = "1.16.0"
        description = "Python 2 and 3 compatibility utilities"
        optional = false
        python-versions = ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*"
        groups = ["main"]
        files = [
            {file = "six-1.16.0-py2.py3-none-any.whl", hash = "sha256:8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254"},
            {file = "six-1.16.0.tar.gz", hash = "sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926"},
        ]

        [[package]]
        name = "torch"
        version = "2.3.1+cpu"
        description = "Tensors and Dynamic neural networks in Python with strong GPU acceleration"
        optional = false
        python-versions = ">=3.8.0"
        groups = ["main"]
        markers = "sys_platform == \"linux\""
        files = [
            {file = "torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl", hash = "sha256:1111"},
            {file = "torch-2.3.1+cpu-cp312-cp312-linux_x86_64.whl", hash = "sha256:2222"},
        ]

        [package.source]
        type = "legacy"
        url = "https://download.pytorch.org/whl/cpu"
        reference = "pytorch-cpu"

        [metadata]
        lock-version = "2.1"
        python-versions = "^3.12"
        content-hash = "abcd"
        """;
}
