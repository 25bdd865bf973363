namespace Headroom.Knowledge.Torch;

/// <summary>
/// Packages whose installation brings torch (a Requires-Dist on torch, unconditional unless an extra is named).
/// Source: each project's Requires-Dist as published on PyPI (pypi.org/project/NAME, "Meta"/dependencies),
/// checked November 2026; torchvision/torchaudio and vllm pin torch exactly (ml-wheels.md §4).
/// </summary>
public static class TorchDependents
{
    /// <summary>Normalized names that require torch whatever extras are asked for.</summary>
    private static readonly HashSet<string> Always = new(StringComparer.Ordinal)
    {
        "sentence-transformers", // Requires-Dist: torch>=1.11.0
        "torchvision",           // pins torch exactly (ml-wheels.md §4)
        "torchaudio",            // pins torch exactly (ml-wheels.md §4)
        "torchtext",
        "torchmetrics",
        "xformers",              // built against one torch (ml-wheels.md §4)
        "accelerate",            // Requires-Dist: torch>=2.0.0
        "lightning",
        "pytorch-lightning",
        "timm",
        "peft",
        "vllm",                  // "vLLM pins PyTorch, torchvision and torchaudio exactly" (ml-wheels.md §4)
        "openai-whisper",
        "ultralytics",
        "kornia",
        "easyocr",
        "bitsandbytes",
    };

    /// <summary>Normalized names that require torch only with one of these extras (<c>transformers[torch]</c>).</summary>
    private static readonly Dictionary<string, string[]> WithExtra = new(StringComparer.Ordinal)
    {
        ["transformers"] = ["torch"],
        ["diffusers"] = ["torch"],
    };

    /// <summary>Whether installing <paramref name="normalizedName"/> with <paramref name="extras"/> brings torch.</summary>
    public static bool RequiresTorch(string normalizedName, IEnumerable<string> extras)
    {
        ArgumentNullException.ThrowIfNull(normalizedName);
        ArgumentNullException.ThrowIfNull(extras);
        if (Always.Contains(normalizedName))
        {
            return true;
        }

        return WithExtra.TryGetValue(normalizedName, out string[]? needed)
            && extras.Any(e => needed.Contains(e.Trim().ToLowerInvariant(), StringComparer.Ordinal));
    }
}
