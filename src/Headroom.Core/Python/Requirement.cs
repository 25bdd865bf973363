using System.Diagnostics.CodeAnalysis;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// A PEP 508 dependency specification: <c>name[extra,...] specifiers ; marker</c> or
/// <c>name[extra,...] @ url ; marker</c>. Every part keeps its span in the text it was parsed from, so
/// a fix can replace, say, the version of a pin.
/// </summary>
public sealed class Requirement
{
    internal Requirement(
        string name,
        TextSpan nameSpan,
        IReadOnlyList<string> extras,
        TextSpan? extrasSpan,
        SpecifierSet specifier,
        string? url,
        TextSpan? urlSpan,
        Marker? marker,
        TextSpan span)
    {
        Name = name;
        NameSpan = nameSpan;
        Extras = extras;
        ExtrasSpan = extrasSpan;
        Specifier = specifier;
        Url = url;
        UrlSpan = urlSpan;
        Marker = marker;
        Span = span;
    }

    /// <summary>The name as written.</summary>
    public string Name { get; }

    /// <summary>The PEP 503 normalized name.</summary>
    public string NormalizedName => PackageName.Normalize(Name);

    public TextSpan NameSpan { get; }

    /// <summary>The extras as written, in order.</summary>
    public IReadOnlyList<string> Extras { get; }

    /// <summary>The span of <c>[...]</c>, brackets included; null when there are none.</summary>
    public TextSpan? ExtrasSpan { get; }

    /// <summary>The version specifiers (empty for none and for a URL requirement); their spans are in the parsed text.</summary>
    public SpecifierSet Specifier { get; }

    /// <summary>The URL of <c>name @ url</c>, or null.</summary>
    public string? Url { get; }

    public TextSpan? UrlSpan { get; }

    public Marker? Marker { get; }

    /// <summary>The whole requirement, from its name to the end of its marker.</summary>
    public TextSpan Span { get; }

    /// <summary>The single <c>==V</c> or <c>===V</c> specifier, if that is what the requirement holds.</summary>
    public VersionSpecifier? Pin => Specifier.Pin;

    /// <summary>Whether the requirement applies in <paramref name="environment"/> (true without a marker).</summary>
    public bool AppliesTo(MarkerEnvironment environment) => Marker?.Evaluate(environment) ?? true;

    public static bool TryParse(string text, [NotNullWhen(true)] out Requirement? requirement, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RequirementParser.TryParse(text, 0, text.Length, out requirement, out error, out _);
    }

    public static Requirement Parse(string text) =>
        TryParse(text, out Requirement? r, out string? error) ? r : throw new FormatException(error);

    /// <summary>The normalized form: <c>name[a,b]&gt;=1,&lt;2; marker</c>.</summary>
    public override string ToString()
    {
        string extras = Extras.Count > 0 ? $"[{string.Join(',', Extras)}]" : string.Empty;
        string body = Url is not null ? $"{Name}{extras} @ {Url}" : $"{Name}{extras}{Specifier}";
        if (Marker is not null)
        {
            body += (Url is not null ? " ; " : "; ") + Marker;
        }

        return body;
    }
}
