using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Yaml;

/// <summary>
/// The result of reading a YAML stream: its documents (usually one) and any diagnostics. When the
/// text is malformed, the documents hold what was read before the error, and the roots of the
/// documents that were still open are null.
/// </summary>
public sealed class YamlDocument
{
    internal YamlDocument(SourceText source, IReadOnlyList<YamlNode?> roots, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Roots = roots;
        Diagnostics = diagnostics;
    }

    public SourceText Source { get; }

    /// <summary>One root per document in the stream ("---" separated); null for an empty or unfinished document.</summary>
    public IReadOnlyList<YamlNode?> Roots { get; }

    /// <summary>The first document's root, or null.</summary>
    public YamlNode? Root => Roots.Count > 0 ? Roots[0] : null;

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
