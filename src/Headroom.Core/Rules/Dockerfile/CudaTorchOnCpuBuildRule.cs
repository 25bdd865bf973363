using Headroom.Diagnostics;
using Headroom.Knowledge.Torch;
using Headroom.Rules.Models;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF001: a pip install gets torch from PyPI, which serves the CUDA build (and its nvidia-* stack) for the
/// image's platform, with no CPU index for torch.
/// </summary>
public sealed class CudaTorchOnCpuBuildRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "DF001", "cuda-torch-on-cpu-build", DiagnosticSeverity.Error,
        "pip installs the CUDA build of torch from PyPI", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        IReadOnlyList<TorchInstall> installs = TorchInstalls.All(context);
        foreach (TorchInstall install in installs)
        {
            if (!TorchInstalls.GetsCudaTorchFromPyPi(installs, install)
                || install.CpuExtra is not null
                || TorchInstalls.CpuInstallAfter(installs, install) is not null)
            {
                continue;
            }

            TorchStake stake = TorchStake.Of(install);
            RunInvocation<Shell.Invocations.PipInvocation> run = install.Run;
            findings.Report(
                run.Document.Source,
                run.SourceSpan,
                $"pip gets {stake.Describe(install)}, which downloads {stake.Text} of torch and nvidia-* wheels where the CPU build is {stake.CpuText} (predicted installed: {stake.InstalledText}); install torch from {TorchIndexes.CpuIndexUrl} before the requirements",
                run.AnchorLine,
                run.IsEditable ? CpuTorchFix.For(install) : null,
                stake.InstalledBytesAtStake,
                bytesExact: false,
                TorchStake.Related(install));
        }
    }
}
