using System.Text;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes COPY and ADD: from the build context, the real bytes of the files that <c>.dockerignore</c> lets
/// through; heredocs, their text; <c>--from</c> a stage, the share of that stage's predicted installs that lie
/// under the copied path (an estimate: the predictor knows where installs land, not every file).
/// </summary>
internal static class CopySizer
{
    public static IEnumerable<PredictedComponent> Size(CheckContext context, DockerfileDocument document, BuildInstruction instruction, Instruction inner, StageBuild state, Dictionary<BuildStage, StageBuild> stages, ICollection<string> notes)
    {
        ExpandedInstruction expanded = instruction.Expanded;
        int line = instruction.Line;
        int stage = state.Stage.Index;
        if (!inner.Heredocs.IsEmpty)
        {
            long bytes = inner.Heredocs.Sum(h => (long)Encoding.UTF8.GetByteCount(h.EffectiveBody));
            return [new PredictedComponent("copy", "heredoc", string.Empty, bytes, line, true) { Stage = stage }];
        }

        string[] sources = expanded.Args.Length > 1 ? [.. expanded.Args.Take(expanded.Args.Length - 1)] : [];
        if (sources.Length == 0)
        {
            return [];
        }

        string destination = ContainerPaths.Join(ContainerPaths.WorkingDirectory(instruction), expanded.Args[^1]);
        if (expanded.GetFlag("from") is { } from)
        {
            return FromStage(document, from, sources, destination, line, state, stages, notes);
        }

        BuildContext buildContext = BuildContext.Of(context.Project, document.Path, document.Directory);
        var components = new List<PredictedComponent>();
        foreach (string source in sources)
        {
            if (source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal))
            {
                notes.Add($"line {line}: {inner.Name.ToUpperInvariant()} {source} downloads at build time: not counted");
                components.Add(new PredictedComponent("copy", source, string.Empty, 0, line, false) { How = "a remote source: not counted", Stage = stage });
                continue;
            }

            long bytes = buildContext.BytesOf(source);
            string how = buildContext.IgnoreFile is { } ignore
                ? $"the context's files after {ignore}"
                : "the context's files (no .dockerignore: everything in the folder is sent)";
            components.Add(new PredictedComponent("copy", source, string.Empty, bytes, line, true) { How = how, Location = destination, Stage = stage });
        }

        return components;
    }

    private static List<PredictedComponent> FromStage(DockerfileDocument document, string from, string[] sources, string destination, int line, StageBuild state, Dictionary<BuildStage, StageBuild> stages, ICollection<string> notes)
    {
        int stage = state.Stage.Index;
        if (document.Build.FindStage(from) is not { } source || !stages.TryGetValue(source, out StageBuild? built))
        {
            notes.Add($"line {line}: COPY --from={from} copies from another image: not counted");
            return [new PredictedComponent("copy", $"--from={from}", string.Empty, 0, line, false) { How = "from an image outside the build: not counted", Stage = stage }];
        }

        var result = new List<PredictedComponent>();
        foreach (string path in sources)
        {
            string absolute = ContainerPaths.Join("/", path);
            List<PredictedComponent> under = [.. built.ChainLayers.Where(c => c.Location is { } l && Under(l, absolute))];
            long bytes = under.Sum(c => c.Bytes);
            string how = under.Count == 0
                ? $"nothing the predictor sized in stage {built.Stage.DisplayName} lies under {absolute}: counted as 0"
                : $"the share of stage {built.Stage.DisplayName} under {absolute}: {string.Join(", ", under.Select(c => $"{c.Name} {ByteSize.Format(c.Bytes)}"))}";
            result.Add(new PredictedComponent("copy", $"--from={built.Stage.DisplayName} {absolute}", string.Empty, bytes, line, false)
            {
                LowBytes = under.Sum(c => c.LowBytes),
                HighBytes = under.Sum(c => c.HighBytes),
                How = how,
                Group = under.Select(c => c.Group).FirstOrDefault(g => g is not null),
                Location = destination,
                Stage = stage,
            });
            foreach (PredictedComponent c in under.Where(c => c.Kind == "pip" && c.Name == "torch"))
            {
                state.PipInstalled["torch"] = c.Version;
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="location"/> is <paramref name="copied"/> or lies below it.</summary>
    private static bool Under(string location, string copied) =>
        copied == "/" || location == copied || location.StartsWith(copied.TrimEnd('/') + "/", StringComparison.Ordinal);
}
