namespace Headroom.Python;

/// <summary>
/// <c>left op right</c>. Evaluated as PEP 508 says: a PEP 440 comparison when the operator and the
/// right-hand side form a valid specifier and the left side is a version, string comparison otherwise;
/// <c>in</c> and <c>not in</c> test substrings (or set membership for <c>extras</c> and <c>dependency_groups</c>).
/// </summary>
public sealed class MarkerComparison : MarkerNode
{
    internal MarkerComparison(MarkerValue left, string op, MarkerValue right)
    {
        Left = left;
        Operator = op;
        Right = right;
    }

    public MarkerValue Left { get; }

    /// <summary><c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>~=</c>, <c>===</c>, <c>in</c> or <c>not in</c>.</summary>
    public string Operator { get; }

    public MarkerValue Right { get; }

    /// <summary>The variable this comparison tests (the first variable side), or null for two literals.</summary>
    public string? Variable => Left.IsVariable ? Left.Text : Right.IsVariable ? Right.Text : null;

    public override bool Evaluate(MarkerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Operator is "in" or "not in" && Right is { IsVariable: true, Text: "extras" or "dependency_groups" })
        {
            IReadOnlySet<string> set = Right.Text == "extras" ? environment.Extras : environment.DependencyGroups;
            bool member = set.Any(s => PackageName.AreSame(s, Resolve(Left, environment)));
            return Operator == "in" ? member : !member;
        }

        string lhs = Resolve(Left, environment);
        string rhs = Resolve(Right, environment);
        if (Variable == "extra")
        {
            lhs = PackageName.Normalize(lhs);
            rhs = PackageName.Normalize(rhs);
        }

        switch (Operator)
        {
            case "in":
                return rhs.Contains(lhs, StringComparison.Ordinal);
            case "not in":
                return !rhs.Contains(lhs, StringComparison.Ordinal);
        }

        if (VersionSpecifier.TryParse(Operator + rhs, out VersionSpecifier? spec, out _)
            && PythonVersion.TryParse(lhs, out PythonVersion? version))
        {
            return spec.Contains(version, prereleases: true);
        }

        int c = string.CompareOrdinal(lhs, rhs);
        return Operator switch
        {
            "==" or "===" => c == 0,
            "!=" => c != 0,
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            ">=" => c >= 0,
            _ => false, // "~=" on strings is undefined; packaging raises, we call it false.
        };
    }

    public override IEnumerable<MarkerComparison> Comparisons() => [this];

    public override string ToString() => $"{Left} {Operator} {Right}";

    private static string Resolve(MarkerValue value, MarkerEnvironment environment) =>
        value.IsVariable ? environment.Get(value.Text) : value.Text;
}
