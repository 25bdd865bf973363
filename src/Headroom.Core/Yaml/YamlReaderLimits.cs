namespace Headroom.Yaml;

/// <summary>
/// Bounds that keep hostile YAML (alias bombs, deep nesting, huge files) from hanging the reader
/// or overflowing the stack. Exceeding one stops reading with an error diagnostic.
/// </summary>
public sealed record YamlReaderLimits
{
    public static YamlReaderLimits Default { get; } = new();

    /// <summary>Largest accepted text, in UTF-16 code units (default 8 MiB).</summary>
    public int MaxDocumentLength { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences (default 256).</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Most alias uses ("*name") in one stream (default 10,000).</summary>
    public int MaxAliases { get; init; } = 10_000;

    /// <summary>Most nodes in the stream with every alias counted as a full copy of its target (default 1,000,000).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;
}
