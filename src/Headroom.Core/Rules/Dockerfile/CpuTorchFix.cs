using Headroom.Knowledge.Torch;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// The fix of DF001/DF003 (and DF002 when the install is not torch-only): before the RUN that installs the
/// requirements, insert
/// <c>ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu</c> and
/// <c>RUN pip install --no-cache-dir --index-url ${TORCH_INDEX_URL} torch==X</c> (with torchvision/torchaudio when
/// pinned next to torch), so that a GPU build passes one <c>--build-arg TORCH_INDEX_URL=.../cu121</c>. The
/// later <c>torch==X</c> requirement is then already met by <c>X+cpu</c> (PEP 440: <c>==X</c> matches local versions).
/// </summary>
internal static class CpuTorchFix
{
    public const string ArgName = "TORCH_INDEX_URL";

    public static Fix? For(TorchInstall install)
    {
        TorchDemand demand = install.Demand!;
        RunInvocation<PipInvocation> run = install.Run;
        if (run.Instruction.Instruction.Inner is not null)
        {
            return null; // ONBUILD RUN
        }

        string text = run.Document.Source.Text;
        int runStart = run.Instruction.Instruction.KeywordSpan.Start;
        int lineStart = text.LastIndexOf('\n', Math.Max(0, runStart - 1)) + 1;
        if (runStart > 0 && text[runStart - 1] == '\n')
        {
            lineStart = runStart;
        }

        string indent = text[lineStart..runStart];
        if (indent.Any(c => c is not (' ' or '\t')))
        {
            return null;
        }

        string newLine = TextEdits.NewLineOf(text);
        var inserted = new System.Text.StringBuilder();
        if (!ContainerPaths.Before(run.Instruction).Any(i => i.DeclaredArgs.Contains(ArgName)) && !run.Instruction.DeclaredArgs.Contains(ArgName))
        {
            inserted.Append(indent).Append("ARG ").Append(ArgName).Append('=').Append(TorchIndexes.CpuIndexUrl).Append(newLine);
        }

        inserted.Append(indent).Append("RUN ").Append(Launcher(run.Invocation)).Append(" install ")
            .Append(run.Invocation.IsUv ? "--no-cache" : "--no-cache-dir");
        if (run.Invocation.IsUv && run.Invocation.HasOption("--system"))
        {
            inserted.Append(" --system");
        }

        if (run.Invocation.BreakSystemPackages)
        {
            inserted.Append(" --break-system-packages");
        }

        inserted.Append(" --index-url ${").Append(ArgName).Append('}');
        inserted.Append(' ').Append(Package("torch", demand.PinnedVersion));
        foreach (var companion in demand.Companions)
        {
            inserted.Append(' ').Append(Package(companion.Requirement!.NormalizedName, companion.Requirement.Pin!.VersionText));
        }

        inserted.Append(newLine);
        string what = demand.PinnedVersion is { } v ? $"torch=={TorchBuilds.PublicVersion(v)}" : "torch";
        return Fix.InFile(
            $"install CPU {what} from ${{{ArgName}}} (default {TorchIndexes.CpuIndexUrl}) before the requirements",
            run.Document.Path,
            TextEdit.Insert(lineStart, inserted.ToString()));
    }

    private static string Package(string name, string? version) =>
        version is null ? name : $"{name}=={TorchBuilds.PublicVersion(version)}";

    private static string Launcher(PipInvocation pip) => pip.Launcher switch
    {
        PipLauncher.UvPip => "uv pip",
        PipLauncher.PythonModule => (pip.ToolWord.Value ?? "python") + " -m pip",
        _ => pip.ToolWord.Value ?? "pip",
    };
}
