namespace Headroom.Knowledge.Torch;

/// <summary>
/// Offline knowledge of torch's wheels per release line (see <see cref="TorchBuild"/>) and of the indexes
/// that serve them.
/// </summary>
/// <remarks>
/// Sizes: /work/shared/reference/ml-wheels.md §1a (PyPI wheel and the sum of the nvidia/triton wheels pip
/// downloads, Linux x86_64), §1b (<c>+cpu</c> wheels on download.pytorch.org/whl/cpu), §2 (per-wheel sizes),
/// collected from pip logs, uv.lock files and issue threads, late 2026. Where the reference has no
/// figure the field is null, except where noted [I] (inferred here, from the same reference).
/// Release lists and CPython ranges: the torch release history on PyPI (pypi.org/project/torch/#history)
/// and PyTorch's release notes, as known in November 2026; they are not in the reference file.
/// </remarks>
public static class TorchBuilds
{
    private const long MB = 1_000_000;

    private const string Reference = "ml-wheels.md (pip logs, uv.lock files; collected late 2026)";

    /// <summary>Every release line from 2.0, oldest first.</summary>
    public static IReadOnlyList<TorchBuild> All { get; } =
    [
        // No size data in the reference for 2.0/2.1: CUDA 11.7/12.1 era (pytorch RELEASE.md).
        new("2.0", ["2.0.0", "2.0.1"], true, "11.7", null, null, null, 8, 11, false, "releases: PyPI history (Nov 2026)"),
        new("2.1", ["2.1.0", "2.1.1", "2.1.2"], true, "12.1", null, null, null, 8, 11, false, "releases: PyPI history (Nov 2026)"),

        // 2.2.2: torch 755.5 MB, nvidia stack ≈1,885 MB (no triton on py3.12): ml-wheels.md §1a, pip log.
        new("2.2", ["2.2.0", "2.2.1", "2.2.2"], true, "12.1", 755_500_000, 1_885 * MB, null, 8, 12, false, Reference + " §1a (2.2.2)"),

        // 2.3.0: torch 779.1 MB, same 12.1 pins as 2.2.2 (cublas 12.1.3.1, cudnn 8.9.2.26: §1a) with nccl
        // 2.20.5 (176.2 MB, §2) for 2.19.3: stack 1,885 - 166.0 + 176.2 ≈ 1,895 MB [I]; 2.3.1+cpu 190.4 MB (§1b).
        new("2.3", ["2.3.0", "2.3.1"], true, "12.1", 779_100_000, 1_895 * MB, 190_400_000, 8, 12, false, Reference + " §1a (2.3.0), §1b (2.3.1+cpu); stack inferred from 2.2.2's pins"),

        // 2.4.x: 797.2 MB (cp310), stack ≈1,808 MB without triton; 2.4.1+cpu 194.8 MB.
        new("2.4", ["2.4.0", "2.4.1"], true, "12.1", 797_200_000, 1_808 * MB, 194_800_000, 8, 12, false, Reference + " §1a, §1b"),

        // 2.5.1: 906.4 MB, stack 2,090 MB; 2.5.1+cpu 174.7 MB (cp311).
        new("2.5", ["2.5.0", "2.5.1"], true, "12.4", 906_400_000, 2_090 * MB, 174_700_000, 9, 13, false, Reference + " §1a, §1b"),

        // 2.6.0: 766.6 MB, stack 2,284 MB; 2.6.0+cpu 178.6 MB.
        new("2.6", ["2.6.0"], true, "12.4", 766_600_000, 2_284 * MB, 178_600_000, 9, 13, false, Reference + " §1a, §1b"),

        // 2.7.1: 821,025,792 B, stack 2,164 MB; 2.7.1+cpu 175,833,687 B.
        new("2.7", ["2.7.0", "2.7.1"], true, "12.6", 821_025_792, 2_164 * MB, 175_833_687, 9, 13, false, Reference + " §1a, §1b (2.7.1)"),

        // 2.8.0: 887.9 MB, stack 3,018 MB (drose.io's uv.lock sums to about 3.9 GB too); no +cpu size found.
        new("2.8", ["2.8.0"], true, "12.8", 887_900_000, 3_018 * MB, null, 9, 13, false, Reference + " §1a"),

        // 2.9.0/2.9.1: 899.7 MB, stack 3,158 MB; 2.9.0+cpu 184,388,168 B.
        new("2.9", ["2.9.0", "2.9.1"], true, "12.8", 899_700_000, 3_158 * MB, 184_388_168, 10, 14, false, Reference + " §1a, §1b"),

        // 2.10.0: 915.7 MB, stack 3,202 MB; 2.10.0+cpu 188.9 MB. The arch marker is gone from ~2.10 [I, §1c].
        new("2.10", ["2.10.0"], false, "12.8", 915_700_000, 3_202 * MB, 188_900_000, 10, 14, false, Reference + " §1a, §1b"),

        // 2.11.0: 530,712,279 B (CUDA 13.0), stack 2,176 MB; no +cpu size found.
        new("2.11", ["2.11.0"], false, "13.0", 530_712_279, 2_176 * MB, null, 10, 14, false, Reference + " §1a"),

        // 2.12.0: 532.3 MB, stack 2,199 MB; 2.12.0+cpu 192.3 MB. "CUDA 13 is now the default version installed
        // for both x86_64 and ARM" (googlecolab/colabtools#5982, quoted in §1a).
        new("2.12", ["2.12.0"], false, "13.0", 532_300_000, 2_199 * MB, 192_300_000, 10, 14, true, Reference + " §1a, §1b"),

        // 2.13.0: 526.6 MB; stack not found; CUDA 13.0 on PyPI is [I] (§1a).
        new("2.13", ["2.13.0"], false, "13.0", 526_600_000, null, null, 10, 14, true, Reference + " §1a"),
    ];

    /// <summary>The smallest known CUDA download (torch + stack) of any line: the floor used when the version is unknown.</summary>
    /// <summary>The CPU wheel when a line has no figure: ml-wheels.md §1b, "roughly 175–195 MB" (late 2026).</summary>
    public const long TypicalCpuWheelBytes = 190_000_000;

    public static long MinimumCudaDownloadBytes { get; } = All.Where(b => b.CudaDownloadBytes is not null).Min(b => b.CudaDownloadBytes!.Value);

    /// <summary>The line a version (<c>2.3.1</c>, <c>2.3.1+cpu</c>, <c>2.3</c>) belongs to, or null when it is not in the table.</summary>
    public static TorchBuild? Find(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        string[] parts = PublicVersion(version).Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        string minor = parts[0] + "." + parts[1];
        return All.FirstOrDefault(b => b.Minor == minor);
    }

    /// <summary>The version without its local label: <c>2.3.1</c> for <c>2.3.1+cpu</c>.</summary>
    public static string PublicVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>The local label (<c>cpu</c>, <c>cu121</c>) or null.</summary>
    public static string? LocalLabel(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? null : version[(plus + 1)..];
    }

    /// <summary>
    /// False when the table knows the line and the line is closed but has no such release (<c>2.3.2</c>);
    /// true when the release exists or the table cannot tell.
    /// </summary>
    public static bool MayExist(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        string release = PublicVersion(version);
        if (Find(release) is not { } build || !build.ReleasesComplete || release.Split('.').Length != 3)
        {
            return true;
        }

        return build.Releases.Contains(release, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether PyPI's torch for this platform pulls the CUDA stack: always on linux/amd64 (§1a), on
    /// linux/arm64 from 2.12 (colabtools#5982), never elsewhere. An unknown line counts as CUDA on amd64 only.
    /// </summary>
    public static bool PyPiServesCuda(string os, string architecture, TorchBuild? build) =>
        os == "linux" && architecture switch
        {
            "amd64" => true,
            "arm64" => build?.CudaOnLinuxArm64 ?? false,
            _ => false,
        };
}
