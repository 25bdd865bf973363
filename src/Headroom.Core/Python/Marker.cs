using System.Diagnostics.CodeAnalysis;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>A PEP 508 environment marker such as <c>sys_platform == "linux" and python_version &lt; "3.13"</c>.</summary>
public sealed class Marker
{
    internal Marker(MarkerNode root, string text, TextSpan span)
    {
        Root = root;
        Text = text;
        Span = span;
    }

    public MarkerNode Root { get; }

    /// <summary>The marker as written.</summary>
    public string Text { get; }

    /// <summary>Where the marker is in the text it was parsed from.</summary>
    public TextSpan Span { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Marker? marker, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MarkerParser.TryParse(text, 0, text.Length, out marker, out error, out _);
    }

    public static Marker Parse(string text) =>
        TryParse(text, out Marker? m, out string? error) ? m : throw new FormatException(error);

    public bool Evaluate(MarkerEnvironment environment) => Root.Evaluate(environment);

    /// <summary>The variables the marker tests (canonical names), each once, in order.</summary>
    public IReadOnlyList<string> Variables => [.. Root.Comparisons().Select(c => c.Variable).OfType<string>().Distinct()];

    /// <summary>The normalized form (canonical variable names, double quotes, single spaces).</summary>
    public override string ToString() => Root.ToString() ?? string.Empty;
}
