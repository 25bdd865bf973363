using Headroom.Apt;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Knowledge;
using Headroom.Rules.Dockerfile;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes one <c>apt-get install</c>: the closure over the base image's packages (online from the real
/// indexes, offline from <see cref="AptInstallSizes"/>), the <c>.deb</c> archives as a transient download
/// (the official images' docker-clean hook deletes them after each install), and the package lists
/// when <c>apt-get update</c> ran in the same RUN and they are not removed there.
/// </summary>
internal static class AptSizer
{
    public static IEnumerable<PredictedComponent> Size(AptInvocation apt, RunScript script, BuildInstruction instruction, StageBuild state, AptSizing? online, ICollection<string> notes)
    {
        int line = instruction.Line;
        int stage = state.Stage.Index;
        if (apt.Action == AptAction.Update)
        {
            if (RunMounts.DiscardingMountOver(instruction, AptListsKeptRule.ListsDirectory) is null && !AptListsKeptRule.RemovedAfter(script, apt)
                && state.Distro is { } d && AptListSizes.Find(d.Distro, d.Release) is { } lists)
            {
                yield return new PredictedComponent("apt", "apt lists", string.Empty, lists, line, false)
                {
                    LowBytes = lists * 9 / 10,
                    HighBytes = lists * 11 / 10,
                    DownloadBytes = lists / 6,
                    How = $"{AptListSizes.Date}'s {d.Distro} {d.Release} Packages indexes, kept in {AptListsKeptRule.ListsDirectory} (not removed in the same RUN)",
                    Location = AptListsKeptRule.ListsDirectory,
                    Stage = stage,
                };
            }

            yield break;
        }

        if (apt.Action != AptAction.Install)
        {
            yield break;
        }

        string[] packages = [.. apt.Packages.Where(p => p.Kind == PackageOperandKind.Name && p.Name is not null && !p.IsDynamic).Select(p => p.Word.Value ?? p.Name!)];
        if (packages.Length == 0)
        {
            yield break;
        }

        bool recommends = !apt.NoInstallRecommends;
        string name = string.Join(' ', packages);
        string withRecommends = recommends ? "with Recommends" : "without Recommends";
        if (state.Distro is not { } distro)
        {
            notes.Add($"line {line}: the base image's distribution is not known, so apt-get install {name} is not sized");
            yield return new PredictedComponent("apt", name, string.Empty, 0, line, false) { How = "unknown distribution: not counted", Stage = stage };
            yield break;
        }

        string architecture = state.Stage.Platform.Architecture;
        AptClosure? closure = online?.Closure(distro.Distro, distro.Release, architecture, distro.PackagesKey, packages, recommends, state.AptInstalled);
        foreach (string package in packages)
        {
            state.AptInstalled.Add(package);
        }

        if (closure is not null)
        {
            if (closure.Unresolved.Count > 0)
            {
                notes.Add($"line {line}: apt cannot resolve {string.Join(", ", closure.Unresolved.Select(u => u.Relation))}");
            }

            foreach (AptClosureEntry entry in closure.Packages)
            {
                state.AptInstalled.Add(entry.Package.Name);
            }

            long bytes = closure.InstalledBytes;
            yield return new PredictedComponent("apt", name, string.Empty, bytes, line, false)
            {
                LowBytes = bytes * 95 / 100,
                HighBytes = bytes * 105 / 100,
                DownloadBytes = closure.DownloadBytes,
                TransientBytes = closure.DownloadBytes,
                How = $"{closure.Packages.Count} packages {withRecommends} from the {distro.Distro} {distro.Release} indexes (Installed-Size), minus the base image's",
                Location = "/usr",
                Stage = stage,
            };
            yield break;
        }

        long installed = 0, download = 0, largest = 0, high = 0;
        int count = 0;
        var unknown = new List<string>();
        string release = $"{distro.Distro}/{distro.Release}";
        foreach (string package in packages)
        {
            string bare = package.Split('=', ':', '/')[0];
            if (AptInstallSizes.Find(release, bare, recommends) is { } row)
            {
                installed += row.InstalledBytes;
                download += row.DownloadBytes;
                largest = Math.Max(largest, row.InstalledBytes);
                high += row.InstalledBytes;
                count += row.PackageCount;
            }
            else
            {
                (long assumed, long dl, _, long hi) = InstalledSizeRatios.UnknownPackage;
                installed += assumed;
                download += dl;
                high += hi;
                unknown.Add(bare);
            }
        }

        string how = count > 0
            ? $"embedded closures ({release}, {withRecommends}, {AptInstallSizes.Date}), summed per package (shared dependencies counted once per package)"
            : "not in the embedded table";
        if (unknown.Count > 0)
        {
            how += $"; {string.Join(", ", unknown)} not in the table: assumed {ByteSize.Format(InstalledSizeRatios.UnknownPackage.Installed)} each";
        }

        yield return new PredictedComponent("apt", name, string.Empty, installed, line, false)
        {
            LowBytes = Math.Max(largest, installed * 7 / 10),
            HighBytes = high,
            DownloadBytes = download,
            TransientBytes = download,
            How = how,
            Location = "/usr",
            Stage = stage,
        };
    }
}
