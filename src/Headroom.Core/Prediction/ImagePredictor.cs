using System.Collections.Immutable;
using Headroom.Apt;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Images.Remote;
using Headroom.Knowledge;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Prediction;

/// <summary>
/// Predicts a Dockerfile's image size and the builder's peak disk before anything is built (see
/// docs/prediction.md): the base image from the embedded table, pip installs from the torch knowledge
/// (which build the index brings) and stated assumptions, apt installs from the distribution's real
/// indexes (online) or the embedded closure table, COPY from the build context's real files after
/// <c>.dockerignore</c>, and <c>COPY --from</c> as an estimated share of the source stage. Only what
/// reaches the target stage counts in the image; every stage the target needs counts in the peak.
/// </summary>
public sealed class ImagePredictor : IImageCostSource, IDisposable
{
    private readonly object _gate = new();
    private AptSizing? _apt;
    private ApkSizing? _apk;
    private NpmSizing? _npm;
    private BaseImageSizer? _registry;
    private readonly Dictionary<string, (BaseImageSizeResult? Result, string? Failure)> _sized = new(StringComparer.Ordinal);

    /// <summary>The predictor the rules and commands share.</summary>
    public static ImagePredictor Shared { get; } = new();

    /// <summary>
    /// Whether the predictor may use the network when the check is not <c>--offline</c> (the command line turns it
    /// on; the library and the tests stay on the embedded knowledge unless asked).
    /// </summary>
    public bool NetworkEnabled { get; private set; }

    /// <summary>
    /// Lets predictions read the Debian/Ubuntu and Alpine package indexes (through <paramref name="fetcher"/>, or HTTP
    /// with the on-disk cache), the npm registry's tarball sizes (through <paramref name="npm"/>, or HTTP with its cache)
    /// and, with <paramref name="registry"/>, size base images from their registries (manifest and a pass over the
    /// layers, cached by digest) instead of the embedded table.
    /// </summary>
    public void EnableNetwork(IAptFetcher? fetcher = null, BaseImageSizer? registry = null, Headroom.JavaScript.INpmTarballSizer? npm = null)
    {
        lock (_gate)
        {
            _apt?.Dispose();
            _apk?.Dispose();
            _npm?.Dispose();
            _apt = new AptSizing(fetcher);
            _apk = new ApkSizing(fetcher);
            _npm = new NpmSizing(npm);
            _registry = registry;
            _sized.Clear();
            NetworkEnabled = true;
        }
    }

    /// <summary>Releases the package-index fetcher.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _apt?.Dispose();
            _apt = null;
            _apk?.Dispose();
            _apk = null;
            _npm?.Dispose();
            _npm = null;
            _registry = null;
            NetworkEnabled = false;
        }
    }

    /// <inheritdoc/>
    public ImageBuildCost? Predict(CheckContext context, string dockerfilePath, IReadOnlyDictionary<string, string> buildArgs, string? target) =>
        PredictImage(context, dockerfilePath, buildArgs, target)?.ToCost(target);

    /// <summary>Every Dockerfile of the project with the check's build options, sorted by path.</summary>
    public IReadOnlyList<ImagePrediction> PredictAll(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. DockerfileDocument.All(context).OrderBy(d => d.Path, StringComparer.Ordinal)
            .Select(d => PredictImage(context, d.Path, ImmutableDictionary<string, string>.Empty, null))
            .OfType<ImagePrediction>()];
    }

    /// <summary>
    /// The prediction for one Dockerfile with <paramref name="buildArgs"/> on top of the check's and
    /// <paramref name="target"/> (null: the check's <c>--target</c>, else the last stage); null when the
    /// target names no stage. Computed once per project and arguments.
    /// </summary>
    public ImagePrediction? PredictImage(CheckContext context, string dockerfilePath, IReadOnlyDictionary<string, string>? buildArgs = null, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dockerfilePath);
        buildArgs ??= ImmutableDictionary<string, string>.Empty;
        string key = "<prediction>" + dockerfilePath + "|" + (target ?? string.Empty) + "|" + string.Join(";", buildArgs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        return context.Project.GetOrAdd(key, _ => Compute(Derive(context, buildArgs, target), dockerfilePath));
    }

    /// <summary>A context whose Dockerfiles are parsed with other build options (a fresh model cache over the same files).</summary>
    internal static CheckContext Derive(CheckContext context, IReadOnlyDictionary<string, string> buildArgs, string? target)
    {
        if (buildArgs.Count == 0 && target is null)
        {
            return context;
        }

        BuildOptions build = context.Options.Build;
        foreach ((string name, string value) in buildArgs)
        {
            build = build.WithBuildArg(name, value);
        }

        build = target is null ? build : build with { Target = target };
        var project = new ProjectModel(context.Project.Root, context.Project.Files, context.Project.Repository);
        return new CheckContext(project, context.Options with { Build = build });
    }

    private ImagePrediction? Compute(CheckContext context, string dockerfilePath)
    {
        DockerfileDocument document = DockerfileDocument.Get(context, dockerfilePath);
        BuildDefinition build = document.Build;
        if (build.Target is not { } targetStage)
        {
            return null;
        }

        bool aptOnline = !context.Options.Offline && NetworkEnabled;
        bool pipOnline = !context.Options.Offline && context.Options.PackageIndexes is not null;
        bool offline = !aptOnline && !pipOnline;
        var notes = new List<string>();
        if (offline)
        {
            notes.Add(context.Options.Offline ? "offline: sizes from the embedded knowledge only" : "sizes from the embedded knowledge only (no network access was enabled)");
        }
        else
        {
            string aptSource = aptOnline ? "apt and apk closures from the distributions' indexes, npm packages from the registry's tarballs" : "apt, apk and npm sizes from the embedded knowledge";
            string pipSource = pipOnline ? "pip packages resolved on their package indexes where they answer" : "pip packages from the embedded knowledge";
            string baseSource = _registry is null ? "base images from the embedded knowledge" : "base images from their registries";
            notes.Add($"{aptSource}; {pipSource}; {baseSource}");
        }

        AptSizing? apt = aptOnline ? _apt : null;
        ApkSizing? apk = aptOnline ? _apk : null;
        NpmSizing? npm = aptOnline ? _npm : null;
        var stages = new Dictionary<BuildStage, StageBuild>();
        IReadOnlyList<TorchInstall> installs = TorchInstalls.All(context);
        foreach (BuildStage stage in build.ReachableStages)
        {
            StageBuild? parent = stage.BaseStage is { } b && stages.TryGetValue(b, out StageBuild? p) ? p : null;
            (PredictedComponent? baseImage, BaseImage? row, BaseImageSizeResult? measured) = parent is null ? BaseOf(stage, offline, notes) : (null, null, null);
            string? python = (measured?.Python ?? row?.PythonVersion) is { } v ? string.Join('.', v.Split('.').Take(2)) : null;
            var state = new StageBuild(stage, parent, baseImage, python)
            {
                Distro = measured is { Distro: { } id, DistroVersion: { } release } ? (id, release, row?.PackagesKey) : row is null ? parent?.Distro : (row.Distro, row.DistroRelease, row.PackagesKey),
                BasePackages = measured is { Packages.Count: > 0 } ? measured.Packages : parent?.BasePackages,
                AptSetup = measured is null ? parent?.AptSetup : measured.AptSetup,
            };
            stages[stage] = state;
            foreach (BuildInstruction instruction in stage.Instructions)
            {
                Add(context, document, instruction, state, stages, installs, apt, apk, npm, notes);
            }
        }

        if (apt?.Failure is { } failure)
        {
            notes.Add(failure);
        }

        if (apk?.Failure is { } apkFailure)
        {
            notes.Add(apkFailure);
        }

        if (npm?.Failure is { } npmFailure)
        {
            notes.Add($"the npm registry could not size every package ({npmFailure}); the rest are estimated");
        }

        StageBuild final = stages[targetStage];
        var image = new List<PredictedComponent>();
        if (final.BaseImage is { } root)
        {
            image.Add(root);
        }

        image.AddRange(final.ChainLayers.Where(c => c.Bytes > 0 || c.Kind == "base" || !c.Exact));
        var inImage = new HashSet<PredictedComponent>(image, ReferenceEqualityComparer.Instance);
        var buildOnly = stages.Values.SelectMany(s => s.Layers).Where(c => !inImage.Contains(c) && c.Bytes > 0).ToList();

        var bases = stages.Values.Where(s => s.Parent is null && s.BaseImage is not null).Select(s => s.BaseImage!).DistinctBy(c => c.Name).ToList();
        long layersAll = stages.Values.Sum(s => s.Layers.Sum(c => c.Bytes));
        long transient = stages.Values.SelectMany(s => s.Layers).Select(c => c.TransientBytes).DefaultIfEmpty(0).Max();
        long peak = bases.Sum(b => b.Bytes + b.DownloadBytes) + layersAll + transient;
        long download = bases.Sum(b => b.DownloadBytes) + stages.Values.SelectMany(s => s.Layers).Sum(c => c.DownloadBytes);

        List<PredictedComponent> sorted = [.. image.OrderByDescending(c => c.Bytes).ThenBy(c => c.Line).ThenBy(c => c.Name, StringComparer.Ordinal)];
        long imageBytes = sorted.Sum(c => c.Bytes);
        var prediction = new ImagePrediction
        {
            Dockerfile = dockerfilePath,
            Target = targetStage.Name ?? targetStage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Platform = targetStage.Platform.ToString(),
            Python = final.Python,
            ImageBytes = imageBytes,
            ImageBytesLow = sorted.Sum(c => c.LowBytes),
            ImageBytesHigh = sorted.Sum(c => c.HighBytes),
            PeakBuildBytes = peak,
            DownloadBytes = download,
            Components = sorted,
            BuildOnly = [.. buildOnly.OrderByDescending(c => c.Bytes).ThenBy(c => c.Line)],
            Offline = offline,
            Notes = [.. notes.Distinct(StringComparer.Ordinal)],
        };
        return prediction with { Budget = Budgets.For(context.Options.Budget, Math.Max(imageBytes, peak)) };
    }

    private (PredictedComponent? Component, BaseImage? Row, BaseImageSizeResult? Measured) BaseOf(BuildStage stage, bool offline, List<string> notes)
    {
        if (stage.IsScratch)
        {
            return (null, null, null);
        }

        string reference = stage.BaseImage;
        int line = stage.From.StartLine;
        BaseImageMatch? match = BaseImageTable.Resolve(reference);
        if (!offline && FromRegistry(reference, stage.Platform.ToString(), notes) is { } measured
            && (measured.UncompressedBytes ?? measured.CompressedBytes * 27 / 10) is long measuredBytes)
        {
            BaseImage? known = match?.Image;
            string name = known?.Name ?? reference;
            string version = (measured.Python ?? known?.PythonVersion) is { } py ? "python " + py : string.Empty;
            bool exact = measured.UncompressedExact;
            var fromRegistry = new PredictedComponent("base", name, version, measuredBytes, line, exact)
            {
                LowBytes = exact ? measuredBytes : measuredBytes * 9 / 10,
                HighBytes = exact ? measuredBytes : measuredBytes * 11 / 10,
                DownloadBytes = measured.CompressedBytes ?? measuredBytes * 10 / 27,
                How = measured.Source + (measured.UncompressedBytes is null ? "; unpacked size estimated as 2.7× the compressed layers" : string.Empty),
                Location = "/",
                Stage = stage.Index,
            };
            return (fromRegistry, known, measured);
        }

        if (match is null)
        {
            notes.Add($"base image {reference} is not in the embedded table: its size is not counted");
            return (new PredictedComponent("base", reference, string.Empty, 0, line, false) { How = "unknown image: not counted", Stage = stage.Index }, null, null);
        }

        BaseImage row = match.Image;
        if (match.Note is { } note)
        {
            notes.Add(note);
        }

        BaseImageSize? size = row.SizeFor(stage.Platform.ToString()) ?? (row.Sizes.Count > 0 ? row.Sizes[0] : null);
        long bytes = size?.UncompressedBytes ?? (size?.CompressedBytes is long c ? c * 27 / 10 : 0);
        bool exactRow = match.ExactTag && size is { Estimate: false, UncompressedBytes: not null };
        string how = size is null
            ? "no size known for this image"
            : $"embedded table: {size.Source} ({size.Date})" + (size.UncompressedBytes is null ? "; unpacked size estimated as 2.7× the compressed layers" : string.Empty);
        var component = new PredictedComponent("base", row.Name, row.PythonVersion is { } python ? "python " + python : string.Empty, bytes, line, exactRow)
        {
            LowBytes = exactRow ? bytes : bytes * 9 / 10,
            HighBytes = exactRow ? bytes : bytes * 11 / 10,
            DownloadBytes = size?.CompressedBytes ?? bytes * 10 / 27,
            How = how,
            Location = "/",
            Stage = stage.Index,
        };
        return (component, row, null);
    }

    /// <summary>
    /// The registry's figures for <paramref name="reference"/> (once per reference and platform in this predictor),
    /// or null without a registry sizer, on failure (said in the notes: the table stands in) or when the registry
    /// gave no unpacked size.
    /// </summary>
    private BaseImageSizeResult? FromRegistry(string reference, string platform, List<string> notes)
    {
        BaseImageSizer? registry;
        (BaseImageSizeResult? Result, string? Failure) outcome;
        string key = reference + "|" + platform;
        lock (_gate)
        {
            registry = _registry;
            if (registry is null)
            {
                return null;
            }

            if (!_sized.TryGetValue(key, out outcome))
            {
                try
                {
                    BaseImageSizeResult result = registry.SizeAsync(reference, ImagePlatform.Parse(platform)).GetAwaiter().GetResult();
                    outcome = result.FromRegistry
                        ? (result, null)
                        : (null, $"base image {reference}: {(result.Notes.Count > 0 ? result.Notes[0] : "the registry could not be read; using embedded knowledge")}");
                }
                catch (Diagnostics.InputException e)
                {
                    outcome = (null, $"base image {reference}: {e.Message}");
                }

                _sized[key] = outcome;
            }
        }

        if (outcome.Failure is { } failure)
        {
            notes.Add(failure);
        }

        if (outcome.Result is { } sized)
        {
            notes.AddRange(sized.Notes.Select(n => $"base image {reference}: {n}"));
        }

        return outcome.Result;
    }

    private static void Add(CheckContext context, DockerfileDocument document, BuildInstruction instruction, StageBuild state, Dictionary<BuildStage, StageBuild> stages, IReadOnlyList<TorchInstall> installs, AptSizing? apt, ApkSizing? apk, NpmSizing? npm, List<string> notes)
    {
        Instruction inner = instruction.Instruction.Inner ?? instruction.Instruction;
        switch (inner.Name)
        {
            case InstructionNames.Run:
                foreach (TorchInstall install in installs.Where(i => ReferenceEquals(i.Run.Instruction, instruction)))
                {
                    state.Layers.AddRange(PipSizer.Size(context, install, state, notes));
                }

                foreach (RunScript script in document.ScriptsOf(instruction))
                {
                    state.Layers.AddRange(VenvSizer.Size(script, instruction, state));
                    foreach (AptInvocation aptRun in script.Script.InvocationsOf<AptInvocation>())
                    {
                        state.Layers.AddRange(AptSizer.Size(aptRun, script, instruction, state, apt, notes));
                    }

                    foreach (ToolInvocation other in script.Script.Invocations)
                    {
                        state.Layers.AddRange(other switch
                        {
                            ApkInvocation apkRun => ApkSizer.Size(apkRun, script, instruction, state, apk, notes),
                            NpmInvocation npmRun => NpmSizer.Size(context, document, npmRun, script, instruction, state, npm, notes),
                            ProjectInstallInvocation project => LockSizer.SizeProject(context, document, project, script, instruction, state, notes),
                            _ => [],
                        });
                    }
                }

                break;
            case InstructionNames.Copy:
            case InstructionNames.Add:
                state.Layers.AddRange(CopySizer.Size(context, document, instruction, inner, state, stages, notes));
                break;
        }
    }
}
