using Headroom.Diagnostics;
using Headroom.Images;
using Headroom.Prediction;
using Headroom.Project;
using Headroom.Rules;

namespace Headroom.Cli.Commands.Diff;

/// <summary>
/// Reads a side of <c>headroom diff</c>: an image source as <c>headroom image</c> takes it (a transport prefix, an
/// OCI layout folder, an archive), a Dockerfile or a folder holding one (predicted), or <c>REV:path</c> (the
/// Dockerfile and its folder at a git revision, predicted, from the repository holding <paramref name="repository"/>).
/// </summary>
internal sealed class DiffInputReader(CommandContext context, CheckOptions options, string? platform, string repository)
{
    private static readonly string[] Transports = ["docker-archive:", "oci-archive:", "oci:", "docker://", "docker-daemon:"];

    public DiffInput Read(string spec)
    {
        if (spec == "-" || Transports.Any(t => spec.StartsWith(t, StringComparison.Ordinal)))
        {
            return new DiffInput(spec, Analyze(spec), null);
        }

        if (Directory.Exists(spec))
        {
            bool layout = File.Exists(Path.Combine(spec, "oci-layout")) || File.Exists(Path.Combine(spec, "index.json"));
            return layout ? new DiffInput(spec, Analyze(spec), null) : new DiffInput(spec, null, Predict(spec, spec));
        }

        if (File.Exists(spec))
        {
            bool dockerfile = ProjectFileClassifier.Classify(Path.GetFileName(spec)) == ProjectFileKind.Dockerfile;
            return dockerfile ? new DiffInput(spec, null, Predict(spec, spec)) : new DiffInput(spec, Analyze(spec), null);
        }

        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            using GitRevisionFolder checkout = GitRevisionFolder.Extract(spec, spec[..colon], spec[(colon + 1)..], repository);
            return new DiffInput(spec, null, Predict(checkout.Path, spec));
        }

        throw new InputException($"{spec}: no such file or directory");
    }

    private ImageReport Analyze(string spec)
    {
        using IImageSource image = ImageSources.Open(spec, context.Host.OpenStandardInput, out string? reference);
        using ProgressLine? progress = ProgressLine.Start(context.Host, context.Error, image.DisplayName);
        var analysis = new ImageAnalysisOptions
        {
            Selector = new ImageSelector(platform, reference),
            OnStoredBytes = progress is null ? null : progress.Add,
            OnStoredTotal = progress is null ? null : progress.SetTotal,
        };
        return ImageAnalyzer.Analyze(image, analysis);
    }

    /// <summary>The prediction of a Dockerfile (its folder is the build context), or of the one Dockerfile a folder holds.</summary>
    private ImagePrediction Predict(string path, string label)
    {
        string full = Path.GetFullPath(path);
        ProjectModel project = ProjectModel.Load(full);
        string dockerfile = File.Exists(full) ? Path.GetFileName(full) : Pick(project, label);
        var check = new CheckContext(project, options);
        ImagePrediction prediction = ImagePredictor.Shared.PredictImage(check, dockerfile)
            ?? throw new InputException($"{label}: --target '{options.Build.Target}' names no stage of {dockerfile}");
        return prediction with { Dockerfile = label };
    }

    /// <summary>A folder's <c>Dockerfile</c> (or <c>Containerfile</c>), else its only Dockerfile.</summary>
    private static string Pick(ProjectModel project, string label)
    {
        List<string> found = [.. project.FilesOfKind(ProjectFileKind.Dockerfile).Select(f => f.RelativePath)];
        if (found.FirstOrDefault(f => f is "Dockerfile" or "Containerfile") is { } top)
        {
            return top;
        }

        return found.Count switch
        {
            1 => found[0],
            0 => throw new InputException($"{label}: no Dockerfile in this folder, and it is not an OCI image layout"),
            _ => throw new InputException($"{label}: {found.Count} Dockerfiles ({string.Join(", ", found)}); name the one to compare"),
        };
    }
}
