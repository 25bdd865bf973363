using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Dockerfiles.Build;
using Headroom.Python;
using Headroom.Rules.Models;
using Headroom.Text;
using Headroom.Workflows;
using Headroom.Yaml;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF011: the Python of a Dockerfile's <c>python:X.Y…</c> base image is not one that CI tests with
/// (setup-python's <c>python-version</c>, matrices expanded, in the jobs that work on the Dockerfile's folder).
/// </summary>
public sealed partial class PythonVersionMismatchRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "DF011", "python-version-mismatch", DiagnosticSeverity.Warning,
        "the Python of the base image differs from the Python CI tests with", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        List<CiPython> ci = [.. CiPythons.All(context)];
        if (ci.Count == 0)
        {
            return;
        }
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            if ((document.Build.Target ?? document.Build.Stages.LastOrDefault()) is not { } target)
            {
                continue;
            }
            BuildStage root = target;
            while (root.BaseStage is { } parent && parent != root)
            {
                root = parent;
            }
            if (ImagePython(root.BaseImage) is not { } image)
            {
                continue;
            }
            List<CiPython> relevant = Relevant(ci, document.Directory);
            List<string> versions = [.. relevant.Select(p => p.Version).Distinct(StringComparer.Ordinal)];
            if (versions.Contains(image.Version, StringComparer.Ordinal))
            {
                continue;
            }
            CiPython first = relevant[0];
            TextSpan span = ImageSpan(document, root);
            string ciText = versions.Count == 1 ? $"Python {versions[0]}" : $"Python {string.Join(", ", versions)}";
            Fix? fix = versions.Count == 1 ? ChooseFix(context, document, root, span, image, versions[0], relevant) : null;
            findings.Report(
                document.Source,
                span,
                $"the image runs Python {image.Version} ({root.BaseImage}) but CI tests with {ciText} (job {first.Job}, {first.Path}:{first.Line}), so code that passes CI is never tested on the image's Python; use the same version in both",
                root.FromInstruction.Line,
                fix,
                related: [.. relevant.Select(p => new RelatedLocation(p.Path, p.Line, p.Column, $"CI tests with Python {p.Version} (job {p.Job})"))]);
        }
    }

    /// <summary>The Python major.minor of a <c>python:X.Y…</c> image (Docker Hub's official image), or null.</summary>
    internal static (string Version, string Suffix)? ImagePython(string image)
    {
        string reference = image.Split('@')[0];
        int slash = reference.LastIndexOf('/');
        int colon = reference.LastIndexOf(':');
        if (colon <= slash)
        {
            return null;
        }
        string repository = reference[..colon];
        if (repository is not ("python" or "library/python" or "docker.io/library/python" or "docker.io/python" or "index.docker.io/library/python"))
        {
            return null;
        }
        Match m = TagVersion().Match(reference[(colon + 1)..]);
        return m.Success ? ($"{m.Groups[1].Value}.{m.Groups[2].Value}", m.Groups[4].Value) : null;
    }

    /// <summary>
    /// The image follows CI (the tag's version becomes CI's) unless the image's pinned requirements have no wheel
    /// for CI's Python (PY001's verdict): then CI follows the image, since moving the image would break its build.
    /// </summary>
    private static Fix? ChooseFix(CheckContext context, DockerfileDocument document, BuildStage root, TextSpan span, (string Version, string Suffix) image, string ciVersion, List<CiPython> relevant)
    {
        string? breaks = BreaksOn(context, document, ciVersion);
        if (breaks is null)
        {
            return LiteralTag(document, root, span, image) is { } tagVersion
                ? Fix.InFile($"use python:{ciVersion}{image.Suffix} like CI", document.Path, new TextEdit(tagVersion, ciVersion))
                : null;
        }

        var files = new List<FileEdit>();
        foreach (IGrouping<string, CiPython> file in relevant.DistinctBy(p => (p.Path, p.Line, p.Column)).GroupBy(p => p.Path, StringComparer.Ordinal))
        {
            SourceText source = WorkflowDocument.Get(context, file.Key).Source;
            var edits = new List<TextEdit>();
            foreach (CiPython python in file)
            {
                int start = source.GetLineStart(python.Line) + python.Column - 1;
                Match m = WrittenVersion().Match(source.ToString(TextSpan.FromBounds(start, source.GetLineSpan(python.Line).End)));
                if (!m.Success || CiPythons.Version(m.Value) != ciVersion)
                {
                    return null;
                }
                edits.Add(new TextEdit(new TextSpan(start + m.Index, m.Length), image.Version));
            }
            files.Add(new FileEdit(file.Key, edits));
        }
        return new Fix($"use Python {image.Version} in CI like the image ({breaks} on Python {ciVersion})", files);
    }

    /// <summary>"torch==2.3.1 has no cp313 wheel" when a pinned requirement the Dockerfile installs has no wheel for <paramref name="python"/>; else null.</summary>
    private static string? BreaksOn(CheckContext context, DockerfileDocument document, string python)
    {
        int minor = int.Parse(python.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
        foreach (PythonInstall install in PythonInstalls.All(context).Where(i => i.Command.Path == document.Path))
        {
            foreach (PythonTarget target in install.Targets)
            {
                TargetEnvironment environment = target.Environment with { PythonMinor = minor, PythonMicro = 0 };
                MarkerEnvironment markers = MarkerEnvironment.ForTarget(environment);
                foreach (InstalledRequirement pinned in install.Requirements)
                {
                    Requirement requirement = pinned.Requirement;
                    if (requirement.Pin is { Version: { } version } && requirement.Url is null && requirement.AppliesTo(markers)
                        && WheelAvailability.Missing(context, install, requirement, version, environment) is not null)
                    {
                        return $"{requirement.Name}{requirement.Pin} has no cp3{minor} wheel";
                    }
                }
            }
        }
        return null;
    }

    private static List<CiPython> Relevant(List<CiPython> all, string folder)
    {
        if (folder.Length == 0)
        {
            return all;
        }
        var pattern = new Regex($@"(?<![\w./-]){Regex.Escape(folder)}(?![\w.-])", RegexOptions.CultureInvariant);
        List<CiPython> matching = [.. all.Where(p => p.JobNode.Steps.Any(s => Mentions(s, pattern)))];
        return matching.Count > 0 ? matching : all;
    }

    private static bool Mentions(Step step, Regex folder) =>
        (step.Run?.WorkingDirectory?.Value is { } wd && folder.IsMatch(wd))
        || (step.Run?.Text is { } text && folder.IsMatch(text))
        || (step.With?.Entries.Any(e => e.Value is YamlScalar s && folder.IsMatch(s.Value)) ?? false);

    private static TextSpan ImageSpan(DockerfileDocument document, BuildStage stage)
    {
        TextSpan from = stage.From.Span;
        string text = document.Source.ToString(from);
        int at = stage.BaseName.Length == 0 ? -1 : text.IndexOf(stage.BaseName, StringComparison.Ordinal);
        return at < 0 ? from : new TextSpan(from.Start + at, stage.BaseName.Length);
    }

    // The span of the version in the tag as written (python:3.11-slim → "3.11"), when the FROM names the image literally.
    private static TextSpan? LiteralTag(DockerfileDocument document, BuildStage stage, TextSpan imageSpan, (string Version, string Suffix) image)
    {
        string written = document.Source.ToString(imageSpan);
        if (written != stage.BaseName || written.Contains('$', StringComparison.Ordinal) || written != stage.BaseImage)
        {
            return null;
        }
        int colon = written.LastIndexOf(':');
        Match m = TagVersion().Match(written[(colon + 1)..]);
        return m.Success ? new TextSpan(imageSpan.Start + colon + 1, m.Groups[1].Length + 1 + m.Groups[2].Length + m.Groups[3].Length) : null;
    }

    [GeneratedRegex(@"\d+\.\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenVersion();

    [GeneratedRegex(@"^(\d+)\.(\d+)((?:\.\d+)?(?:rc\d+|[ab]\d+)?)(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TagVersion();
}
