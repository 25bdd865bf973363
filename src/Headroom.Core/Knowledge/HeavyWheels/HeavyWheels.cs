namespace Headroom.Knowledge.HeavyWheels;

/// <summary>
/// Download sizes of heavy Python packages other than torch (TensorFlow, JAX and its CUDA plugin, triton,
/// ONNX Runtime GPU, vllm and the like), used offline or when no index answers, instead of the flat
/// assumption for an unknown package. All figures are manylinux x86_64 wheels as pip printed them,
/// collected in ../shared/reference/ml-wheels.md (§2 and §3, "TensorFlow", "JAX", "Other heavy packages"),
/// read 2026-11-30; each row names its public source.
/// </summary>
public static class HeavyWheels
{
    private static readonly HeavyWheel[] Rows =
    [
        new("tensorflow", null, "2.16.1", 589_800_000, false, "tensorflow-2.16.1 cp311 Linux 589.8 MB (optuna/optuna-examples#260); the wheel holds CPU and GPU kernels (tensorflow#42219)"),
        new("tensorflow-cpu", null, "2.16.1", 214_100_000, false, "tensorflow_cpu-2.16.1 cp311 Linux 214.1 MB (optuna/optuna-examples#260)"),
        new("jaxlib", null, "0.7.2", 78_200_000, false, "jaxlib 0.7.2 cp313 78.2 MB (a JAX install log, ml-wheels.md §3 JAX)"),
        new("jax", "cuda12", "0.7.2", 2_891_800_000, true, "jax[cuda12] 0.7.2: jax-cuda12-pjrt 132.7 + plugin 5.5 MB + the nvidia-* cu12 wheels it pulls, ≈2.97 GB with jaxlib (ml-wheels.md §3 JAX; lower-bound pins, so the figure floats)"),
        new("jax-cuda12-plugin", "with-cuda", "0.7.2", 2_891_800_000, true, "jax-cuda12-plugin[with-cuda] 0.7.2, the same set as jax[cuda12] (jax#21898, ml-wheels.md §3 JAX)"),
        new("jax-cuda12-pjrt", null, "0.7.2", 132_700_000, true, "jax_cuda12_pjrt 0.7.2 132.7 MB (ml-wheels.md §3 JAX)"),
        new("triton", null, "3.7.0", 201_500_000, true, "triton 3.7.0 cp312 x86_64 201.5 MB (ml-wheels.md §2)"),
        new("onnxruntime-gpu", null, "1.22.0", 283_199_528, true, "onnxruntime_gpu 1.22.0 cp312 Linux 283,199,528 B (ml-wheels.md §3 other heavy packages)"),
        new("cupy-cuda12x", null, "13.x", 105_300_000, true, "cupy-cuda12x 105.3 MB in a vllm 0.8.3 install log (ml-wheels.md §3 vllm)"),
        new("vllm", null, "0.5.0.post1", 130_200_000, false, "vllm 0.5.0.post1 cp310 130.2 MB (ml-wheels.md §3 vllm); its torch is sized on its own"),
        new("ray", null, "2.x", 68_100_000, false, "ray 68.1 MB in a vllm 0.8.3 install log (ml-wheels.md §3 vllm)"),
        new("xformers", null, "0.0.29.post2", 44_300_000, false, "xformers 0.0.29.post2 cp312 44.3 MB (ml-wheels.md §3); its CUDA torch is sized on its own"),
        new("nvidia-cudnn-cu12", null, "9.14.0.64", 647_100_000, true, "ml-wheels.md §2 (pip logs)"),
        new("nvidia-cublas-cu12", null, "12.9.1.4", 581_200_000, true, "ml-wheels.md §2 (pip logs)"),
        new("nvidia-nccl-cu12", null, "2.28.3", 295_900_000, true, "ml-wheels.md §2 (pip logs)"),
        new("nvidia-cusparse-cu12", null, "12.5.10.65", 366_500_000, true, "ml-wheels.md §2 (pip logs)"),
        new("nvidia-cusolver-cu12", null, "11.7.5.82", 338_100_000, true, "ml-wheels.md §2 (pip logs)"),
        new("nvidia-cufft-cu12", null, "11.4.1.4", 200_900_000, true, "ml-wheels.md §2 (pip logs)"),
    ];

    /// <summary>Every row (tests and documentation).</summary>
    public static IReadOnlyList<HeavyWheel> All => Rows;

    /// <summary>
    /// The rows that installing <paramref name="normalizedName"/> with <paramref name="extras"/> brings:
    /// the package's own row, and the row of each extra asked for that has one. Empty when nothing is known.
    /// </summary>
    public static IReadOnlyList<HeavyWheel> For(string normalizedName, IEnumerable<string> extras)
    {
        ArgumentNullException.ThrowIfNull(normalizedName);
        ArgumentNullException.ThrowIfNull(extras);
        var wanted = extras.Select(e => e.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return [.. Rows.Where(r => r.Name == normalizedName && (r.Extra is null || wanted.Contains(r.Extra)))];
    }
}
