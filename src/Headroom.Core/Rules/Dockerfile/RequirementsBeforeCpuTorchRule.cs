using Headroom.Diagnostics;
using Headroom.Knowledge.Torch;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF003: an install that brings torch from PyPI (directly, through <c>-r</c>/<c>-c</c> files or a package that
/// requires torch) runs before a later step of the same stage chain that installs torch from
/// download.pytorch.org. The CUDA build is downloaded first and stays in the earlier layer; the later
/// step only replaces it on top. Owns the case DF001 leaves out (<see cref="TorchInstalls.CpuInstallAfter"/>);
/// an install that names the CPU index as an extra source is DF002's.
/// </summary>
public sealed class RequirementsBeforeCpuTorchRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "DF003", "requirements-before-cpu-torch", DiagnosticSeverity.Error,
        "the requirements install brings CUDA torch before the step that installs CPU torch", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        IReadOnlyList<TorchInstall> installs = TorchInstalls.All(context);
        foreach (TorchInstall install in installs)
        {
            if (!TorchInstalls.GetsCudaTorchFromPyPi(installs, install)
                || install.CpuExtra is not null
                || TorchInstalls.CpuInstallAfter(installs, install) is not { } later)
            {
                continue;
            }

            TorchStake stake = TorchStake.Of(install);
            RunInvocation<PipInvocation> run = install.Run;
            int laterLine = later.Run.Document.Source.GetPosition(later.Run.SourceSpan.Start).Line;
            string where = later.Primary == TorchIndexKind.PyTorchCpu ? "CPU torch" : "torch from download.pytorch.org";
            var related = new List<RelatedLocation>(TorchStake.Related(install))
            {
                new(later.Run.Document.Path, laterLine, later.Run.Document.Source.GetPosition(later.Run.SourceSpan.Start).Column, $"{where} is installed only here"),
            };
            findings.Report(
                run.Document.Source,
                run.SourceSpan,
                $"this install gets {stake.Describe(install)}, and {where} comes only at line {laterLine}, so {stake.Text} of torch and nvidia-* wheels are downloaded first{(ReferenceEquals(later.Run.Instruction, run.Instruction) ? string.Empty : " and stay in this layer")}; install torch from {TorchIndexes.CpuIndexUrl} before the requirements",
                run.AnchorLine,
                run.IsEditable ? CpuTorchFix.For(install) : null,
                stake.BytesAtStake,
                bytesExact: false,
                related);
        }
    }
}
