namespace Headroom.Tests.Python.Resolution;

/// <summary>
/// torch's packaging structure, scaled down (facts from ../shared/reference/ml-wheels.md, late 2026): the
/// PyPI build pins the nvidia-* CUDA wheels exactly, under
/// <c>platform_system == "Linux" and platform_machine == "x86_64"</c>; the +cpu build on the CPU index has
/// none of them; torchvision and xformers pin torch exactly; sentence-transformers asks torch&gt;=1.11.
/// </summary>
internal static class TorchFixtures
{
    private const string Cuda = "platform_system == \"Linux\" and platform_machine == \"x86_64\"";

    public const string PyPi = $"""
        torch 2.5.1 wheels=cp311-cp311-manylinux1_x86_64,cp312-cp312-manylinux1_x86_64,cp312-cp312-manylinux2014_aarch64 python=>=3.8.0
          filelock
          typing-extensions>=4.8.0
          nvidia-cublas-cu12==12.4.5.8; {Cuda}
          nvidia-cudnn-cu12==9.1.0.70; {Cuda}
          nvidia-nccl-cu12==2.21.5; {Cuda}
          triton==3.1.0; {Cuda} and python_version < "3.13"
          opt-einsum>=3.3; extra == "opt-einsum"
        torch 2.6.0 wheels=cp311-cp311-manylinux1_x86_64,cp312-cp312-manylinux1_x86_64,cp312-cp312-manylinux_2_28_aarch64 python=>=3.9.0
          filelock
          typing-extensions>=4.10.0
          nvidia-cublas-cu12==12.4.5.8; {Cuda}
          nvidia-cudnn-cu12==9.1.0.70; {Cuda}
          nvidia-nccl-cu12==2.21.5; {Cuda}
          nvidia-cusparselt-cu12==0.6.2; {Cuda}
          triton==3.2.0; {Cuda}
        nvidia-cublas-cu12 12.4.5.8 wheels=py3-none-manylinux2014_x86_64
        nvidia-cublas-cu12 12.8.3.14 wheels=py3-none-manylinux_2_27_x86_64
        nvidia-cudnn-cu12 9.1.0.70 wheels=py3-none-manylinux2014_x86_64
          nvidia-cublas-cu12
        nvidia-nccl-cu12 2.21.5 wheels=py3-none-manylinux2014_x86_64
        nvidia-cusparselt-cu12 0.6.2 wheels=py3-none-manylinux2014_x86_64
        triton 3.1.0 wheels=cp312-cp312-manylinux_2_17_x86_64
          filelock
        triton 3.2.0 wheels=cp312-cp312-manylinux_2_17_x86_64
        filelock 3.16.1
        typing-extensions 4.12.2
        opt-einsum 3.4.0
        torchvision 0.20.1 wheels=cp312-cp312-manylinux1_x86_64,cp312-cp312-manylinux2014_aarch64
          torch==2.5.1
          numpy
        torchvision 0.21.0 wheels=cp312-cp312-manylinux1_x86_64,cp312-cp312-manylinux2014_aarch64
          torch==2.6.0
          numpy
        numpy 2.1.3 wheels=cp312-cp312-manylinux_2_17_x86_64,cp312-cp312-manylinux_2_17_aarch64

        """;

    public const string Cpu = """
        torch 2.5.1+cpu index=cpu wheels=cp312-cp312-linux_x86_64
          filelock
          typing-extensions>=4.8.0
        torch 2.6.0+cpu index=cpu wheels=cp312-cp312-linux_x86_64
          filelock
          typing-extensions>=4.10.0

        """;

    public const string Xformers = """
        xformers 0.0.28.post3 wheels=cp312-cp312-manylinux_2_28_x86_64
          numpy
          torch==2.5.1
        xformers 0.0.28.post1 wheels=cp312-cp312-manylinux_2_28_x86_64
          numpy
          torch==2.4.1

        """;

    public const string SentenceTransformers = """
        sentence-transformers 3.3.1
          torch>=1.11.0
          numpy
        sentence-transformers 2.7.0
          torch>=1.11.0

        """;
}
