namespace Headroom.Dockerfiles.Expansion;

public enum ExpansionErrorKind
{
    /// <summary>Malformed input: an unterminated quote, a missing '}', a bad substitution such as <c>${}</c>.</summary>
    Syntax,

    /// <summary>A modifier BuildKit does not support, such as <c>${V:=x}</c> or <c>${V:#x}</c>.</summary>
    UnsupportedModifier,

    /// <summary>A <c>#</c>, <c>%</c> or <c>/</c> pattern that is not valid (a bad escape).</summary>
    InvalidPattern,

    /// <summary><c>${V?msg}</c> or <c>${V:?msg}</c> with the variable unset (or empty, for the colon form).</summary>
    RequiredVariable,
}
