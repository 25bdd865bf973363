namespace Headroom.Apt;

/// <summary>
/// One package relation, <c>name[:archqual] [(op version)]</c>, as in a Depends, Recommends or
/// Provides field. Architecture restrictions (<c>[amd64]</c>) and build profiles (<c>&lt;!nocheck&gt;</c>),
/// which belong to source packages, are kept only as a flag: <see cref="AppliesTo"/> evaluates them.
/// </summary>
/// <param name="Name">The package name (lower case in valid Debian data).</param>
/// <param name="ArchQualifier"><c>any</c>, <c>native</c> or an architecture name after <c>:</c>; null when none.</param>
/// <param name="Operator">The version operator.</param>
/// <param name="Version">The version the operator compares with; null for <see cref="AptRelationOperator.Any"/>.</param>
/// <param name="Architectures">The <c>[...]</c> restriction list as written (<c>!</c> negates), empty when none.</param>
public sealed record AptRelation(string Name, string? ArchQualifier, AptRelationOperator Operator, DebianVersion? Version, IReadOnlyList<string> Architectures)
{
    /// <summary>Whether a package version satisfies the constraint (always when there is none).</summary>
    public bool IsSatisfiedBy(DebianVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (Version is null)
        {
            return true;
        }

        int c = version.CompareTo(Version);
        return Operator switch
        {
            AptRelationOperator.Earlier => c < 0,
            AptRelationOperator.EarlierOrEqual => c <= 0,
            AptRelationOperator.Equal => c == 0,
            AptRelationOperator.LaterOrEqual => c >= 0,
            AptRelationOperator.Later => c > 0,
            _ => true,
        };
    }

    /// <summary>Whether the <c>[arch ...]</c> restriction (if any) includes <paramref name="architecture"/>.</summary>
    public bool AppliesTo(string architecture)
    {
        if (Architectures.Count == 0)
        {
            return true;
        }

        bool negated = Architectures[0].StartsWith('!');
        bool listed = Architectures.Any(a => string.Equals(a.TrimStart('!'), architecture, StringComparison.Ordinal) || a.TrimStart('!') == "any");
        return negated ? !listed : listed;
    }

    /// <summary>The relation as deb-control writes it: <c>libc6 (&gt;= 2.36)</c>.</summary>
    public override string ToString()
    {
        string text = ArchQualifier is null ? Name : $"{Name}:{ArchQualifier}";
        if (Version is not null)
        {
            string op = Operator switch
            {
                AptRelationOperator.Earlier => "<<",
                AptRelationOperator.EarlierOrEqual => "<=",
                AptRelationOperator.Equal => "=",
                AptRelationOperator.LaterOrEqual => ">=",
                _ => ">>",
            };
            text += $" ({op} {Version})";
        }

        return text;
    }
}
