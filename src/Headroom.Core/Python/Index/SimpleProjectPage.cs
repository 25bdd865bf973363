namespace Headroom.Python.Index;

/// <summary>One project's page on a simple repository (PEP 503 HTML or PEP 691 JSON), parsed.</summary>
/// <param name="Url">The page's URL (after redirects); relative links were resolved against it.</param>
/// <param name="Files">The project's files, in page order; files of other projects are left out.</param>
/// <param name="Versions">PEP 700's <c>versions</c> (JSON, api-version 1.1+), else null.</param>
/// <param name="ApiVersion">The <c>meta.api-version</c> (JSON) or <c>pypi:repository-version</c> (HTML), or null.</param>
public sealed record SimpleProjectPage(Uri Url, IReadOnlyList<DistributionFile> Files, IReadOnlyList<string>? Versions, string? ApiVersion);
