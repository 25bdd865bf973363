namespace Headroom.Knowledge.Torch;

/// <summary>
/// What one torch release line downloads on Linux x86_64: the default (CUDA) build from PyPI with its
/// nvidia-*/triton stack, and the <c>+cpu</c> build from <c>download.pytorch.org/whl/cpu</c>.
/// Sizes are decimal bytes as pip prints them; null where no source was found.
/// </summary>
/// <param name="Minor">The release line, such as <c>2.3</c>.</param>
/// <param name="Releases">The final releases of the line (<c>2.3.0</c>, <c>2.3.1</c>); a version not listed does not exist on PyPI.</param>
/// <param name="ReleasesComplete">True when the line is closed and <paramref name="Releases"/> is all of it.</param>
/// <param name="PyPiCuda">The CUDA version of the PyPI build for linux/amd64 (<c>12.1</c>).</param>
/// <param name="CudaWheelBytes">The PyPI torch wheel (cp312 where found).</param>
/// <param name="CudaStackBytes">The nvidia-*, triton and cuda-* wheels it pulls (sum of pip's download lines).</param>
/// <param name="CpuWheelBytes">The <c>+cpu</c> wheel.</param>
/// <param name="MinPython">The lowest CPython minor with a wheel (<c>8</c> for cp38).</param>
/// <param name="MaxPython">The highest CPython minor with a wheel.</param>
/// <param name="CudaOnLinuxArm64">True when the PyPI build for linux/arm64 also pulls the CUDA stack.</param>
/// <param name="Source">Where the figures come from, with the date they were collected.</param>
public sealed record TorchBuild(
    string Minor,
    IReadOnlyList<string> Releases,
    bool ReleasesComplete,
    string PyPiCuda,
    long? CudaWheelBytes,
    long? CudaStackBytes,
    long? CpuWheelBytes,
    int MinPython,
    int MaxPython,
    bool CudaOnLinuxArm64,
    string Source)
{
    /// <summary>Torch plus its CUDA stack, or null when either part is unknown.</summary>
    public long? CudaDownloadBytes => CudaWheelBytes + CudaStackBytes;

    /// <summary>Whether CPython 3.<paramref name="minor"/> has a wheel of this line.</summary>
    public bool SupportsPython(int minor) => minor >= MinPython && minor <= MaxPython;
}
