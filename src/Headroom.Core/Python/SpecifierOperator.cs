namespace Headroom.Python;

/// <summary>The PEP 440 comparison operators.</summary>
public enum SpecifierOperator
{
    /// <summary><c>==</c>, with or without a trailing <c>.*</c>.</summary>
    Equal,

    /// <summary><c>!=</c>, with or without a trailing <c>.*</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>~=</c></summary>
    Compatible,

    /// <summary><c>===</c>: string equality, no version semantics.</summary>
    ArbitraryEqual,
}
