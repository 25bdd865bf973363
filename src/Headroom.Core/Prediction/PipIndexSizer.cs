using System.Globalization;
using Headroom.Diagnostics;
using Headroom.Dockerfiles.Build;
using Headroom.Knowledge;
using Headroom.Python;
using Headroom.Python.Index;
using Headroom.Python.Resolution;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes one pip (or uv pip) install from the package indexes it uses: the built-in resolver gives what pip would
/// install for the stage's Python, platform and C library (requirement files with their <c>-r</c>/<c>-c</c>, index
/// options, pip's or uv's index strategy), and each resolved wheel is sized exactly from its zip central directory,
/// else as its download size (PEP 700, PyPI's JSON API, <c>Content-Length</c>) times a ratio of
/// <see cref="InstalledSizeRatios"/>. Returns null when the install cannot be resolved (no indexes given, the stage's
/// Python unknown, an index failed, the requirements conflict, the time ran out): then the caller sizes it from the
/// embedded knowledge, and a note says why.
/// </summary>
internal static class PipIndexSizer
{
    /// <summary>The longest one install's resolution and sizing may take before the knowledge stands in.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static List<PredictedComponent>? Size(CheckContext context, TorchInstall install, StageBuild state, string location, ICollection<string> notes)
    {
        if (context.Options.Offline || context.Options.PackageIndexes is not { } indexes)
        {
            return null;
        }

        PipInvocation pip = install.Run.Invocation;
        int line = install.Run.AnchorLine;
        string where = $"{install.Run.Document.Path}:{line}";
        if (indexes.Failed)
        {
            notes.Add($"{where}: pip packages sized from the embedded knowledge: {indexes.Failure ?? "a package index failed earlier"}");
            return null;
        }

        if ((PythonInstalls.TargetOf(install.Run.Document, install.Stage) ?? FromStage(state, install.Stage.Platform, install.Run.Document.Path, install.Run.AnchorLine)) is not { } target)
        {
            notes.Add($"{where}: the stage's Python is not known (base image not in the table, or not linux), so its pip packages are sized from the embedded knowledge");
            return null;
        }

        (IndexConfiguration configuration, bool known) = PythonInstalls.Indexes(pip, install.Requirements);
        if (!known || configuration.Indexes.Count + configuration.FindLinks.Count == 0)
        {
            notes.Add($"{where}: the install's indexes cannot be read (an unset variable, or --no-index), so its pip packages are sized from the embedded knowledge");
            return null;
        }

        IPackageRepository? repository = indexes.RepositoryFor(configuration);
        if (repository is null)
        {
            notes.Add($"{where}: pip packages sized from the embedded knowledge: {indexes.Failure ?? "a package index failed earlier"}");
            return null;
        }

        ResolutionRequest request = Request(install, where, notes);
        if (request.Requirements.Count == 0)
        {
            return [];
        }

        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            List<PredictedComponent> sized = ResolveAndSizeAsync(repository, target.Environment, request, install, state, location, notes, deadline.Token).GetAwaiter().GetResult();
            return sized;
        }
        catch (InputException e)
        {
            indexes.Fail(e.Message);
            notes.Add($"{where}: pip packages sized from the embedded knowledge: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            string message = $"the package indexes ({PackageIndexes.Describe(configuration)}) did not answer within {Deadline.TotalSeconds:0} s";
            indexes.Fail(message);
            notes.Add($"{where}: pip packages sized from the embedded knowledge: {message}");
        }
        catch (ResolutionException e)
        {
            notes.Add($"{where}: pip cannot resolve the requirements for {target.Describe()} ({HttpOneLine(e.Message)}); sized from the embedded knowledge as if it installed");
        }

        return null;
    }

    /// <summary>
    /// The roots to resolve (requirement files' lines and command-line operands) and the constraints; operands and
    /// lines that are not index packages (paths, URLs, editables) get a note.
    /// </summary>
    private static ResolutionRequest Request(TorchInstall install, string where, ICollection<string> notes)
    {
        PipInvocation pip = install.Run.Invocation;
        var roots = new List<RootRequirement>();
        foreach (PackageOperand operand in pip.Packages)
        {
            if (operand.Kind == PackageOperandKind.Name && !operand.IsDynamic && operand.Word.Value is { } text && Requirement.TryParse(text, out Requirement? requirement, out _))
            {
                roots.Add(new RootRequirement(requirement, where));
            }
            else
            {
                notes.Add($"{where}: '{operand.Word.Value ?? operand.Word.ToString()}' is not a package from an index: not counted");
            }
        }

        ResolutionRequest fromFiles = install.Requirements is { } set ? ResolutionRequest.From(set) : new ResolutionRequest([], [], []);
        foreach (string skipped in fromFiles.Skipped)
        {
            notes.Add(skipped);
        }

        return new ResolutionRequest([.. roots, .. fromFiles.Requirements], fromFiles.Constraints, [], fromFiles.Pre || pip.Pre);
    }

    /// <summary>The requirement files' errors (a missing <c>-r</c> file, an unparsable line): a note each, and an estimate in place of what they hide.</summary>
    internal static IEnumerable<PredictedComponent> FileProblems(TorchInstall install, StageBuild state, string location, string where, ICollection<string> notes)
    {
        foreach (Diagnostic d in install.Requirements?.Diagnostics ?? [])
        {
            if (d.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            string at = d.Path is null || d.Path.StartsWith('<') ? where : $"{d.Path}:{d.Start.Line}";
            if (d.Code == "requirements-file-not-found")
            {
                notes.Add($"{at}: {d.Message}: its packages are not counted");
                yield return new PredictedComponent("pip", "requirements not found", string.Empty, 0, install.Run.AnchorLine, false)
                {
                    HighBytes = InstalledSizeRatios.UnknownPackage.High,
                    How = $"{d.Message} ({at}): not counted",
                    Location = location,
                    Stage = state.Stage.Index,
                };
                continue;
            }

            (long installed, long download, long low, long high) = InstalledSizeRatios.UnknownPackage;
            notes.Add($"{at}: {d.Message}: that line is assumed to install {ByteSize.Format(installed)}");
            yield return new PredictedComponent("pip", $"{at} (unreadable line)", string.Empty, installed, install.Run.AnchorLine, false)
            {
                LowBytes = low,
                HighBytes = high,
                DownloadBytes = download,
                How = $"{d.Message}: assumed {ByteSize.Format(installed)} installed",
                Location = location,
                Stage = state.Stage.Index,
            };
        }
    }

    private static async Task<List<PredictedComponent>> ResolveAndSizeAsync(
        IPackageRepository indexes, TargetEnvironment target, ResolutionRequest request, TorchInstall install, StageBuild state, string location, ICollection<string> notes, CancellationToken cancellationToken)
    {
        PipInvocation pip = install.Run.Invocation;
        bool keepInstalled = !pip.Upgrade;
        Dictionary<string, CoreMetadata> installed = keepInstalled ? state.PipMetadata : [];
        var options = new ResolverOptions { Pre = request.Pre };
        ResolutionResult result;
        try
        {
            result = await new Resolver(new InstalledPackagesRepository(indexes, installed), target, options).ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ResolutionException) when (installed.Count > 0)
        {
            // The installed versions do not fit: pip replaces them.
            result = await new Resolver(indexes, target, options).ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        }

        foreach (string note in result.Notes)
        {
            notes.Add($"{install.Run.Document.Path}:{install.Run.AnchorLine}: {note}");
        }

        IEnumerable<ResolvedPackage> packages = result.Packages.Where(p => !InstalledPackagesRepository.IsInstalled(p.File));
        if (pip.NoDeps)
        {
            packages = packages.Where(p => p.IsRoot);
        }

        ResolvedPackage[] toInstall = [.. packages.Where(p => !(keepInstalled && state.PipInstalled.TryGetValue(p.Name, out string? have) && have == p.Version.ToString()))];
        var cuda = new HashSet<string>(toInstall.Where(p => IsCudaLibrary(p.Name)).SelectMany(p => p.RequiredBy).Select(r => r.ParentName).OfType<string>(), StringComparer.Ordinal);
        PredictedComponent[] components = await Task.WhenAll(toInstall.Select(p => SizeAsync(indexes, p, install, state, location, cuda, cancellationToken))).ConfigureAwait(false);
        foreach (ResolvedPackage p in toInstall)
        {
            state.PipInstalled[p.Name] = p.Version.ToString();
            if (p.Metadata is { } metadata)
            {
                state.PipMetadata[p.Name] = metadata;
            }
        }

        return [.. components];
    }

    private static async Task<PredictedComponent> SizeAsync(IPackageRepository indexes, ResolvedPackage package, TorchInstall install, StageBuild state, string location, HashSet<string> cudaParents, CancellationToken cancellationToken)
    {
        DistributionFile file = package.File;
        long? download = await indexes.GetDownloadSizeAsync(file, cancellationToken).ConfigureAwait(false);
        long? installed = await indexes.GetInstalledSizeAsync(file, cancellationToken).ConfigureAwait(false);
        string? group = IsCudaLibrary(package.Name) || (package.Name == "torch" && cudaParents.Contains("torch")) ? PipSizer.CudaGroup : null;
        string origin = $"{file.Filename} from {file.IndexUrl}{(package.IsRoot || package.Chain.Count == 0 ? string.Empty : $", required by {package.Chain[^1].ParentName}")}";
        var component = new PredictedComponent("pip", package.Name, package.Version.ToString(), 0, install.Run.AnchorLine, false)
        {
            DownloadBytes = download ?? 0,
            Group = group,
            Location = location,
            Stage = state.Stage.Index,
        };
        if (installed is long exact)
        {
            return component with { Bytes = exact, LowBytes = exact, HighBytes = exact, Exact = true, How = $"{origin}: installed size from the wheel's zip directory" };
        }

        string reason = indexes is PackageIndex index ? (await index.Wheels.InspectAsync(file, cancellationToken).ConfigureAwait(false)).Reason ?? "the zip directory was not read" : "the zip directory was not read";
        if (download is long bytes)
        {
            (double Point, double Low, double High) ratio = RatioFor(package.Name, group);
            string sizeSource = file.Size is null ? "its Content-Length or PyPI's JSON API" : "the index's listing";
            return component with
            {
                Bytes = InstalledSizeRatios.Installed(bytes, ratio),
                LowBytes = (long)(bytes * ratio.Low),
                HighBytes = (long)(bytes * ratio.High),
                How = string.Create(CultureInfo.InvariantCulture, $"{origin}: {ByteSize.Format(bytes)} download ({sizeSource}) × {ratio.Point} installed, estimated: {HttpOneLine(reason)}"),
            };
        }

        (long assumed, long assumedDownload, long low, long high) = InstalledSizeRatios.UnknownPackage;
        return component with
        {
            Bytes = assumed,
            LowBytes = low,
            HighBytes = high,
            DownloadBytes = assumedDownload,
            How = $"{origin}: no size could be had ({HttpOneLine(reason)}): assumed {ByteSize.Format(assumed)} installed",
        };
    }

    /// <summary>The installed/download ratio of a wheel: the CUDA stack's, CPU torch's, or the generic one.</summary>
    internal static (double Point, double Low, double High) RatioFor(string name, string? group) =>
        group is not null ? InstalledSizeRatios.Cuda : name == "torch" ? InstalledSizeRatios.TorchCpu : InstalledSizeRatios.Generic;

    /// <summary>The wheels of torch's CUDA stack: nvidia-* libraries and triton.</summary>
    internal static bool IsCudaLibrary(string name) =>
        name.StartsWith("nvidia-", StringComparison.Ordinal) || name is "triton" or "pytorch-triton";

    internal static string HttpOneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>
    /// The stage's Python as the prediction learnt it (a base image read from its registry, or an apt install of
    /// <c>python3.N</c>) when the base-image table does not know the image, with the libc of a table row of the same
    /// distribution release; null when the table knows no such release.
    /// </summary>
    internal static PythonTarget? FromStage(StageBuild state, Platform platform, string path, int line)
    {
        // The table's row of the same distribution release gives libc and its version; the Python is the stage's.
        string? python = state.Python;
        BaseImage? like = state.Distro is { } d ? BaseImageTable.All.FirstOrDefault(b => b.Distro == d.Distro && b.DistroRelease == d.Release) : null;
        if (platform.Os != "linux" || python is null || like is null || (like with { PythonVersion = python }).Target(platform.Architecture) is not { } environment)
        {
            return null;
        }

        return new PythonTarget(environment, $"the stage's Python {state.Python}, {path}:{line}", new RelatedLocation(path, line, 1, $"the stage's Python ({state.Python})"));
    }
}
