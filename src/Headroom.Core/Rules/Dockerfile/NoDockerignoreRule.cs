using Headroom.Diagnostics;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Text;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF010: a Dockerfile copies its whole build context (<c>COPY . .</c>, <c>ADD . /app</c>, <c>COPY * ./</c>) while
/// the context has no <c>.dockerignore</c> (nor the Dockerfile's own <c>&lt;Dockerfile&gt;.dockerignore</c>)
/// and holds what no image needs: <c>.git</c>, <c>node_modules</c>, virtualenvs, <c>__pycache__</c>, tool caches,
/// files of 50 MB or more (measured on disk, see <see cref="BuildContextContents"/>), or what the context's
/// <c>.gitignore</c> keeps out of git (virtualenvs, caches, models and data that exist on developers' machines).
/// The build context is the Dockerfile's folder.
/// </summary>
public sealed class NoDockerignoreRule : IRule
{
    /// <summary>.gitignore entries of these names, or under these folders, or with these extensions, are local artefacts.</summary>
    private static readonly HashSet<string> LocalNames = new(StringComparer.Ordinal)
    {
        ".git", "node_modules", ".venv", "venv", "env", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", ".nox", ".ipynb_checkpoints",
    };

    private static readonly HashSet<string> DataFolders = new(StringComparer.Ordinal) { "data", "datasets", "models", "checkpoints", "weights" };

    private static readonly HashSet<string> DataExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".parquet", ".pt", ".pth", ".ckpt", ".safetensors", ".onnx", ".h5", ".bin", ".npy", ".npz", ".pkl", ".tar", ".gz", ".zip",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "DF010", "no-dockerignore", DiagnosticSeverity.Warning,
        "the build context has no .dockerignore while it holds .git, node_modules, virtualenvs or data", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (DockerfileDocument document in DockerfileDocument.All(context))
        {
            string folder = document.Directory;
            string ignorePath = Join(folder, ".dockerignore");
            if (context.Project.Repository.FileExists(ignorePath)
                || context.Project.Repository.FileExists(document.Path + ".dockerignore")
                || document.Build.Instructions.FirstOrDefault(ContextCopies.CopiesWholeContext) is not { } copy)
            {
                continue;
            }

            IReadOnlyList<ContextEntry> found = BuildContextContents.Of(context, folder);
            (string GitignorePath, List<string> Patterns)? ignored = GitIgnored(context, folder, found);
            if (found.Count == 0 && ignored is null)
            {
                continue;
            }

            long bytes = found.Sum(e => e.Bytes);
            string contextName = folder.Length == 0 ? "the build context" : $"the build context {folder}/";
            string list = string.Join(", ", found.Select(e => $"{e.Display} ({ByteSize.Format(e.Bytes)})"));
            string local = ignored is { } g ? $"what {g.GitignorePath} keeps out of git ({string.Join(", ", g.Patterns)})" : string.Empty;
            string written = ContextCopies.Written(copy);
            string newLine = TextEdits.NewLineOf(document.Source.Text);
            IEnumerable<string> lines = found.Select(e => e.Pattern).Concat(ignored?.Patterns.Select(ToDockerignore) ?? []).Distinct(StringComparer.Ordinal);
            var fix = new Fix(
                $"create {ignorePath} leaving out what was found",
                [new FileEdit(ignorePath, [TextEdit.Insert(0, string.Concat(lines.Select(l => l + newLine)))], CreatesFile: true)]);
            findings.Report(
                document.Source,
                ContextCopies.FirstLine(document.Source, copy.Instruction),
                found.Count == 0
                    ? $"{contextName} has no .dockerignore, so on a developer machine '{written}' also sends {local} into the image; add a .dockerignore that leaves them out"
                    : $"{contextName} has no .dockerignore, so '{written}' sends {list} into the image{(local.Length == 0 ? string.Empty : "; on a developer machine also " + local)}; add a .dockerignore that leaves them out",
                copy.Line,
                fix,
                bytes > 0 ? bytes : null,
                bytesExact: bytes > 0);
        }
    }

    /// <summary>The entries of the context's own .gitignore that name local artefacts not already found on disk.</summary>
    private static (string, List<string>)? GitIgnored(CheckContext context, string folder, IReadOnlyList<ContextEntry> found)
    {
        string path = Join(folder, ".gitignore");
        if (context.Project.Repository.ReadText(path) is not { } text)
        {
            return null;
        }

        var patterns = new List<string>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            string bare = line.Trim('/');
            string first = bare.Split('/')[0];
            string last = bare.Split('/')[^1];
            bool local = LocalNames.Contains(first) || LocalNames.Contains(last)
                || (DataFolders.Contains(first) && bare.Contains('/', StringComparison.Ordinal))
                || DataExtensions.Contains(Path.GetExtension(last));
            if (local && !found.Any(e => e.Pattern.TrimStart('*', '/') == bare || e.Pattern.EndsWith("/" + bare, StringComparison.Ordinal)))
            {
                patterns.Add(line);
            }
        }

        return patterns.Count == 0 ? null : (path, patterns);
    }

    /// <summary>A .gitignore line as a .dockerignore line: anchored at the context root, <c>**/</c> where git matches at any depth.</summary>
    private static string ToDockerignore(string gitignoreLine)
    {
        string line = gitignoreLine.TrimEnd('/');
        bool anchored = line.StartsWith('/') || line.TrimStart('/').Contains('/', StringComparison.Ordinal);
        line = line.TrimStart('/');
        return anchored || line.StartsWith("**", StringComparison.Ordinal) ? line : "**/" + line;
    }

    private static string Join(string directory, string path) => directory.Length == 0 ? path : directory + "/" + path;
}
