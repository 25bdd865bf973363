using System.Text.RegularExpressions;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.JavaScript;
using Headroom.Knowledge;
using Headroom.Project;
using Headroom.Rules;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>
/// Sizes <c>npm ci</c>/<c>npm install</c> from the lock file beside the package.json the Dockerfile copies
/// (lockfileVersion 2/3 <c>packages</c>, for the image's os, cpu and libc; dev dependencies left out with
/// <c>--omit=dev</c>, <c>--production</c> or <c>NODE_ENV=production</c>): online each package's tarball from the
/// registry (its unpacked and packed sizes), offline the embedded table and a per-package assumption. The npm
/// cache (<c>~/.npm/_cacache</c>, the tarballs) counts unless cleaned or mounted in the same RUN. <c>npm run build</c>
/// adds its output folder (<c>dist</c>), estimated from the sources it bundles.
/// </summary>
internal static partial class NpmSizer
{
    public static IEnumerable<PredictedComponent> Size(CheckContext context, DockerfileDocument document, NpmInvocation npm, RunScript script, BuildInstruction instruction, StageBuild state, NpmSizing? online, ICollection<string> notes)
    {
        return npm.Kind switch
        {
            NpmCommandKind.Install or NpmCommandKind.CleanInstall => Install(context, document, npm, script, instruction, state, online, notes),
            NpmCommandKind.Other when BuildScript(npm) is { } name => Build(context, document, npm, instruction, state, name, notes),
            _ => [],
        };
    }

    private static List<PredictedComponent> Install(CheckContext context, DockerfileDocument document, NpmInvocation npm, RunScript script, BuildInstruction instruction, StageBuild state, NpmSizing? online, ICollection<string> notes)
    {
        int line = instruction.Line;
        int stage = state.Stage.Index;
        string workdir = ContainerPaths.WorkingDirectory(instruction);
        string modules = ContainerPaths.Join(workdir, "node_modules");
        bool omitDev = npm.OmitsDevDependencies || Variable(npm, instruction, "NODE_ENV") == "production" || Variable(npm, instruction, "npm_config_omit") == "dev" || Variable(npm, instruction, "NPM_CONFIG_PRODUCTION") == "true";
        bool musl = state.Distro is { Distro: "alpine" };
        string cpu = state.Stage.Platform.Architecture switch { "amd64" => "x64", "386" => "ia32", var a => a };
        string what = npm.Packages.IsEmpty ? $"{npm.ToolWord.Value} {npm.SubcommandWord?.Value ?? "install"}" : string.Join(' ', npm.Packages.Select(p => p.Word.Value ?? p.Word.RawText));
        string scope = omitDev ? "without dev dependencies" : "with dev dependencies";

        long unpacked, tarballs, low, high;
        bool exact;
        string how;
        if (!npm.Packages.IsEmpty || npm.Manager != NodePackageManager.Npm)
        {
            // Named packages (their own dependencies unknown), or yarn/pnpm: the direct-dependency assumptions.
            string[] names = npm.Packages.IsEmpty ? [.. PackageJsonOf(context, document, instruction)?.Dependencies.Concat(omitDev ? [] : PackageJsonOf(context, document, instruction)!.DevDependencies).Select(d => d.Name) ?? []] : [.. npm.Packages.Select(p => p.Name ?? p.Word.RawText)];
            (unpacked, low, high, how) = Direct(names, musl);
            tarballs = (long)(unpacked * NpmPackageSizes.TarballRatio);
            exact = false;
        }
        else if (LockOf(context, document, instruction) is { } lockFile)
        {
            NpmLockEntry[] entries = [.. lockFile.Lock.Installed(omitDev, "linux", cpu, musl ? "musl" : "glibc")];
            IReadOnlyList<NpmTarballSize?> sizes = online is null ? [.. entries.Select(_ => (NpmTarballSize?)null)] : online.Sizes(entries);
            unpacked = 0;
            tarballs = 0;
            low = 0;
            high = 0;
            int fromRegistry = 0, fromTable = 0, assumed = 0;
            for (int i = 0; i < entries.Length; i++)
            {
                if (sizes[i] is { } size)
                {
                    unpacked += size.UnpackedBytes;
                    tarballs += size.TarballBytes;
                    low += size.UnpackedBytes * 95 / 100;
                    high += size.UnpackedBytes;
                    fromRegistry++;
                }
                else if (NpmPackageSizes.Find(entries[i].Name) is { } row)
                {
                    unpacked += row.UnpackedBytes;
                    tarballs += row.TarballBytes;
                    low += row.UnpackedBytes * 7 / 10;
                    high += row.UnpackedBytes * 13 / 10;
                    fromTable++;
                }
                else
                {
                    unpacked += NpmPackageSizes.UnknownPackage.Point;
                    tarballs += (long)(NpmPackageSizes.UnknownPackage.Point * NpmPackageSizes.TarballRatio);
                    low += NpmPackageSizes.UnknownPackage.Low;
                    high += NpmPackageSizes.UnknownPackage.High;
                    assumed++;
                }
            }

            exact = assumed == 0 && fromTable == 0;
            how = $"{entries.Length} packages of {lockFile.Path} (lockfileVersion {lockFile.Lock.LockfileVersion}, linux/{cpu} {(musl ? "musl" : "glibc")}, {scope})";
            how += fromRegistry > 0 ? $"; {fromRegistry} sized from the registry's tarballs" : string.Empty;
            how += fromTable > 0 ? $"; {fromTable} from the embedded table ({NpmPackageSizes.Date})" : string.Empty;
            how += assumed > 0 ? $"; {assumed} assumed {ByteSize.Format(NpmPackageSizes.UnknownPackage.Point)} each (no registry{(online is null ? ": offline" : string.Empty)})" : string.Empty;
        }
        else
        {
            if (npm.Kind == NpmCommandKind.CleanInstall)
            {
                notes.Add($"line {line}: npm ci finds no package-lock.json or npm-shrinkwrap.json and fails (JS001); sized as npm install from package.json");
            }

            PackageJson? package = PackageJsonOf(context, document, instruction);
            string[] names = package is null ? [] : [.. package.Dependencies.Concat(omitDev ? [] : package.DevDependencies).Select(d => d.Name)];
            (unpacked, low, high, how) = Direct(names, musl);
            how = $"no lock file: {names.Length} direct dependencies of package.json ({scope}); " + how;
            tarballs = (long)(unpacked * NpmPackageSizes.TarballRatio);
            exact = false;
        }

        var components = new List<PredictedComponent>
        {
            new("npm", what, string.Empty, unpacked, line, exact)
            {
                LowBytes = exact ? unpacked : Math.Min(low, unpacked),
                HighBytes = exact ? unpacked : Math.Max(high, unpacked),
                DownloadBytes = tarballs,
                How = how,
                Location = npm.IsGlobal ? "/usr/local/lib/node_modules" : modules,
                Stage = stage,
            },
        };
        string? home = PackageCaches.HomeOf(npm, instruction);
        string cache = Variable(npm, instruction, "npm_config_cache") ?? ContainerPaths.Join(home ?? "/root", ".npm");
        if (tarballs > 0 && npm.Manager == NodePackageManager.Npm && CacheKept(npm, script, instruction, cache))
        {
            components.Add(new PredictedComponent("npm", "npm cache", string.Empty, tarballs, line, exact)
            {
                LowBytes = exact ? tarballs : tarballs * 7 / 10,
                HighBytes = exact ? tarballs : tarballs * 15 / 10,
                How = $"the downloaded tarballs stay in {cache}/_cacache in this layer (no 'npm cache clean --force', rm or cache mount in the same RUN)",
                Location = cache,
                Stage = stage,
            });
        }

        return components;
    }

    private static (long Point, long Low, long High, string How) Direct(IReadOnlyList<string> names, bool musl)
    {
        long point = 0, low = 0, high = 0;
        var known = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int unknown = 0;
        foreach (string name in names)
        {
            if (NpmPackageSizes.Closure(name, musl) is { } closure)
            {
                long bytes = closure.Where(p => seen.Add(p.Name)).Sum(p => p.UnpackedBytes);
                point += bytes;
                low += bytes * 7 / 10;
                high += bytes * 15 / 10;
                known.Add(name);
            }
            else
            {
                point += NpmPackageSizes.UnknownDirectDependency.Point;
                low += NpmPackageSizes.UnknownDirectDependency.Low;
                high += NpmPackageSizes.UnknownDirectDependency.High;
                unknown++;
            }
        }

        string how = known.Count > 0 ? $"{string.Join(", ", known)} from the embedded closures ({NpmPackageSizes.Date})" : string.Empty;
        if (unknown > 0)
        {
            how += (how.Length > 0 ? "; " : string.Empty) + $"{unknown} other{(unknown == 1 ? string.Empty : "s")} assumed {ByteSize.Format(NpmPackageSizes.UnknownDirectDependency.Point)} each with dependencies";
        }

        return (point, low, high, how.Length > 0 ? how : "nothing to install");
    }

    private static List<PredictedComponent> Build(CheckContext context, DockerfileDocument document, NpmInvocation npm, BuildInstruction instruction, StageBuild state, string script, ICollection<string> notes)
    {
        PackageJson? package = PackageJsonOf(context, document, instruction);
        string command = package?.FindScript(script)?.Command ?? string.Empty;
        string workdir = ContainerPaths.WorkingDirectory(instruction);
        BuildContext buildContext = BuildContext.Of(context.Project, document.Path, document.Directory);

        // Where the bundle goes: vite's build.outDir (default dist), create-react-app's build, next's .next, else dist.
        string output = command switch
        {
            _ when command.Contains("react-scripts", StringComparison.Ordinal) => "build",
            _ when command.Contains("next build", StringComparison.Ordinal) => ".next",
            _ => ViteOutDir(context, document) ?? "dist",
        };
        long sources = buildContext.BytesOf("src");
        long assets = buildContext.BytesOf("public") + buildContext.BytesOf("index.html");
        int runtime = package?.Dependencies.Count ?? 0;
        const long PerDependency = 100_000;
        long bytes = sources + assets + (runtime * PerDependency);
        notes.Add($"line {instruction.Line}: the {script} output ({output}/) is estimated from the sources it bundles, not built");
        return
        [
            new PredictedComponent("run", $"{npm.ToolWord.Value} run {script} → {output}/", string.Empty, bytes, instruction.Line, false)
            {
                LowBytes = (sources / 3) + assets + (runtime * PerDependency / 3),
                HighBytes = (sources * 3) + assets + (runtime * PerDependency * 3),
                How = $"estimate: the context's src/ ({ByteSize.Format(sources)}) bundled about 1:1, public/ and index.html ({ByteSize.Format(assets)}) copied, ~{ByteSize.Format(PerDependency)} per runtime dependency ({runtime}); range ⅓× to 3×",
                Location = ContainerPaths.Join(workdir, output),
                Stage = state.Stage.Index,
            },
        ];
    }

    /// <summary>The package.json script a build command runs (<c>npm run build</c>, <c>yarn build</c>, <c>pnpm run build:prod</c>), or null.</summary>
    private static string? BuildScript(NpmInvocation npm)
    {
        string? sub = npm.SubcommandWord?.Value;
        string? first = npm.Operands.Length > 0 ? npm.Operands[0].Value : null;
        string? script = sub is "run" or "run-script" ? first : npm.Manager != NodePackageManager.Npm ? sub : null;
        return script is not null && script.StartsWith("build", StringComparison.Ordinal) ? script : null;
    }

    private static bool CacheKept(NpmInvocation npm, RunScript script, BuildInstruction instruction, string cache) =>
        RunMounts.DiscardingMountOver(instruction, cache) is null
        && !script.Script.InvocationsOf<NpmInvocation>().Any(n => n.Kind == NpmCommandKind.CacheClean && n.Span.Start > npm.Span.End)
        && !script.Script.InvocationsOf<RemoveInvocation>().Any(rm => rm.Span.Start > npm.Span.End && (rm.RemovesContentsOf(cache) || rm.RemovesContentsOf(cache + "/_cacache")));

    private static string? Variable(NpmInvocation npm, BuildInstruction instruction, string name) =>
        npm.Environment.Find(name)?.Value ?? instruction.Variables[name];

    private static (string Path, NpmLockfile Lock)? LockOf(CheckContext context, DockerfileDocument document, BuildInstruction instruction)
    {
        foreach (string name in new[] { "npm-shrinkwrap.json", "package-lock.json" })
        {
            string path = ContainerPaths.ToRepositoryPath(context, document, instruction, name) ?? (RepositoryPath.Combine(document.Directory, name) ?? name);
            if (context.Project.Repository.ReadText(path) is { } text)
            {
                return context.Project.GetOrAdd("<npm-lock>" + path, _ => (path, NpmLockfile.Read(text, path)));
            }
        }

        return null;
    }

    private static PackageJson? PackageJsonOf(CheckContext context, DockerfileDocument document, BuildInstruction instruction)
    {
        string path = ContainerPaths.ToRepositoryPath(context, document, instruction, "package.json") ?? (RepositoryPath.Combine(document.Directory, "package.json") ?? "package.json");
        return context.Project.Repository.ReadText(path) is { } text ? context.Project.GetOrAdd("<npm-package>" + path, _ => PackageJson.Read(text, path)) : null;
    }

    private static string? ViteOutDir(CheckContext context, DockerfileDocument document)
    {
        foreach (string name in new[] { "vite.config.ts", "vite.config.js", "vite.config.mts", "vite.config.mjs" })
        {
            if (context.Project.Repository.ReadText((RepositoryPath.Combine(document.Directory, name) ?? name)) is { } text)
            {
                return OutDir().Match(text) is { Success: true } m ? m.Groups["dir"].Value.TrimStart('.', '/') : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"outDir\s*:\s*['""`](?<dir>[^'""`]+)['""`]")]
    private static partial Regex OutDir();
}
