namespace Headroom.Python.Index;

/// <summary>
/// One file of a project on a package index (a wheel or an sdist), as the index lists it (PEP 503 HTML
/// or PEP 691 JSON). Shared by the index clients, the resolver and the predictor.
/// </summary>
/// <param name="Filename">The file name, for example <c>torch-2.5.1+cpu-cp312-cp312-linux_x86_64.whl</c>.</param>
/// <param name="Url">The absolute download URL (fragment removed).</param>
/// <param name="IndexUrl">The index that listed it, as configured (for pip's and uv's index semantics and for messages).</param>
/// <param name="Version">The version, from the wheel or sdist name; null when the name does not say.</param>
/// <param name="Size">The file's size in bytes when the index states it (PEP 700), else null.</param>
/// <param name="Hashes">Hash name to hex digest, from the URL fragment or the JSON <c>hashes</c>.</param>
/// <param name="RequiresPython">The <c>data-requires-python</c> / <c>requires-python</c> value, or null.</param>
/// <param name="Yanked">PEP 592: yanked files are only chosen by an exact <c>==</c> pin.</param>
/// <param name="HasCoreMetadata">PEP 658/714: the index serves <c>Url + ".metadata"</c>.</param>
public sealed record DistributionFile(
    string Filename,
    Uri Url,
    string IndexUrl,
    PythonVersion? Version,
    long? Size,
    IReadOnlyDictionary<string, string> Hashes,
    string? RequiresPython,
    bool Yanked,
    bool HasCoreMetadata)
{
    /// <summary>The parsed wheel name, or null for an sdist or an unrecognised file.</summary>
    public WheelFilename? Wheel => WheelFilename.TryParse(Filename, out WheelFilename? wheel) ? wheel : null;
}
