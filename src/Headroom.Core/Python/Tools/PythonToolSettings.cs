using System.Globalization;
using Headroom.Diagnostics;
using Headroom.Text;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Headroom.Python.Tools;

/// <summary>
/// Formatter and linter settings from pyproject.toml (<c>[tool.black]</c>, <c>[tool.ruff]</c>,
/// <c>[tool.flake8]</c>) or ruff.toml / .ruff.toml (top-level keys). Read with Tomlyn's syntax tree for positions.
/// </summary>
public sealed class PythonToolSettings
{
    public const string SyntaxCode = "toml-syntax";

    private readonly IReadOnlyList<TomlTableInfo> _tables;

    private PythonToolSettings(SourceText source, IReadOnlyList<TomlTableInfo> tables, bool isRuffToml, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        _tables = tables;
        IsRuffToml = isRuffToml;
        Diagnostics = diagnostics;
    }

    public SourceText Source { get; }

    public bool IsRuffToml { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public TomlTableInfo? Black => Table("tool.black");

    /// <summary>Black's line-length: the configured one, 88 when [tool.black] does not set it.</summary>
    public int BlackLineLength => Integer(Black?.Find("line-length")) ?? 88;

    /// <summary>A [tool.flake8] table: flake8 ignores it unless the Flake8-pyproject plugin is installed.</summary>
    public TomlTableInfo? Flake8IgnoredTable => IsRuffToml ? null : Table("tool.flake8");

    public TomlTableInfo? Ruff => IsRuffToml ? Table(string.Empty) : Table("tool.ruff");

    /// <summary>Ruff's line-length (88 by default).</summary>
    public int RuffLineLength => Integer(Ruff?.Find("line-length")) ?? 88;

    /// <summary>[tool.ruff.format] or [format] in ruff.toml: ruff is configured as a formatter.</summary>
    public TomlTableInfo? RuffFormat => Table(IsRuffToml ? "format" : "tool.ruff.format");

    public static PythonToolSettings Read(string text, string? path = null) => Read(new SourceText(text, path));

    public static PythonToolSettings Read(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        bool isRuff = source.Path is { } p && (p.EndsWith("ruff.toml", StringComparison.OrdinalIgnoreCase));
        DocumentSyntax doc = SyntaxParser.Parse(source.Text, source.Path ?? "pyproject.toml", true);
        var diagnostics = doc.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error)
            .Select(d => Diagnostic.Create(DiagnosticSeverity.Error, SyntaxCode, d.Message, source, new TextSpan(Math.Clamp(d.Span.Start.Offset, 0, source.Length), 0)))
            .ToList();
        var tables = new List<TomlTableInfo> { new(string.Empty, new LinePosition(1, 1), Keys(doc.KeyValues)) };
        foreach (TableSyntaxBase table in doc.Tables)
        {
            if (table is TableSyntax && table.Name is { } name)
            {
                tables.Add(new TomlTableInfo(KeyText(name), Position(table.Span), Keys(table.Items)));
            }
        }

        return new PythonToolSettings(source, tables, isRuff, diagnostics);
    }

    private TomlTableInfo? Table(string name) => _tables.FirstOrDefault(t => t.Name == name);

    private static List<TomlKeyInfo> Keys(SyntaxList<KeyValueSyntax> items)
    {
        var keys = new List<TomlKeyInfo>();
        foreach (KeyValueSyntax kv in items)
        {
            if (kv.Key is { } key && kv.Value is { } value)
            {
                keys.Add(new TomlKeyInfo(KeyText(key), value.ToString().Trim(), Position(kv.Span)));
            }
        }

        return keys;
    }

    private static string KeyText(KeySyntax key) => key.ToString().Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal);

    private static LinePosition Position(SourceSpan span) => new(span.Start.Line + 1, span.Start.Column + 1);

    private static int? Integer(TomlKeyInfo? key) =>
        key is not null && int.TryParse(key.Value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
}
