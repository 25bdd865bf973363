using System.Diagnostics.CodeAnalysis;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// A comma-separated list of <see cref="VersionSpecifier"/>s, all of which must match (an empty set
/// matches every version), with pip's pre-release handling.
/// </summary>
public sealed class SpecifierSet
{
    private readonly VersionSpecifier[] _specifiers;

    private SpecifierSet(VersionSpecifier[] specifiers, TextSpan span)
    {
        _specifiers = specifiers;
        Span = span;
    }

    /// <summary>The set with no specifiers: it matches every version.</summary>
    public static SpecifierSet Empty { get; } = new([], default);

    public IReadOnlyList<VersionSpecifier> Specifiers => _specifiers;

    public bool IsEmpty => _specifiers.Length == 0;

    /// <summary>The text of the set in the text it was parsed from.</summary>
    public TextSpan Span { get; }

    /// <summary>True when any specifier names a pre-release, which allows pre-releases without <c>--pre</c>.</summary>
    public bool ImpliesPreReleases => _specifiers.Any(s => s.ImpliesPreReleases);

    /// <summary>The single <c>==V</c> (no wildcard) or <c>===V</c> of the set, if that is what it holds.</summary>
    public VersionSpecifier? Pin => _specifiers.Length == 1 && _specifiers[0].IsPin ? _specifiers[0] : null;

    public static bool TryParse(string text, [NotNullWhen(true)] out SpecifierSet? set, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, 0, text.Length, out set, out error);
    }

    public static SpecifierSet Parse(string text) =>
        TryParse(text, out SpecifierSet? s, out string? error) ? s : throw new FormatException(error);

    /// <summary>Parses <c>text[start..end)</c>; spans are offsets in <paramref name="text"/>.</summary>
    internal static bool TryParse(string text, int start, int end, [NotNullWhen(true)] out SpecifierSet? set, out string? error)
    {
        set = null;
        if (text.AsSpan(start, end - start).IsWhiteSpace())
        {
            set = new SpecifierSet([], new TextSpan(start, 0));
            error = null;
            return true;
        }

        var list = new List<VersionSpecifier>();
        int partStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && text[i] != ',')
            {
                continue;
            }

            if (!VersionSpecifier.TryParse(text, partStart, i, out VersionSpecifier? spec, out error))
            {
                return false;
            }

            list.Add(spec);
            partStart = i + 1;
        }

        set = new SpecifierSet([.. list], TextSpan.FromBounds(list[0].Span.Start, list[^1].Span.End));
        error = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="version"/> satisfies every specifier. <paramref name="prereleases"/>: true
    /// is pip's <c>--pre</c>, false refuses pre-releases, null allows them when a specifier names one.
    /// </summary>
    public bool Contains(PythonVersion version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.IsPreRelease && !(prereleases ?? ImpliesPreReleases))
        {
            return false;
        }

        foreach (VersionSpecifier s in _specifiers)
        {
            if (!s.Matches(version))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>As <see cref="Contains(PythonVersion, bool?)"/> for a string; one that is not PEP 440 matches only <c>===</c>.</summary>
    public bool Contains(string version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (PythonVersion.TryParse(version, out PythonVersion? v))
        {
            return Contains(v, prereleases);
        }

        return _specifiers.Length > 0 && _specifiers.All(s => s.Contains(version, prereleases));
    }

    /// <summary>
    /// The versions that match, in their order, the way pip chooses candidates: when pre-releases
    /// are not requested (null) and no final release matches, the matching pre-releases are kept.
    /// </summary>
    public IReadOnlyList<PythonVersion> Filter(IEnumerable<PythonVersion> versions, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var finals = new List<PythonVersion>();
        var pres = new List<PythonVersion>();
        bool allowPre = prereleases ?? ImpliesPreReleases;
        foreach (PythonVersion v in versions)
        {
            if (!Contains(v, prereleases: true))
            {
                continue;
            }

            if (v.IsPreRelease && !allowPre)
            {
                pres.Add(v);
            }
            else
            {
                finals.Add(v);
            }
        }

        return finals.Count == 0 && prereleases is null ? pres : finals;
    }

    public override string ToString() => string.Join(',', _specifiers.Select(s => s.ToString()));
}
