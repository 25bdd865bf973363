using Headroom.Diagnostics;

namespace Headroom.Python;

/// <summary>What one pip install of a requirements file sees: every file it reads, requirements, constraints, options.</summary>
public sealed class RequirementsSet
{
    internal RequirementsSet(
        IReadOnlyList<RequirementsFile> files,
        IReadOnlyList<RequirementLine> requirements,
        IReadOnlyList<RequirementLine> constraints,
        IReadOnlyList<RequirementsOption> options,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Requirements = requirements;
        Constraints = constraints;
        Options = options;
        Diagnostics = diagnostics;
    }

    /// <summary>The files read, in the order pip reads them (depth first).</summary>
    public IReadOnlyList<RequirementsFile> Files { get; }

    /// <summary>Requirement lines from the root and its <c>-r</c> files (<c>-r</c> inside a <c>-c</c> file too, as pip does).</summary>
    public IReadOnlyList<RequirementLine> Requirements { get; }

    /// <summary>Lines from <c>-c</c> files: they limit versions but install nothing themselves.</summary>
    public IReadOnlyList<RequirementLine> Constraints { get; }

    /// <summary>File-level options other than <c>-r</c>/<c>-c</c>, from every file, in reading order.</summary>
    public IReadOnlyList<RequirementsOption> Options { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The last <c>--index-url</c> (pip lets a later one win), or null for PyPI.</summary>
    public string? IndexUrl => Options.LastOrDefault(o => o.Name == "--index-url")?.Value;

    public IReadOnlyList<string> ExtraIndexUrls => Values("--extra-index-url");

    public IReadOnlyList<string> FindLinks => Values("--find-links");

    public bool NoIndex => Options.Any(o => o.Name == "--no-index");

    public bool Pre => Options.Any(o => o.Name == "--pre");

    public bool RequireHashes => Options.Any(o => o.Name == "--require-hashes") || Requirements.Any(r => r.Hashes.Count > 0);

    private string[] Values(string name) => [.. Options.Where(o => o.Name == name).Select(o => o.Value!)];
}
