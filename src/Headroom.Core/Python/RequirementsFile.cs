using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// One pip requirements file, read the way pip reads it: <c>\</c> continuations, comments (<c>#</c> at
/// the start of a line or after whitespace, so <c>#egg=</c> and <c>#sha256=</c> fragments stay),
/// <c>${VAR}</c> expansion, file options and per-requirement options. Nested <c>-r</c>/<c>-c</c> files are
/// only named here; <see cref="RequirementsLoader"/> follows them.
/// </summary>
public sealed class RequirementsFile
{
    internal RequirementsFile(SourceText source, IReadOnlyList<RequirementLine> requirements, IReadOnlyList<RequirementsOption> options, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Requirements = requirements;
        Options = options;
        Diagnostics = diagnostics;
    }

    public SourceText Source { get; }

    public string? Path => Source.Path;

    /// <summary>The requirement lines (including <c>-e</c> ones), in file order.</summary>
    public IReadOnlyList<RequirementLine> Requirements { get; }

    /// <summary>The file-level options (<c>-r</c>, <c>-c</c>, <c>--index-url</c>, <c>--pre</c>...), in file order.</summary>
    public IReadOnlyList<RequirementsOption> Options { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The <c>-r</c> and <c>-c</c> options, in file order.</summary>
    public IEnumerable<RequirementsOption> Includes => Options.Where(o => o.Name is "--requirement" or "--constraint");

    /// <summary>
    /// Parses <paramref name="source"/>. <paramref name="environment"/> gives environment variables for
    /// <c>${VAR}</c> (null: none is set, so nothing expands, as pip leaves unset variables alone).
    /// </summary>
    public static RequirementsFile Parse(SourceText source, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RequirementsFileParser(source, environment).Parse();
    }
}
