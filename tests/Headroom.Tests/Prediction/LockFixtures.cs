namespace Headroom.Tests.Prediction;

/// <summary>
/// Small lock files in the shape uv, PEP 751 and poetry write them: a project that needs torch 2.6.0 from PyPI, whose
/// CUDA pins (nvidia-cublas-cu12, triton) carry torch's Linux x86_64 marker, numpy, a Windows-only dependency and a
/// dev group. The recorded sizes come from <c>size</c> (the real bytes when a test serves the wheels).
/// </summary>
internal static class LockFixtures
{
    public const string Files = "https://files.test/";

    public const string Torch = "torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl";
    public const string TorchArm = "torch-2.6.0-cp312-cp312-manylinux_2_28_aarch64.whl";
    public const string Cublas = "nvidia_cublas_cu12-12.4.5.8-py3-none-manylinux2014_x86_64.whl";
    public const string Triton = "triton-3.2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    public const string Filelock = "filelock-3.16.1-py3-none-any.whl";
    public const string Numpy = "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl";
    public const string NumpyArm = "numpy-2.1.0-cp312-cp312-manylinux_2_17_aarch64.whl";

    /// <summary>The wheels a linux/amd64 CPython 3.12 install takes without the dev group.</summary>
    public static readonly string[] Amd64Wheels = [Torch, Cublas, Triton, Filelock, Numpy];

    public static string UvLock(Func<string, long> size) => $$"""
        version = 1
        revision = 2
        requires-python = ">=3.11"
        resolution-markers = [
            "python_full_version >= '3.12'",
            "python_full_version < '3.12'",
        ]

        [[package]]
        name = "app"
        version = "0.1.0"
        source = { editable = "." }
        dependencies = [
            { name = "numpy", version = "1.26.4", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version < '3.12'" },
            { name = "numpy", version = "2.1.0", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version >= '3.12'" },
            { name = "pywin32", marker = "sys_platform == 'win32'" },
            { name = "torch" },
        ]

        [package.optional-dependencies]
        server = [
            { name = "uvicorn" },
        ]

        [package.dev-dependencies]
        dev = [
            { name = "pytest" },
        ]

        [[package]]
        name = "filelock"
        version = "3.16.1"
        source = { registry = "https://pypi.org/simple" }
        sdist = { url = "{{Files}}filelock-3.16.1.tar.gz", hash = "sha256:0001", size = 18007 }
        wheels = [
            {{Wheel(Filelock, size)}},
        ]

        [[package]]
        name = "numpy"
        version = "1.26.4"
        source = { registry = "https://pypi.org/simple" }
        resolution-markers = [
            "python_full_version < '3.12'",
        ]
        wheels = [
            {{Wheel("numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl", size)}},
        ]

        [[package]]
        name = "numpy"
        version = "2.1.0"
        source = { registry = "https://pypi.org/simple" }
        resolution-markers = [
            "python_full_version >= '3.12'",
        ]
        wheels = [
            {{Wheel(Numpy, size)}},
            {{Wheel(NumpyArm, size)}},
        ]

        [[package]]
        name = "nvidia-cublas-cu12"
        version = "12.4.5.8"
        source = { registry = "https://pypi.org/simple" }
        wheels = [
            {{Wheel(Cublas, size)}},
        ]

        [[package]]
        name = "pytest"
        version = "8.3.3"
        source = { registry = "https://pypi.org/simple" }
        wheels = [
            {{Wheel("pytest-8.3.3-py3-none-any.whl", size)}},
        ]

        [[package]]
        name = "pywin32"
        version = "308"
        source = { registry = "https://pypi.org/simple" }
        wheels = [
            {{Wheel("pywin32-308-cp312-cp312-win_amd64.whl", size)}},
        ]

        [[package]]
        name = "torch"
        version = "2.6.0"
        source = { registry = "https://pypi.org/simple" }
        dependencies = [
            { name = "filelock" },
            { name = "nvidia-cublas-cu12", marker = "platform_machine == 'x86_64' and sys_platform == 'linux'" },
            { name = "triton", marker = "platform_machine == 'x86_64' and sys_platform == 'linux'" },
        ]
        wheels = [
            {{Wheel(Torch, size)}},
            {{Wheel(TorchArm, size)}},
            {{Wheel("torch-2.6.0-cp313-cp313-manylinux1_x86_64.whl", size)}},
        ]

        [[package]]
        name = "triton"
        version = "3.2.0"
        source = { registry = "https://pypi.org/simple" }
        wheels = [
            {{Wheel(Triton, size)}},
        ]

        [[package]]
        name = "uvicorn"
        version = "0.32.0"
        source = { registry = "https://pypi.org/simple" }
        wheels = [
            {{Wheel("uvicorn-0.32.0-py3-none-any.whl", size)}},
        ]
        """;

    public const string PyProject = """
        [project]
        name = "app"
        version = "0.1.0"
        requires-python = ">=3.11"
        dependencies = ["torch==2.6.0", "numpy", "pywin32; sys_platform == 'win32'"]

        [project.optional-dependencies]
        server = ["uvicorn"]

        [dependency-groups]
        dev = ["pytest"]
        """;

    /// <summary>Sizes that differ per file, so a wrong wheel shows.</summary>
    public static long FakeSize(string filename) => 1_000_000 + (filename.Length * 7919L);

    private static string Wheel(string filename, Func<string, long> size) =>
        $"{{ url = \"{Files}{Uri.EscapeDataString(filename)}\", hash = \"sha256:{filename.Length:x4}\", size = {size(filename)} }}";
}
