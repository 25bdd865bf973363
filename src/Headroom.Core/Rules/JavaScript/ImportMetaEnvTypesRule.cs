using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.JavaScript;
using Headroom.Project;
using Headroom.Text;

namespace Headroom.Rules.JavaScript;

/// <summary>
/// JS002: TypeScript that a tsconfig includes uses <c>import.meta.env</c>, and no <c>vite/client</c> types are in
/// effect for it (no <c>compilerOptions.types</c> entry, no included .d.ts with the reference), so <c>tsc</c> fails.
/// </summary>
public sealed partial class ImportMetaEnvTypesRule : IRule
{
    private const string Reference = "/// <reference types=\"vite/client\" />";

    private static readonly string[] SourceExtensions = [".ts", ".tsx", ".mts", ".cts"];

    public RuleDescriptor Descriptor { get; } = new(
        "JS002", "import-meta-env-types", DiagnosticSeverity.Error,
        "import.meta.env with no vite/client types in the tsconfig chain", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findings);
        IRepositoryFiles files = context.Project.Repository;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fixedConfigs = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProjectFile config in context.Project.FilesOfKind(ProjectFileKind.TsConfig))
        {
            if (IsUnderNodeModules(config.RelativePath) || TsConfigProject.Load(files, config.RelativePath) is not { } project)
            {
                continue;
            }
            string folder = RepositoryPath.GetDirectory(config.RelativePath);
            foreach (string file in files.EnumerateFiles(folder).Where(IsSource).Order(StringComparer.Ordinal))
            {
                if (seen.Contains(file) || context.Project.ReadSource(file) is not { } source || !source.Text.Contains("import.meta.env", StringComparison.Ordinal))
                {
                    continue;
                }
                ViteClientTypes types = project.IsViteClientInEffect(file);
                if (!types.FileIncluded)
                {
                    continue;
                }
                seen.Add(file);
                if (types.InEffect)
                {
                    continue;
                }
                string owner = types.ConfigPath ?? config.RelativePath;
                foreach (Match use in Uses().Matches(source.Text))
                {
                    if (IsInLineComment(source, use.Index))
                    {
                        continue;
                    }
                    Fix? fix = fixedConfigs.Add(owner) ? FixFor(files, owner) : null;
                    findings.Report(
                        source,
                        new TextSpan(use.Index, use.Length),
                        $"'import.meta.env' has no type because no vite/client types are in effect ({string.Join("; ", types.Reasons)}), so tsc fails with \"error TS2339: Property 'env' does not exist on type 'ImportMeta'.\"; add a .d.ts with {Reference} or \"types\": [\"vite/client\"] to {owner}",
                        fix: fix);
                }
            }
        }
    }

    /// <summary>Creates <c>src/vite-env.d.ts</c> (Vite's own name for it) in the first folder the config includes; prepends the reference when that file exists.</summary>
    private static Fix? FixFor(IRepositoryFiles files, string configPath)
    {
        if (TsConfigProject.Load(files, configPath) is not { } project)
        {
            return null;
        }
        string dir = RepositoryPath.GetDirectory(configPath);
        string? root = null;
        if (project.Chain.FirstOrDefault(c => c.Include is not null) is { } from)
        {
            string? pattern = from.Include!.Count > 0 ? from.Include[0] : null;
            if (pattern is null)
            {
                return null;
            }
            string fixedPart = string.Join('/', pattern.Split('/').TakeWhile(p => !p.Contains('*', StringComparison.Ordinal) && !p.Contains('?', StringComparison.Ordinal) && !p.Contains('.', StringComparison.Ordinal) || p is "." or ".."));
            root = RepositoryPath.Combine(RepositoryPath.GetDirectory(from.Path), fixedPart);
        }
        else if (project.Chain.All(c => c.Files is null))
        {
            root = RepositoryPath.Combine(dir, "src");
        }
        if (root is null)
        {
            return null;
        }
        string path = RepositoryPath.Combine(root, "vite-env.d.ts")!;
        if (!project.Includes(path))
        {
            return null;
        }
        if (files.ReadText(path) is { } existing)
        {
            string newline = Rules.Fixing.TextEdits.NewLineOf(existing);
            int at = existing.StartsWith('\uFEFF') ? 1 : 0;
            return Fix.InFile($"add the vite/client reference to {path}", path, TextEdit.Insert(at, Reference + newline));
        }
        return new Fix($"create {path} with {Reference}", [new FileEdit(path, [TextEdit.Insert(0, Reference + "\n")], CreatesFile: true)]);
    }

    private static bool IsSource(string path) =>
        !IsUnderNodeModules(path)
        && !path.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase)
        && SourceExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsUnderNodeModules(string path) =>
        path.StartsWith("node_modules/", StringComparison.Ordinal) || path.Contains("/node_modules/", StringComparison.Ordinal);

    private static bool IsInLineComment(SourceText source, int offset)
    {
        int lineStart = source.GetLineStart(source.GetPosition(offset).Line);
        string before = source.Text[lineStart..offset];
        return LineComment().IsMatch(before) || before.TrimStart().StartsWith('*');
    }

    [GeneratedRegex(@"(?:^|[^:])//", RegexOptions.CultureInvariant)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bimport\s*\.\s*meta\s*\.\s*env\b", RegexOptions.CultureInvariant)]
    private static partial Regex Uses();
}
