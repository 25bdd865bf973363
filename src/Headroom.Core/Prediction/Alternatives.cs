using System.Globalization;
using Headroom.Dockerfiles.Build;
using Headroom.Prediction.Output;
using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// The what-if table: each option a team weighs, made as an in-memory edit of the Dockerfile (a rule's
/// fix, or a small rewrite) and predicted like the original, so every saving is the predictor's own figure:
/// CPU-only torch (DF001's fix), <c>--no-cache-dir</c> (DF004's), cleaning up in the same RUN (DF004 + DF006),
/// a later-layer delete (the RUN removed: it saves nothing), a multi-stage build that copies the installed
/// packages, and a slimmer base image.
/// </summary>
public static class Alternatives
{
    public static IReadOnlyList<AlternativeOutcome> Evaluate(ImagePredictor predictor, CheckContext context, ImagePrediction original)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(original);
        var rows = new List<AlternativeOutcome>();
        DockerfileDocument document = DockerfileDocument.Get(context, original.Dockerfile);
        string text = document.Source.Text;

        if (original.Components.Any(c => c.Group == PipSizer.CudaGroup))
        {
            rows.Add(Variant(predictor, context, original, "CPU-only torch", "DF001's fix: torch from the CPU index before the requirements", ViaFixes(context, original.Dockerfile, "DF001")));
        }

        if (original.Components.Any(c => c.Name is "pip cache" or "uv cache"))
        {
            rows.Add(Variant(predictor, context, original, "--no-cache-dir", "DF004's fix", ViaFixes(context, original.Dockerfile, "DF004")));
        }

        foreach (BuildInstruction cleanup in LaterCleanups(context, original.Dockerfile))
        {
            string edited = RemoveLines(text, cleanup.Instruction.StartLine, cleanup.Instruction.EndLine);
            rows.Add(Variant(predictor, context, original, $"delete in a later layer (line {cleanup.Line})", "the cleanup RUN removed: what it deletes stays in the earlier layer either way", edited));
        }

        if (original.Components.Any(c => c.Name is "pip cache" or "uv cache" or "apt lists"))
        {
            rows.Add(Variant(predictor, context, original, "clean up in the same RUN", "DF004 and DF006's fixes (--no-cache-dir; rm -rf /var/lib/apt/lists/* in the installing RUN)", ViaFixes(context, original.Dockerfile, "DF004", "DF006")));
        }

        if (MultiStage(document, original) is { } multi)
        {
            rows.Add(Variant(predictor, context, original, "multi-stage build", "install in a builder stage, copy the installed packages and the app into a fresh base", multi));
        }

        rows.Add(SlimmerBase(predictor, context, original, document));

        if (original.Components.Any(c => c.Group == PipSizer.CudaGroup))
        {
            rows.Add(Variant(predictor, context, original, "CPU torch + same-RUN cleanup", "DF001, DF004 and DF006's fixes together", ViaFixes(context, original.Dockerfile, "DF001", "DF004", "DF006")));
        }

        return rows;
    }

    /// <summary>The table as text.</summary>
    public static void Write(TextWriter output, ImagePrediction original, IReadOnlyList<AlternativeOutcome> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(rows);
        output.WriteLine($"alternatives for {original.Dockerfile} (as written: image {PredictionTextWriter.Figure(original.ImageBytes, original.Exact)}, peak build {PredictionTextWriter.Figure(original.PeakBuildBytes, original.Exact)})");
        output.WriteLine($"  {"option",-32} {"image",10} {"saves",10} {"peak",10}  why");
        foreach (AlternativeOutcome row in rows)
        {
            string image = row.Prediction is { } p ? PredictionTextWriter.Figure(p.ImageBytes, p.Exact) : "n/a";
            string peak = row.Prediction is { } q ? PredictionTextWriter.Figure(q.PeakBuildBytes, q.Exact) : "n/a";
            string saves = row.Prediction is null ? "n/a" : row.SavedBytes > 0 ? ByteSize.Format(row.SavedBytes) : "nothing";
            output.WriteLine($"  {row.Name,-32} {image,10} {saves,10} {peak,10}  {row.Verdict}");
        }
    }

    private static AlternativeOutcome Variant(ImagePredictor predictor, CheckContext context, ImagePrediction original, string name, string change, string? text)
    {
        if (text is null)
        {
            return new AlternativeOutcome(name, change, null, 0, "the variant could not be made automatically for this Dockerfile");
        }

        var overlay = new OverlayRepositoryFiles(context.Project.Repository, new Dictionary<string, string>(StringComparer.Ordinal) { [original.Dockerfile] = text });
        var project = new ProjectModel(context.Project.Root, context.Project.Files, overlay);
        var variantContext = new CheckContext(project, context.Options);
        ImagePrediction? predicted;
        try
        {
            predicted = predictor.PredictImage(variantContext, original.Dockerfile);
        }
        catch (Diagnostics.InputException e)
        {
            return new AlternativeOutcome(name, change, null, 0, $"the variant does not parse: {e.Message}");
        }

        if (predicted is null)
        {
            return new AlternativeOutcome(name, change, null, 0, "the variant has no target stage");
        }

        long saved = original.ImageBytes - predicted.ImageBytes;
        return new AlternativeOutcome(name, change, predicted, saved, Verdict(change, original, predicted, saved));
    }

    private static string Verdict(string change, ImagePrediction original, ImagePrediction variant, long saved)
    {
        long cuda = variant.Components.Where(c => c.Group == PipSizer.CudaGroup).Sum(c => c.Bytes);
        string still = cuda > 0 ? $"; the CUDA stack ({PredictionTextWriter.Figure(cuda, false)}) is still in the image: torch needs it at run time" : string.Empty;
        if (saved <= 0)
        {
            return $"{change}: the image does not shrink{still}";
        }

        double share = (double)saved / original.ImageBytes;
        return string.Create(CultureInfo.InvariantCulture, $"{change}: {share * 100:0}% smaller{still}");
    }

    /// <summary>
    /// The Dockerfile with the fixes of <paramref name="rules"/> applied (without the fix planner's re-check: a
    /// what-if may bring findings of its own, such as DF005 once the pip cache moves), or null when none applies.
    /// </summary>
    private static string? ViaFixes(CheckContext context, string dockerfile, params string[] rules)
    {
        IRule[] chosen = [.. rules.Select(RuleCatalog.Find).OfType<IRule>()];
        CheckResult found = CheckRunner.Run(context.Project, context.Options, HeadroomConfig.Empty, chosen);
        var edits = new List<TextEdit>();
        foreach (TextEdit edit in found.Findings.SelectMany(f => f.Fix?.Files ?? []).Where(f => f.Path == dockerfile && !f.CreatesFile).SelectMany(f => f.Edits))
        {
            if (!edits.Any(e => e == edit || TextEdits.Overlap(e, edit)))
            {
                edits.Add(edit);
            }
        }

        return edits.Count == 0 || context.Project.ReadSource(dockerfile) is not { } source ? null : TextEdits.Apply(source.Text, edits);
    }

    /// <summary>RUN instructions whose only job is to delete what earlier layers wrote (DF005's case).</summary>
    private static IEnumerable<BuildInstruction> LaterCleanups(CheckContext context, string dockerfile)
    {
        DockerfileDocument document = DockerfileDocument.Get(context, dockerfile);
        foreach (BuildStage stage in document.Build.ReachableStages)
        {
            foreach (BuildInstruction instruction in stage.Instructions)
            {
                var scripts = document.ScriptsOf(instruction);
                if (scripts.Count == 0)
                {
                    continue;
                }

                var commands = scripts.SelectMany(s => s.Script.Commands).ToList();
                bool onlyCleanup = commands.Count > 0 && commands.All(c =>
                    c.CommandBaseName is "rm" || (c.CommandBaseName is "pip" or "pip3" && c.Arguments.Any(a => a.Value == "cache"))
                    || (c.CommandBaseName is "apt-get" or "apt" && c.Arguments.Any(a => a.Value is "clean" or "autoclean")));
                if (onlyCleanup)
                {
                    yield return instruction;
                }
            }
        }
    }

    private static string RemoveLines(string text, int startLine, int endLine)
    {
        // Each line keeps its '\r' (CRLF files stay CRLF).
        string[] lines = text.Split('\n');
        return string.Join('\n', lines.Where((_, i) => i + 1 < startLine || i + 1 > endLine));
    }

    private static string? MultiStage(DockerfileDocument document, ImagePrediction original)
    {
        BuildDefinition build = document.Build;
        if (build.Stages.Length != 1 || build.Target is not { } stage || stage.IsScratch)
        {
            return null;
        }

        PredictedComponent? pip = original.Components.FirstOrDefault(c => c.Kind == "pip" && c.Location is not null && !c.Name.EndsWith(" cache", StringComparison.Ordinal));
        if (pip is null)
        {
            return null;
        }

        string location = pip.Location!;
        string workdir = ContainerPaths.WorkingDirectory(stage.Instructions.Length > 0 ? stage.Instructions[^1] : stage.FromInstruction);
        string newline = TextEdits.NewLineOf(document.Source.Text);
        int fromEnd = document.Source.Text.IndexOf('\n', stage.From.Span.Start);
        string text = document.Source.Text;
        string fromLine = fromEnd < 0 ? text[stage.From.Span.Start..] : text[stage.From.Span.Start..fromEnd].TrimEnd('\r');
        string renamed = text.Replace(fromLine, fromLine + " AS build", StringComparison.Ordinal);
        var tail = new System.Text.StringBuilder();
        if (!renamed.EndsWith('\n'))
        {
            tail.Append(newline);
        }

        tail.Append("FROM ").Append(stage.BaseImage).Append(newline);
        tail.Append("COPY --from=build ").Append(location).Append(' ').Append(location).Append(newline);
        if (workdir != "/")
        {
            tail.Append("COPY --from=build ").Append(workdir).Append(' ').Append(workdir).Append(newline);
        }

        return renamed + tail;
    }

    private static AlternativeOutcome SlimmerBase(ImagePredictor predictor, CheckContext context, ImagePrediction original, DockerfileDocument document)
    {
        const string Name = "slimmer base image";
        PredictedComponent? baseImage = original.Components.FirstOrDefault(c => c.Kind == "base");
        if (baseImage is null || document.Build.Target is not { } target)
        {
            return new AlternativeOutcome(Name, "none", null, 0, "no base image to replace");
        }

        BuildStage root = target;
        while (root.BaseStage is { } parent)
        {
            root = parent;
        }

        string written = root.BaseName;
        string? slimmer = Slimmer(root.BaseImage);
        if (slimmer is null)
        {
            string why = original.Components.Any(c => c.Name == "torch") ? " (alpine's musl has no torch wheels)" : string.Empty;
            return new AlternativeOutcome(Name, $"{root.BaseImage} kept", original, 0, $"{root.BaseImage} has no slimmer equivalent in the table{why}");
        }

        string text = document.Source.Text;
        int start = root.From.Span.Start;
        int at = text.IndexOf(written, start, StringComparison.Ordinal);
        string edited = at < 0 ? text : text[..at] + slimmer + text[(at + written.Length)..];
        return Variant(predictor, context, original, Name, $"FROM {slimmer}", at < 0 ? null : edited);
    }

    /// <summary><c>python:3.12</c> → <c>python:3.12-slim</c>; CUDA <c>devel</c> → <c>runtime</c>; else null.</summary>
    private static string? Slimmer(string image)
    {
        int colon = image.LastIndexOf(':');
        if (colon < 0 || image.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        string repository = image[..colon];
        string tag = image[(colon + 1)..];
        if ((repository is "python" or "library/python" or "docker.io/library/python") && !tag.Contains("slim", StringComparison.Ordinal) && !tag.Contains("alpine", StringComparison.Ordinal))
        {
            string[] parts = tag.Split('-', 2);
            return $"{repository}:{parts[0]}-slim{(parts.Length > 1 ? "-" + parts[1] : string.Empty)}";
        }

        if (repository.EndsWith("nvidia/cuda", StringComparison.Ordinal) && tag.Contains("-devel", StringComparison.Ordinal))
        {
            return $"{repository}:{tag.Replace("-devel", "-runtime", StringComparison.Ordinal)}";
        }

        return null;
    }
}
