using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Knowledge;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF008: the base of the final image is much larger than an equivalent: the full <c>python:X</c> (buildpack-deps:
/// compilers, headers, git, curl) where <c>python:X-slim</c> runs the same Python, or a CUDA <c>devel</c> image
/// (toolkit, headers, static libraries) where <c>runtime</c> holds every shared library a program needs
/// (nvidia/cuda, pytorch/pytorch). Only the stage chain of the build target counts: a builder stage that the
/// final image only copies from does not ship its base. Sizes come from <see cref="BaseImageTable"/>.
/// </summary>
public sealed partial class HeavyBaseImageRule : IRule
{
    /// <summary>Below this difference a base is not "much larger".</summary>
    private const long Threshold = 100_000_000;

    /// <summary>Commands that run the same on python:X-slim as on python:X (no compiler, git, curl or apt there to lose).</summary>
    private static readonly HashSet<string> SlimSafeCommands = new(StringComparer.Ordinal)
    {
        "pip", "pip3", "python", "python3", "uv", "echo", "printf", "mkdir", "rm", "cp", "mv", "ln", "chmod", "chown",
        "useradd", "groupadd", "adduser", "addgroup", "true", "false", "test", "[", "cd", "export", "set", "touch", "cat", "ls", "id",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "DF008", "heavy-base-image", DiagnosticSeverity.Warning,
        "the final image's base is much larger than an equivalent (full python vs -slim, CUDA devel vs runtime)", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            if (document.Build.Target is not { } target || Root(target) is not { IsScratch: false } root
                || BaseImageTable.Resolve(root.BaseImage) is not { } heavy
                || Lighter(heavy) is not (string lighterTag, string why)
                || BaseImageTable.Resolve($"{heavy.Reference.Repository}:{lighterTag}") is not { } light)
            {
                continue;
            }

            string platform = root.Platform.ToString();
            if (heavy.Image.SizeFor(platform) is not { UncompressedBytes: long heavyBytes } heavySize
                || light.Image.SizeFor(platform) is not { UncompressedBytes: long lightBytes } lightSize
                || heavyBytes - lightBytes < Threshold)
            {
                continue;
            }

            string written = Display(heavy.Reference.Repository) + ":" + (heavy.Reference.Tag ?? "latest");
            string lighter = Display(heavy.Reference.Repository) + ":" + lighterTag;
            bool estimate = heavySize.Estimate || lightSize.Estimate;
            string role = ReferenceEquals(root, target) ? "the final stage" : $"the base of the final stage {target.DisplayName}";
            Fix? fix = heavy.Reference.Repository == "library/python" ? SlimFix(document, root, written, lighter) : null;
            string advice = fix is not null || heavy.Reference.Repository != "library/python"
                ? $"use {lighter}"
                : $"use {lighter} for the final stage and build in a separate stage from {written}";
            findings.Report(
                document.Source,
                ContextCopies.FirstLine(document.Source, root.FromInstruction.Instruction),
                $"{written} is {role}'s base: {Size(heavyBytes, estimate)} against {Size(lightBytes, estimate)} for {lighter} ({why}); {advice} to ship {Size(heavyBytes - lightBytes, estimate)} less",
                root.FromInstruction.Line,
                fix,
                heavyBytes - lightBytes,
                bytesExact: !estimate);
        }
    }

    private static BuildStage? Root(BuildStage stage)
    {
        var seen = new HashSet<BuildStage>();
        BuildStage current = stage;
        while (current.BaseStage is { } parent)
        {
            if (!seen.Add(current))
            {
                return null;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>The equivalent lighter tag and what it leaves out, or null.</summary>
    private static (string Tag, string Why)? Lighter(BaseImageMatch match)
    {
        string tag = match.Reference.Tag ?? "latest";
        switch (match.Reference.Repository)
        {
            case "library/python":
                Match m = FullPythonTag().Match(tag);
                if (!m.Success)
                {
                    return null;
                }

                string version = m.Groups["version"].Value;
                string distro = m.Groups["distro"].Value;
                string slim = version.Length == 0 && distro.Length == 0 ? "slim"
                    : distro.Length == 0 ? version + "-slim"
                    : (version.Length == 0 ? string.Empty : version + "-") + "slim-" + distro;
                return (slim, "the same Python without compilers, headers, git and curl");
            case "nvidia/cuda" when CudaDevel().IsMatch(tag):
                return (CudaDevel().Replace(tag, "-${cudnn}runtime-"), "runtime has every CUDA shared library, without the compiler, headers and static libraries");
            case "pytorch/pytorch" when tag.EndsWith("-devel", StringComparison.Ordinal):
                return (tag[..^"-devel".Length] + "-runtime", "runtime has the same torch and CUDA libraries, without the CUDA toolkit");
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>python:X</c> becomes <c>python:X-slim</c> only when every RUN of every stage built on that FROM uses
    /// commands that slim also has (no apt, compilers, git, curl), no pip install needs a VCS checkout, and no
    /// HEALTHCHECK calls curl or wget; null otherwise.
    /// </summary>
    private static Fix? SlimFix(DockerfileDocument document, BuildStage root, string written, string lighter)
    {
        string baseName = root.BaseName;
        if (baseName.Contains('$', StringComparison.Ordinal) || root.FromInstruction.Instruction.Inner is not null)
        {
            return null;
        }

        foreach (BuildStage stage in document.Build.Stages.Where(s => ReferenceEquals(Root(s), root)))
        {
            foreach (BuildInstruction instruction in stage.Instructions)
            {
                if (instruction.Instruction.Name == InstructionNames.Healthcheck
                    && instruction.Instruction.Args.Any(a => a.Contains("curl", StringComparison.Ordinal) || a.Contains("wget", StringComparison.Ordinal)))
                {
                    return null;
                }

                foreach (RunScript script in document.ScriptsOf(instruction))
                {
                    if (script.Script.HasErrors
                        || script.Script.Commands.Any(c => c.CommandBaseName is { } name ? !SlimSafeCommands.Contains(name) : !c.IsAssignmentOnly)
                        || script.Script.InvocationsOf<PipInvocation>().Any(p => p.Packages.Any(o => o.Kind is PackageOperandKind.Url or PackageOperandKind.Dynamic)))
                    {
                        return null;
                    }
                }
            }
        }

        Instruction from = root.FromInstruction.Instruction;
        string text = document.Source.Text;
        int at = text.IndexOf(baseName, from.KeywordSpan.End, from.Span.End - from.KeywordSpan.End, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        string replacement = baseName[..(baseName.LastIndexOf(':') + 1)] + lighter[(lighter.LastIndexOf(':') + 1)..];
        if (!baseName.Contains(':', StringComparison.Ordinal))
        {
            replacement = baseName + ":" + lighter[(lighter.LastIndexOf(':') + 1)..];
        }

        return baseName.Contains('@', StringComparison.Ordinal)
            ? null
            : Fix.InFile($"use {lighter} instead of {written}", document.Path, new TextEdit(new TextSpan(at, baseName.Length), replacement));
    }

    private static string Display(string repository) =>
        repository.StartsWith("library/", StringComparison.Ordinal) ? repository["library/".Length..] : repository;

    private static string Size(long bytes, bool estimate) => (estimate ? "~" : string.Empty) + ByteSize.Format(bytes);

    /// <summary><c>3.12</c>, <c>3.12.7</c>, <c>3</c>, <c>latest</c>, <c>3.12-bookworm</c>, <c>bookworm</c>: the full image.</summary>
    [GeneratedRegex(@"^(?:latest|(?<version>\d+(?:\.\d+){0,2})?(?:-?(?<distro>bookworm|trixie))?)$")]
    private static partial Regex FullPythonTag();

    [GeneratedRegex(@"-(?<cudnn>cudnn\d*-)?devel-")]
    private static partial Regex CudaDevel();
}
