using Headroom.Net;

namespace Headroom.Python.Index;

/// <summary>One place files come from: a simple repository, or a <c>--find-links</c> page or folder.</summary>
/// <param name="Url">The URL as configured (it may hold <c>user:password@</c>; messages and listings never show it), or a folder path for find-links.</param>
/// <param name="IsFindLinks">A flat page (or folder) of links to files of any project, rather than a PEP 503 repository.</param>
/// <param name="Name">uv's index name (<c>[[tool.uv.index]] name</c>), or null.</param>
/// <param name="IsExplicit">uv's <c>explicit = true</c>: used only for the packages that <c>[tool.uv.sources]</c> pins to it.</param>
public sealed record IndexSource(string Url, bool IsFindLinks = false, string? Name = null, bool IsExplicit = false)
{
    /// <summary>The URL without credentials (a repository's with a trailing slash); a folder path as given.</summary>
    public string DisplayUrl
    {
        get
        {
            if (!IsWebUrl(Url, out Uri? uri))
            {
                return Url;
            }

            string redacted = HttpFetcher.Redact(uri);
            return IsFindLinks || redacted.EndsWith('/') ? redacted : redacted + "/";
        }
    }

    /// <summary>An absolute http(s) URL.</summary>
    internal static bool IsWebUrl(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && uri.Scheme is "http" or "https";
}
