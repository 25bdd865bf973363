namespace Headroom.Yaml;

/// <summary>The <see cref="Headroom.Diagnostics.Diagnostic.Code"/> values the YAML reader reports.</summary>
public static class YamlDiagnosticCodes
{
    public const string Syntax = "yaml-syntax";
    public const string TooLarge = "yaml-too-large";
    public const string TooDeep = "yaml-too-deep";
    public const string TooManyAliases = "yaml-too-many-aliases";
    public const string ExpansionTooLarge = "yaml-expansion-too-large";
    public const string UnknownAlias = "yaml-unknown-alias";
    public const string DuplicateKey = "yaml-duplicate-key";
}
