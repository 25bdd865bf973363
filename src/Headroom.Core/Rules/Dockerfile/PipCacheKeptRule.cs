using Headroom.Diagnostics;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF004: a pip (or <c>uv pip</c>) install in a RUN leaves its download and wheel cache in the layer: no
/// <c>--no-cache-dir</c>/<c>--no-cache</c>, no <c>PIP_NO_CACHE_DIR</c>/<c>UV_NO_CACHE</c>, no cache or tmpfs mount over the
/// cache directory in effect, and no <c>pip cache purge</c>/<c>rm</c> of it later in the same RUN.
/// </summary>
public sealed class PipCacheKeptRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "DF004", "pip-cache-kept", DiagnosticSeverity.Warning,
        "pip install keeps its cache in the image layer", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (RunInvocation<PipInvocation> run in RunInvocations.Of<PipInvocation>(context))
        {
            PipInvocation pip = run.Invocation;
            if (!PackageCaches.KeepsCache(pip, run.Script, run.Instruction))
            {
                continue;
            }

            string? directory = PackageCaches.DirectoryOf(pip, run.Instruction);
            string flag = pip.IsUv ? "--no-cache" : "--no-cache-dir";
            string variable = pip.IsUv ? "UV_NO_CACHE=1" : "PIP_NO_CACHE_DIR=1";
            string where = directory ?? PackageCaches.DefaultDisplay(pip);
            string command = pip.Launcher switch
            {
                PipLauncher.UvPip => "uv pip",
                PipLauncher.PythonModule => "python -m pip",
                _ => ShellNames.BaseName(pip.ToolWord.Value ?? "pip"),
            };
            Fix? fix = run.IsEditable
                ? Fix.InFile($"add {flag}", run.Document.Path, TextEdit.Insert(run.ToSourceOffset(pip.FlagInsertionOffset), " " + flag))
                : null;
            findings.Report(
                run.Document.Source,
                run.SourceSpan,
                $"'{command} {pip.SubcommandWord?.Value}' keeps every downloaded and built wheel in {where}, which stays in this layer; add {flag}, set {variable}, or use a cache mount on {where}",
                run.AnchorLine,
                fix);
        }
    }
}
