using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.JavaScript;
using Headroom.Project;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.JavaScript;

/// <summary>
/// JS001: <c>npm ci</c> (in a workflow step or a Dockerfile RUN) or setup-node's <c>cache: npm</c> with no
/// lock file where it looks. No fix: a lock file comes from resolving the dependencies (<c>npm install</c>), not from an edit.
/// </summary>
public sealed class NpmLockfileMissingRule : IRule
{
    // npm 10's message for `npm ci` without a lock file (older npm prints "npm ERR!"), quoted in /work/shared/reference/ci-breakage.md §3.
    private const string NpmCiError = "npm error The `npm ci` command can only install with an existing package-lock.json or npm-shrinkwrap.json";

    // actions/setup-node src/cache-restore.ts: findLockFile() reads only the workspace root.
    private const string SetupNodeError = "Error: Dependencies lock file is not found in /home/runner/work/<repo>/<repo>. Supported file patterns: package-lock.json,npm-shrinkwrap.json,yarn.lock";

    public RuleDescriptor Descriptor { get; } = new(
        "JS001", "npm-lockfile-missing", DiagnosticSeverity.Error,
        "npm ci or setup-node's npm cache with no lock file where it looks", Fixable: false);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        IRepositoryFiles files = context.Project.Repository;
        CheckSetupNode(context, findings, files);
        foreach (WorkflowInvocation<NpmInvocation> run in WorkflowFiles.Invocations<NpmInvocation>(context))
        {
            if (!IsNpmCi(run.Invocation) || run.Folder is not { } folder || LockFiles.Find(files, folder).HasNpmLock)
            {
                continue;
            }
            findings.Report(
                run.Step.Source,
                run.SourceSpan,
                $"'npm ci' runs in {Describe(folder)} where there is no package-lock.json or npm-shrinkwrap.json, so it fails with \"{NpmCiError}\"; run 'npm install' there and commit the lock file");
        }
        foreach (RunInvocation<NpmInvocation> run in RunInvocations.Of<NpmInvocation>(context))
        {
            if (!IsNpmCi(run.Invocation) || run.Instruction.Instruction.Flags.Any(f => f.Name == "mount")
                || LockFolderInContext(files, run.Document, run.Instruction) is not { } missing)
            {
                continue;
            }
            findings.Report(
                run.Document.Source,
                run.SourceSpan,
                $"'npm ci' in the image has no package-lock.json or npm-shrinkwrap.json to install from (there is none in {Describe(missing)}, where the build takes the package files from), so the build fails with \"{NpmCiError}\"; run 'npm install' there and commit the lock file",
                run.AnchorLine);
        }
    }

    private static void CheckSetupNode(CheckContext context, FindingSink findings, IRepositoryFiles files)
    {
        foreach (WorkflowStep step in WorkflowFiles.StepsUsing(context, "actions/setup-node"))
        {
            if (step.Input("cache") is not { Value: "npm" } cache)
            {
                continue;
            }
            if (step.Input("cache-dependency-path") is { } paths)
            {
                List<string> missing = [.. paths.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(p => !p.StartsWith('#') && !p.Contains('*', StringComparison.Ordinal) && !p.Contains("${{", StringComparison.Ordinal)
                        && !files.FileExists(RepositoryPath.Normalize(p) ?? p))];
                if (missing.Count > 0)
                {
                    findings.Report(
                        step.Source,
                        WorkflowFiles.FirstLine(step.Source, paths),
                        $"setup-node's cache-dependency-path names {string.Join(", ", missing)}, which does not exist, so the npm cache fails with \"Some specified paths were not resolved, unable to cache dependencies.\"; point it at the committed lock file");
                }
                continue;
            }
            LockFiles root = LockFiles.Find(files, string.Empty);
            if (root.HasNpmLock || root.YarnLock)
            {
                continue;
            }
            string? nested = context.Project.FilesOfKind(ProjectFileKind.PackageLock).Select(f => f.RelativePath).FirstOrDefault();
            string hint = nested is null
                ? "run 'npm install' and commit the lock file, or remove 'cache: npm'"
                : $"set cache-dependency-path: {nested}";
            findings.Report(
                step.Source,
                WorkflowFiles.FirstLine(step.Source, cache),
                $"setup-node's npm cache looks for package-lock.json, npm-shrinkwrap.json or yarn.lock at the repository root and finds none, so the job fails with \"{SetupNodeError}\"; {hint}");
        }
    }

    private static bool IsNpmCi(NpmInvocation invocation) =>
        invocation.Manager == NodePackageManager.Npm && invocation.Kind == NpmCommandKind.CleanInstall
        && !invocation.HasOption("--prefix") && !invocation.HasOption("--workspace");

    private static string Describe(string folder) => folder.Length == 0 ? "the root folder" : folder + "/";

    /// <summary>
    /// The context folder that should hold the lock file for a RUN npm ci, when it has none: the folders that the
    /// stage's earlier COPY/ADD instructions take package files from (COPY package*.json ./ → the context root).
    /// Null when a lock file is there, or when the files come from another stage or image (not checked).
    /// </summary>
    private static string? LockFolderInContext(IRepositoryFiles files, DockerfileDocument document, BuildInstruction run)
    {
        if (run.Stage is not { } stage)
        {
            return null;
        }
        string context = document.Directory;
        var candidates = new List<string>();
        foreach (BuildInstruction instruction in stage.Instructions.TakeWhile(i => i != run))
        {
            Instruction node = instruction.Instruction;
            if (node.Name is not (InstructionNames.Copy or InstructionNames.Add))
            {
                continue;
            }
            if (node.Flags.Any(f => f.Name == "from"))
            {
                return null;
            }
            var args = instruction.Expanded.Args;
            foreach (string source in args.Take(args.Length - 1))
            {
                string trimmed = source.TrimStart('.', '/').Length == 0 ? string.Empty : source;
                string name = trimmed[(trimmed.LastIndexOf('/') + 1)..];
                string dir = trimmed.Contains('/', StringComparison.Ordinal) ? trimmed[..trimmed.LastIndexOf('/')] : string.Empty;
                if (trimmed.Length == 0 || trimmed.EndsWith('/'))
                {
                    candidates.Add(RepositoryPath.Combine(context, trimmed.TrimEnd('/')) ?? context);
                }
                else if (GlobMatches(name, "package-lock.json") || GlobMatches(name, "npm-shrinkwrap.json"))
                {
                    candidates.Add(RepositoryPath.Combine(context, dir) ?? context);
                }
            }
        }
        if (candidates.Count == 0)
        {
            candidates.Add(context);
        }
        return candidates.Any(c => LockFiles.Find(files, c).HasNpmLock) ? null : candidates[0];
    }

    private static bool GlobMatches(string name, string file) =>
        Regex.IsMatch(file, "^" + Regex.Escape(name).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
