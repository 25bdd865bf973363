using System.Collections.Immutable;

namespace Headroom.Dockerfiles.Expansion;

/// <summary>
/// The outcome of expanding one word (BuildKit's ProcessWordResult plus its error). On error
/// <see cref="Value"/> is empty and <see cref="Words"/> is empty, as in BuildKit, but the variables
/// looked up before the error are still reported.
/// </summary>
public readonly struct ExpansionResult
{
    private static readonly IReadOnlySet<string> NoNames = ImmutableHashSet<string>.Empty;

    private readonly IReadOnlySet<string>? _matched;
    private readonly IReadOnlySet<string>? _unmatched;

    internal ExpansionResult(
        string value,
        ImmutableArray<string> words,
        IReadOnlySet<string>? matched,
        IReadOnlySet<string>? unmatched,
        ExpansionError? error)
    {
        Value = value;
        Words = words.IsDefault ? [] : words;
        _matched = matched;
        _unmatched = unmatched;
        Error = error;
    }

    /// <summary>The expanded word with quotes removed (ProcessWord's result).</summary>
    public string Value { get; }

    /// <summary>The words after splitting on unquoted blanks (ProcessWords); empty for ExpandWord.</summary>
    public ImmutableArray<string> Words { get; }

    /// <summary>Names that were looked up and set (even to an empty value).</summary>
    public IReadOnlySet<string> Matched => _matched ?? NoNames;

    /// <summary>Names that were looked up and not set: what an UndefinedVar check reports.</summary>
    public IReadOnlySet<string> Unmatched => _unmatched ?? NoNames;

    /// <summary>Null when the expansion succeeded.</summary>
    public ExpansionError? Error { get; }

    public bool Succeeded => Error is null;

    public override string ToString() => Error?.Message ?? Value;
}
