using Headroom.Python;
using Headroom.Text;

namespace Headroom.Tests.Python;

public sealed class LockFileTests
{
    [Fact]
    public void Uv_lock_records_versions_sources_and_wheel_sizes()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("""
            version = 1
            revision = 2
            requires-python = ">=3.12"

            [[package]]
            name = "torch"
            version = "2.7.1+cpu"
            source = { registry = "https://download.pytorch.org/whl/cpu" }
            dependencies = [
                { name = "filelock" },
            ]
            wheels = [
                { url = "https://download.pytorch.org/whl/cpu/torch-2.7.1%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl", hash = "sha256:aaaa", size = 175833687 },
                { url = "https://download.pytorch.org/whl/cpu/torch-2.7.1%2Bcpu-cp313-cp313-manylinux_2_28_x86_64.whl", hash = "sha256:bbbb" },
            ]

            [[package]]
            name = "filelock"
            version = "3.15.4"
            source = { registry = "https://pypi.org/simple" }
            sdist = { url = "https://files.pythonhosted.org/packages/filelock-3.15.4.tar.gz", hash = "sha256:cccc", size = 18007 }
            wheels = [
                { url = "https://files.pythonhosted.org/packages/filelock-3.15.4-py3-none-any.whl", hash = "sha256:dddd", size = 16159 },
            ]

            [[package]]
            name = "backend"
            version = "0.1.0"
            source = { editable = "." }
            """, "uv.lock"));

        Assert.Equal(LockFileKind.Uv, lockFile.Kind);
        Assert.Empty(lockFile.Diagnostics);
        Assert.Equal(">=3.12", lockFile.RequiresPython);
        Assert.Equal(["torch", "filelock", "backend"], lockFile.Packages.Select(p => p.Name));

        LockedPackage torch = Assert.Single(lockFile.Find("Torch"));
        Assert.Equal("2.7.1+cpu", torch.ParsedVersion!.ToString());
        Assert.Equal("https://download.pytorch.org/whl/cpu", torch.Source);
        Assert.Equal("torch-2.7.1+cpu-cp312-cp312-manylinux_2_28_x86_64.whl", torch.Wheels[0].Filename);
        Assert.Equal(175_833_687, torch.Wheels[0].Size);
        Assert.Null(torch.Wheels[1].Size);
        Assert.Equal("sha256:aaaa", torch.Wheels[0].Hash);

        WheelFilename? best = WheelSelector.ChooseBest(torch.Wheels.Select(w => w.Wheel!), CompatibleTags.For(TargetEnvironment.Manylinux(12)));
        Assert.Equal("torch-2.7.1+cpu-cp312-cp312-manylinux_2_28_x86_64.whl", best?.Filename);

        LockedPackage filelock = lockFile.Packages[1];
        Assert.Equal(18_007, filelock.Sdist!.Size);
        Assert.Equal(".", lockFile.Packages[2].Source);
        Assert.Empty(lockFile.Packages[2].Wheels);
    }

    [Fact]
    public void Pylock_records_wheels_with_names_sizes_hashes_and_markers()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("""
            lock-version = "1.0"
            requires-python = ">=3.12"
            created-by = "uv"

            [[packages]]
            name = "torch"
            version = "2.9.0+cpu"
            marker = "sys_platform == 'linux'"
            index = "https://download.pytorch.org/whl/cpu"
            wheels = [
              { name = "torch-2.9.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl", url = "https://download.pytorch.org/whl/cpu/torch-2.9.0%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl", size = 184388168, hashes = { sha256 = "eeee" } },
            ]

            [[packages]]
            name = "sympy"
            version = "1.13.3"
            index = "https://pypi.org/simple"
            sdist = { name = "sympy-1.13.3.tar.gz", url = "https://files.pythonhosted.org/sympy-1.13.3.tar.gz", size = 7533040, hashes = { sha256 = "ffff" } }
            """, "pylock.toml"));

        Assert.Equal(LockFileKind.Pylock, lockFile.Kind);
        LockedPackage torch = lockFile.Packages[0];
        Assert.Equal(184_388_168, torch.Wheels.Single().Size);
        Assert.Equal("sha256:eeee", torch.Wheels.Single().Hash);
        Assert.Equal("https://download.pytorch.org/whl/cpu", torch.Source);
        Assert.True(torch.Marker!.Evaluate(new MarkerEnvironment()));
        Assert.False(torch.Marker.Evaluate(new MarkerEnvironment { SysPlatform = "darwin" }));
        Assert.Equal(7_533_040, lockFile.Packages[1].Sdist!.Size);
    }

    [Fact]
    public void Poetry_lock_records_files_and_hashes_without_sizes()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("""
            [[package]]
            name = "torch"
            version = "2.3.1+cpu"
            description = "Tensors and Dynamic neural networks in Python with strong GPU acceleration"
            optional = false
            python-versions = ">=3.8.0"
            files = [
                {file = "torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl", hash = "sha256:1111"},
                {file = "torch-2.3.1+cpu-cp312-cp312-linux_x86_64.whl", hash = "sha256:2222"},
            ]

            [package.source]
            type = "legacy"
            url = "https://download.pytorch.org/whl/cpu"
            reference = "pytorch-cpu"

            [[package]]
            name = "six"
            version = "1.16.0"
            description = "Python 2 and 3 compatibility utilities"
            optional = false
            python-versions = ">=2.7"
            files = [
                {file = "six-1.16.0-py2.py3-none-any.whl", hash = "sha256:3333"},
                {file = "six-1.16.0.tar.gz", hash = "sha256:4444"},
            ]

            [metadata]
            lock-version = "2.0"
            python-versions = "^3.11"
            content-hash = "abcd"
            """, "poetry.lock"));

        Assert.Equal(LockFileKind.Poetry, lockFile.Kind);
        Assert.Equal("^3.11", lockFile.RequiresPython);
        LockedPackage torch = lockFile.Packages[0];
        Assert.Equal("https://download.pytorch.org/whl/cpu", torch.Source);
        Assert.Equal(2, torch.Wheels.Count);
        Assert.All(torch.Wheels, w => Assert.Null(w.Size));
        Assert.Equal("sha256:1111", torch.Wheels[0].Hash);
        Assert.Null(lockFile.Packages[1].Source);
        Assert.Equal("six-1.16.0.tar.gz", lockFile.Packages[1].Sdist!.Filename);
        Assert.Equal(["py2", "py3"], lockFile.Packages[1].Wheels.Single().Wheel!.PythonTags);
    }

    [Fact]
    public void A_broken_lock_file_is_a_diagnostic()
    {
        LockFile lockFile = LockFile.Parse(new SourceText("[[package]\nname = \"x\"\n", "uv.lock"));
        Assert.NotEmpty(lockFile.Diagnostics);
        Assert.Empty(lockFile.Packages);
    }
}
