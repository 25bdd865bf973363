namespace Headroom.Knowledge.Torch;

/// <summary>
/// Which torch builds an index serves. PyTorch puts the accelerator in the PEP 440 local label
/// (<c>2.5.1+cpu</c>, <c>2.5.1+cu121</c>) and each variant on its own index under
/// <c>https://download.pytorch.org/whl/</c> (<c>cpu</c>, <c>cu118</c> ... <c>cu132</c>, <c>rocm6.x</c>, <c>xpu</c>,
/// optionally under <c>nightly/</c> or <c>test/</c>); PyPI serves no local labels at all.
/// Source: ml-wheels.md §3 (uv PyTorch guide docs.astral.sh/uv/guides/integration/pytorch, uv
/// crates/uv-torch/src/backend.rs), collected late 2026.
/// </summary>
public static class TorchIndexes
{
    /// <summary>The CPU index a fix installs from.</summary>
    public const string CpuIndexUrl = "https://download.pytorch.org/whl/cpu";

    /// <summary>True for any index or find-links URL on download.pytorch.org.</summary>
    public static bool IsPyTorchIndex(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
            && uri.Host.Equals("download.pytorch.org", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The variant an index on download.pytorch.org serves (<c>cpu</c>, <c>cu121</c>, <c>rocm6.2</c>), or null.</summary>
    public static string? VariantOf(string url)
    {
        if (!IsPyTorchIndex(url))
        {
            return null;
        }

        string[] segments = new Uri(url.Trim()).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int whl = Array.IndexOf(segments, "whl");
        if (whl < 0)
        {
            return null;
        }

        string? variant = segments.Skip(whl + 1).FirstOrDefault(s => s is not ("nightly" or "test"));
        return variant?.ToLowerInvariant();
    }

    /// <summary>True for <c>https://download.pytorch.org/whl/cpu</c> (and its nightly/test channels).</summary>
    public static bool IsCpuIndex(string url) => VariantOf(url) == "cpu";

    /// <summary>True for PyPI's own index (pypi.org/simple, files.pythonhosted.org).</summary>
    public static bool IsPyPi(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
            && (uri.Host.Equals("pypi.org", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("pypi.python.org", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when a local label (<c>cpu</c>, <c>cu121</c>, <c>rocm6.2</c>, <c>xpu</c>) names a download.pytorch.org variant.</summary>
    public static bool IsPyTorchLocalLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        string l = label.ToLowerInvariant();
        return l == "cpu" || l == "xpu" || l.StartsWith("cu", StringComparison.Ordinal) || l.StartsWith("rocm", StringComparison.Ordinal) || l.StartsWith("cpu.", StringComparison.Ordinal);
    }
}
