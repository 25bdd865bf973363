using Headroom.Apk;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Knowledge;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes one <c>apk add</c>: the dependency closure over what the image already holds (online from the release's
/// real <c>APKINDEX</c>, <c>I:</c> installed sizes; offline from <see cref="ApkInstallSizes"/>), the <c>.apk</c>
/// files as a transient download, and the indexes apk keeps in <c>/var/cache/apk</c> unless <c>--no-cache</c>,
/// a cache mount, or an <c>rm</c> of that folder in the same RUN.
/// </summary>
internal static class ApkSizer
{
    /// <summary>Where apk keeps the fetched indexes.</summary>
    public const string CacheDirectory = "/var/cache/apk";

    public static IEnumerable<PredictedComponent> Size(ApkInvocation apk, RunScript script, BuildInstruction instruction, StageBuild state, ApkSizing? online, ICollection<string> notes)
    {
        int line = instruction.Line;
        int stage = state.Stage.Index;
        bool keepsIndexes = (apk.Action == ApkAction.Update || (apk.Action == ApkAction.Add && !apk.NoCache))
            && RunMounts.DiscardingMountOver(instruction, CacheDirectory) is null
            && !script.Script.InvocationsOf<RemoveInvocation>().Any(rm => rm.Span.Start > apk.Span.End && rm.RemovesContentsOf(CacheDirectory));
        if (apk.Action != ApkAction.Add)
        {
            if (keepsIndexes && state.ApkCacheKept is false)
            {
                state.ApkCacheKept = true;
                yield return IndexCache(ApkInstallSizes.IndexCacheBytes, "estimate", line, stage);
            }

            yield break;
        }

        string[] packages = [.. apk.Packages.Where(p => p.Kind == PackageOperandKind.Name && p.Name is not null && !p.IsDynamic).Select(p => p.Word.Value ?? p.Name!)];
        if (packages.Length == 0)
        {
            yield break;
        }

        string name = string.Join(' ', packages);
        if (state.Distro is not { Distro: "alpine" } distro)
        {
            notes.Add($"line {line}: apk add {name} on an image that is not known to be Alpine: not sized");
            yield return new PredictedComponent("apk", name, string.Empty, 0, line, false) { How = "not an Alpine base image the table knows: not counted", Stage = stage };
            yield break;
        }

        string repository = state.BaseImage?.Name is { } baseName && baseName.Contains(':', StringComparison.Ordinal) ? "library/" + baseName[..baseName.IndexOf(':', StringComparison.Ordinal)] : string.Empty;
        IEnumerable<string> installed = ApkInstallSizes.InstalledIn(repository).Concat(state.ApkInstalled);
        (ApkClosure Closure, long IndexBytes)? closure = online?.Closure(distro.Release, state.Stage.Platform.Architecture, packages, installed);
        long indexBytes = ApkInstallSizes.IndexCacheBytes;
        PredictedComponent component;
        if (closure is { } found)
        {
            ApkClosure c = found.Closure;
            indexBytes = found.IndexBytes;
            if (c.Unresolved.Count > 0)
            {
                notes.Add($"line {line}: apk cannot resolve {string.Join(", ", c.Unresolved)} in Alpine {distro.Release}");
            }

            state.ApkInstalled.UnionWith(c.Packages.Select(p => p.Name));
            long bytes = c.InstalledBytes;
            component = new PredictedComponent("apk", name, string.Empty, bytes, line, true)
            {
                DownloadBytes = c.DownloadBytes,
                TransientBytes = c.DownloadBytes,
                How = $"{c.Packages.Count} packages from the Alpine {distro.Release} indexes (I: installed sizes), minus the image's own",
                Location = "/usr",
                Stage = stage,
            };
        }
        else
        {
            long bytes = 0, download = 0, high = 0, largest = 0;
            var known = new List<string>();
            var unknown = new List<string>();
            foreach (string package in packages)
            {
                string bare = ApkDependency.Parse(package).Name;
                if (ApkInstallSizes.InstalledIn(repository).Contains(bare, StringComparer.Ordinal) || state.ApkInstalled.Contains(bare))
                {
                    continue;
                }

                state.ApkInstalled.Add(bare);
                if (ApkInstallSizes.Find(bare) is { } row)
                {
                    bytes += row.InstalledBytes;
                    download += row.DownloadBytes;
                    high += row.InstalledBytes;
                    largest = Math.Max(largest, row.InstalledBytes);
                    known.Add(bare);
                }
                else
                {
                    (long assumed, long dl, _, long hi) = InstalledSizeRatios.UnknownPackage;
                    bytes += assumed;
                    download += dl;
                    high += hi;
                    unknown.Add(bare);
                }
            }

            string how = known.Count > 0 ? $"embedded apk closures ({ApkInstallSizes.Date}, real index sizes summed by hand) for {string.Join(", ", known)}" : "not in the embedded apk table";
            if (unknown.Count > 0)
            {
                how += $"; {string.Join(", ", unknown)} not in the table: assumed {ByteSize.Format(InstalledSizeRatios.UnknownPackage.Installed)} each";
            }

            component = new PredictedComponent("apk", name, string.Empty, bytes, line, false)
            {
                LowBytes = Math.Max(largest, (bytes - (unknown.Count * InstalledSizeRatios.UnknownPackage.Installed)) + (unknown.Count * InstalledSizeRatios.UnknownPackage.Low)),
                HighBytes = high,
                DownloadBytes = download,
                TransientBytes = download,
                How = how,
                Location = "/usr",
                Stage = stage,
            };
        }

        yield return component;
        if (keepsIndexes && state.ApkCacheKept is false)
        {
            state.ApkCacheKept = true;
            yield return IndexCache(indexBytes, closure is null ? "estimate" : "the fetched files' sizes", line, stage);
        }
    }

    private static PredictedComponent IndexCache(long bytes, string how, int line, int stage) =>
        new("apk", "apk cache", string.Empty, bytes, line, false)
        {
            LowBytes = bytes * 8 / 10,
            HighBytes = bytes * 12 / 10,
            DownloadBytes = bytes,
            How = $"the main and community indexes kept in {CacheDirectory} (no --no-cache, no rm in the same RUN; {how})",
            Location = CacheDirectory,
            Stage = stage,
        };
}
