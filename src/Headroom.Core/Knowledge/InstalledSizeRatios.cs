namespace Headroom.Knowledge;

/// <summary>
/// How much disk a downloaded wheel takes once installed, where only the download size is known
/// (offline, or an index without the wheel's zip directory). Each figure is a ratio installed/download
/// with a low and a high end, and where it comes from.
/// </summary>
public static class InstalledSizeRatios
{
    /// <summary>
    /// The CUDA stack (torch's CUDA build and its nvidia-*/triton wheels): ≈1.65× (torch 2.8.0+cu128: "you end up
    /// with 6.5G of disk use" for ≈3.9 GB of downloads, blog.laiqwq.com/archives/682, as summed in
    /// ml-wheels.md §6, collected late 2026 [I]). Low 1.5×; high 2.05× (a 2021 nightly CUDA wheel, 1.9 GB .whl to
    /// 3.9 GB unpacked, rgommers in pytorch/pytorch#56055, ml-wheels.md §6).
    /// </summary>
    public static (double Point, double Low, double High) Cuda { get; } = (1.65, 1.5, 2.05);

    /// <summary>
    /// torch's <c>+cpu</c> wheel: ml-wheels.md §6 estimates 0.9–1.0 GB installed for a ~185 MB wheel
    /// (libtorch_cpu.so of about 0.4–0.5 GB uncompressed; [I], unverified), i.e. ≈5.1×; the range is widened
    /// to 4×–6× because no measurement was found.
    /// </summary>
    public static (double Point, double Low, double High) TorchCpu { get; } = (5.1, 4.0, 6.0);

    /// <summary>
    /// Any other wheel whose download size is known: zip's deflate on Python code and shared libraries
    /// typically shrinks 2–3× (an assumption of this tool, not a measurement).
    /// </summary>
    public static (double Point, double Low, double High) Generic { get; } = (2.5, 1.5, 4.0);

    /// <summary>
    /// A package whose size is not known at all offline (no index, not in the embedded tables): counted as
    /// 10 MB installed and 4 MB downloaded, with a range of 1 MB to 80 MB. An assumption of this tool, stated
    /// in the output; the online prediction reads the real sizes.
    /// </summary>
    public static (long Installed, long Download, long Low, long High) UnknownPackage { get; } = (10_000_000, 4_000_000, 1_000_000, 80_000_000);

    /// <summary>The installed size of a download at a ratio's point estimate (what the predictor and DF001 both count).</summary>
    public static long Installed(long downloadBytes, (double Point, double Low, double High) ratio) => (long)(downloadBytes * ratio.Point);
}
