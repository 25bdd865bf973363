namespace Headroom.Apt;

/// <summary>The version operator of a package relation (deb-control(5)); <c>&lt;</c> and <c>&gt;</c> are the obsolete forms of <c>&lt;=</c> and <c>&gt;=</c>.</summary>
public enum AptRelationOperator
{
    /// <summary>No version constraint.</summary>
    Any,

    /// <summary><c>&lt;&lt;</c>: strictly earlier.</summary>
    Earlier,

    /// <summary><c>&lt;=</c> (or the obsolete <c>&lt;</c>).</summary>
    EarlierOrEqual,

    /// <summary><c>=</c>.</summary>
    Equal,

    /// <summary><c>&gt;=</c> (or the obsolete <c>&gt;</c>).</summary>
    LaterOrEqual,

    /// <summary><c>&gt;&gt;</c>: strictly later.</summary>
    Later,
}
