using Headroom.Knowledge;
using Headroom.Knowledge.Torch;
using Headroom.Rules.Models;
using Headroom.Text;

namespace Headroom.Rules.Dockerfile;

/// <summary>The download at stake when an install gets CUDA torch from PyPI, from <see cref="TorchBuilds"/>.</summary>
internal sealed record TorchStake(long CudaBytes, long? CpuBytes, bool AtLeast, TorchBuild? Build)
{
    /// <summary>The CUDA download minus the CPU wheel that replaces it.</summary>
    public long BytesAtStake => CudaBytes - (CpuBytes ?? TorchBuilds.TypicalCpuWheelBytes);

    public string Text => (AtLeast ? "at least " : "~") + ByteSize.Format(CudaBytes);

    public string CpuText => "~" + ByteSize.Format(CpuBytes ?? TorchBuilds.TypicalCpuWheelBytes);

    /// <summary>
    /// What the CUDA stack takes in the image, installed, as the predictor counts it (download × the
    /// installed/download ratio of <see cref="InstalledSizeRatios.Cuda"/>).
    /// </summary>
    public long CudaInstalledBytes => InstalledSizeRatios.Installed(CudaBytes, InstalledSizeRatios.Cuda);

    /// <summary>What CPU torch takes in the image, installed, as the predictor counts it (<see cref="InstalledSizeRatios.TorchCpu"/>).</summary>
    public long CpuInstalledBytes => InstalledSizeRatios.Installed(CpuBytes ?? TorchBuilds.TypicalCpuWheelBytes, InstalledSizeRatios.TorchCpu);

    /// <summary>The bytes the image loses with CPU torch: the predicted installed sizes' difference.</summary>
    public long InstalledBytesAtStake => CudaInstalledBytes - CpuInstalledBytes;

    /// <summary>"~4.41 GB in the image against ~971 MB".</summary>
    public string InstalledText => $"{(AtLeast ? "at least " : "~")}{ByteSize.Format(CudaInstalledBytes)} in the image against ~{ByteSize.Format(CpuInstalledBytes)}";

    public static TorchStake Of(TorchInstall install)
    {
        TorchBuild? build = TorchInstalls.Build(install.Demand);
        if (build?.CudaDownloadBytes is { } known)
        {
            return new TorchStake(known, build.CpuWheelBytes, false, build);
        }

        if (install.Demand!.PinnedVersion is null)
        {
            // Unpinned: pip takes the newest release; the newest line with figures stands for it.
            TorchBuild newest = TorchBuilds.All.Last(b => b.CudaDownloadBytes is not null);
            return new TorchStake(newest.CudaDownloadBytes!.Value, newest.CpuWheelBytes, false, null);
        }

        return new TorchStake(TorchBuilds.MinimumCudaDownloadBytes, null, true, build);
    }

    /// <summary>"torch 2.3.1 from PyPI, the CUDA 12.1 build for linux/amd64".</summary>
    public string Describe(TorchInstall install)
    {
        string version = install.Demand!.PinnedVersion is { } v ? "torch " + TorchBuilds.PublicVersion(v) : "the latest torch";
        string cuda = Build is null ? "CUDA" : "CUDA " + Build.PyPiCuda;
        string via = install.Demand.Via.Equals("torch", StringComparison.OrdinalIgnoreCase) ? string.Empty : $" (required by {install.Demand.Via})";
        return $"{version}{via} from PyPI, the {cuda} build for {install.Stage.Platform}";
    }

    /// <summary>The requirement lines that bring torch or pin it.</summary>
    public static IReadOnlyList<RelatedLocation> Related(TorchInstall install)
    {
        TorchDemand demand = install.Demand!;
        var related = new List<RelatedLocation>();
        if (demand.TorchLine is { } torch)
        {
            related.Add(new RelatedLocation(torch.Path ?? string.Empty, torch.Line, torch.Column, $"{torch.Text}: torch comes from here"));
        }

        if (demand.Line is { } line && !ReferenceEquals(line, demand.TorchLine))
        {
            related.Add(new RelatedLocation(line.Path ?? string.Empty, line.Line, line.Column, $"{line.Text}: requires torch"));
        }

        return related;
    }
}
