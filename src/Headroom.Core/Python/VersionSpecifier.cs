using System.Diagnostics.CodeAnalysis;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// One PEP 440 version specifier such as <c>&gt;=2.1</c>, <c>==1.2.*</c> or <c>~=3.4</c>, with PEP 440's
/// exclusion rules: <c>&lt;V</c> excludes pre-releases of V, <c>&gt;V</c> excludes post-releases of V (unless
/// V is one) and local versions of V, and a specifier without a local label ignores the candidate's.
/// </summary>
public sealed class VersionSpecifier
{
    private VersionSpecifier(SpecifierOperator op, string versionText, PythonVersion? version, bool isWildcard, TextSpan span, TextSpan versionSpan)
    {
        Operator = op;
        VersionText = versionText;
        Version = version;
        IsWildcard = isWildcard;
        Span = span;
        VersionSpan = versionSpan;
    }

    // Longest spellings first, so that "===" is not read as "==".
    private static readonly (string Spelling, SpecifierOperator Operator)[] OperatorSpellings =
    [
        ("===", SpecifierOperator.ArbitraryEqual),
        ("==", SpecifierOperator.Equal),
        ("!=", SpecifierOperator.NotEqual),
        ("~=", SpecifierOperator.Compatible),
        ("<=", SpecifierOperator.LessThanOrEqual),
        (">=", SpecifierOperator.GreaterThanOrEqual),
        ("<", SpecifierOperator.LessThan),
        (">", SpecifierOperator.GreaterThan),
    ];

    public SpecifierOperator Operator { get; }

    /// <summary>The version as written (without the <c>.*</c> of a wildcard).</summary>
    public string VersionText { get; }

    /// <summary>The parsed version; null only for an <c>===</c> operand that is not a PEP 440 version.</summary>
    public PythonVersion? Version { get; }

    /// <summary>True for <c>==X.*</c> and <c>!=X.*</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>The whole specifier (operator to version) in the text it was parsed from.</summary>
    public TextSpan Span { get; }

    /// <summary>The version (with its <c>.*</c>) in the text it was parsed from: what a fix edits.</summary>
    public TextSpan VersionSpan { get; }

    /// <summary>The operator's spelling: <c>==</c>, <c>~=</c>...</summary>
    public string OperatorText => OperatorToText(Operator);

    /// <summary>
    /// True when the specifier names a pre-release itself (<c>&gt;=1.0b1</c>, <c>==2.0rc1</c>), which lets
    /// pre-releases match without <c>--pre</c>. <c>!=</c> never does.
    /// </summary>
    public bool ImpliesPreReleases =>
        Operator != SpecifierOperator.NotEqual && Version is { IsPreRelease: true };

    /// <summary>True for an exact pin: <c>==V</c> without a wildcard, or <c>===V</c>.</summary>
    public bool IsPin => (Operator == SpecifierOperator.Equal && !IsWildcard) || Operator == SpecifierOperator.ArbitraryEqual;

    public static bool TryParse(string text, [NotNullWhen(true)] out VersionSpecifier? specifier, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, 0, text.Length, out specifier, out error);
    }

    public static VersionSpecifier Parse(string text) =>
        TryParse(text, out VersionSpecifier? s, out string? error) ? s : throw new FormatException(error);

    /// <summary>Parses <c>text[start..end)</c>; spans are offsets in <paramref name="text"/>.</summary>
    internal static bool TryParse(string text, int start, int end, [NotNullWhen(true)] out VersionSpecifier? specifier, out string? error)
    {
        specifier = null;
        int i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        while (end > i && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        int opStart = i;
        ReadOnlySpan<char> rest = text.AsSpan(i, end - i);
        SpecifierOperator? found = null;
        foreach ((string spelling, SpecifierOperator candidate) in OperatorSpellings)
        {
            if (rest.StartsWith(spelling, StringComparison.Ordinal))
            {
                found = candidate;
                i += spelling.Length;
                break;
            }
        }

        if (found is not { } op)
        {
            error = rest.IsEmpty ? "expected a version specifier" : $"expected a comparison operator in '{rest}'";
            return false;
        }

        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        string versionText = text[i..end];
        var span = TextSpan.FromBounds(opStart, end);
        var versionSpan = TextSpan.FromBounds(i, end);
        if (versionText.Length == 0)
        {
            error = $"missing version after '{OperatorToText(op)}'";
            return false;
        }

        foreach (char c in versionText)
        {
            if (char.IsWhiteSpace(c) || c is ',' or ';')
            {
                error = $"invalid version '{versionText}'";
                return false;
            }
        }

        if (op == SpecifierOperator.ArbitraryEqual)
        {
            PythonVersion? arbitrary = PythonVersion.TryParse(versionText, out PythonVersion? parsed) ? parsed : null;
            specifier = new VersionSpecifier(op, versionText, arbitrary, false, span, versionSpan);
            error = null;
            return true;
        }

        bool wildcard = versionText.EndsWith(".*", StringComparison.Ordinal);
        string core = wildcard ? versionText[..^2] : versionText;
        if (!PythonVersion.TryParse(core, out PythonVersion? version))
        {
            error = $"invalid version '{versionText}'";
            return false;
        }

        if (wildcard)
        {
            if (op is not (SpecifierOperator.Equal or SpecifierOperator.NotEqual))
            {
                error = $"'.*' is only allowed with '==' and '!=': '{OperatorToText(op)}{versionText}'";
                return false;
            }

            if (version.PreKind is not null || version.Post is not null || version.Dev is not null || version.HasLocal)
            {
                error = $"a '.*' prefix may only hold an epoch and release segments: '{versionText}'";
                return false;
            }
        }

        if (version.HasLocal && op is not (SpecifierOperator.Equal or SpecifierOperator.NotEqual))
        {
            error = $"a local version label is only allowed with '==' and '!=': '{OperatorToText(op)}{versionText}'";
            return false;
        }

        if (op == SpecifierOperator.Compatible && version.Release.Count < 2)
        {
            error = $"'~=' needs at least two release segments: '~={versionText}'";
            return false;
        }

        specifier = new VersionSpecifier(op, core, version, wildcard, span, versionSpan);
        error = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="version"/> satisfies this specifier. <paramref name="prereleases"/>: true
    /// allows pre-releases (pip's <c>--pre</c>), false refuses them, null allows them only when the
    /// specifier names one (<see cref="ImpliesPreReleases"/>).
    /// </summary>
    public bool Contains(PythonVersion version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.IsPreRelease && !(prereleases ?? ImpliesPreReleases))
        {
            return false;
        }

        return Matches(version);
    }

    /// <summary>As <see cref="Contains(PythonVersion, bool?)"/> for a version string; one that is not PEP 440 matches only <c>===</c>.</summary>
    public bool Contains(string version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (PythonVersion.TryParse(version, out PythonVersion? v))
        {
            return Contains(v, prereleases);
        }

        return Operator == SpecifierOperator.ArbitraryEqual
            && string.Equals(version.Trim(), VersionText, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => OperatorText + VersionText + (IsWildcard ? ".*" : string.Empty);

    internal bool Matches(PythonVersion candidate)
    {
        if (Operator == SpecifierOperator.ArbitraryEqual)
        {
            // As packaging: the candidate's normalized string against the operand, ignoring case.
            return string.Equals(candidate.ToString(), VersionText, StringComparison.OrdinalIgnoreCase);
        }

        PythonVersion spec = Version!;
        switch (Operator)
        {
            case SpecifierOperator.Equal:
                return IsWildcard ? PrefixMatches(candidate, spec.Epoch, spec.Release, spec.Release.Count) : EqualsSpec(candidate, spec);
            case SpecifierOperator.NotEqual:
                return IsWildcard ? !PrefixMatches(candidate, spec.Epoch, spec.Release, spec.Release.Count) : !EqualsSpec(candidate, spec);
            case SpecifierOperator.LessThanOrEqual:
                return candidate.Public <= spec;
            case SpecifierOperator.GreaterThanOrEqual:
                return candidate.Public >= spec;
            case SpecifierOperator.LessThan:
                if (!(candidate < spec))
                {
                    return false;
                }

                // <V does not allow a pre-release of V unless V is one.
                return spec.IsPreRelease || !candidate.IsPreRelease || candidate.BaseVersion != spec.BaseVersion;
            case SpecifierOperator.GreaterThan:
                if (!(candidate > spec))
                {
                    return false;
                }

                // >V does not allow a post-release of V unless V is one, nor a local version of V.
                if (!spec.IsPostRelease && candidate.IsPostRelease && WithoutPostDevLocal(candidate) == spec)
                {
                    return false;
                }

                return !(candidate.HasLocal && candidate.Public == spec);
            case SpecifierOperator.Compatible:
                return candidate.Public >= spec && PrefixMatches(candidate, spec.Epoch, spec.Release, spec.Release.Count - 1);
            default:
                return false;
        }
    }

    private static bool EqualsSpec(PythonVersion candidate, PythonVersion spec) =>
        spec.HasLocal ? candidate == spec : candidate.Public == spec;

    /// <summary>The candidate's release, zero-padded, starts with the first <paramref name="length"/> prefix segments.</summary>
    private static bool PrefixMatches(PythonVersion candidate, long epoch, IReadOnlyList<long> prefix, int length)
    {
        if (candidate.Epoch != epoch)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            long c = i < candidate.Release.Count ? candidate.Release[i] : 0;
            if (c != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static PythonVersion WithoutPostDevLocal(PythonVersion v)
    {
        string text = v.Epoch + "!" + string.Join('.', v.Release) + v.PreKind switch
        {
            PreReleaseKind.Alpha => "a" + v.PreNumber,
            PreReleaseKind.Beta => "b" + v.PreNumber,
            PreReleaseKind.ReleaseCandidate => "rc" + v.PreNumber,
            _ => string.Empty,
        };
        return PythonVersion.Parse(text);
    }

    internal static string OperatorToText(SpecifierOperator op) =>
        Array.Find(OperatorSpellings, s => s.Operator == op).Spelling;
}
