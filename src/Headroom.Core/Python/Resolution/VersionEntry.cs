using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>
/// One version of a project as seen from the target: the file pip would take for it, or why no file
/// of it is usable.
/// </summary>
/// <param name="Version">The version.</param>
/// <param name="File">The chosen file (best wheel, or an sdist when allowed); null when <paramref name="Rejection"/> says why none.</param>
/// <param name="Yanked">Every usable file of the version is yanked.</param>
/// <param name="Rejection">Why no file of the version installs on the target; null when <paramref name="File"/> is set.</param>
internal sealed record VersionEntry(PythonVersion Version, DistributionFile? File, bool Yanked, RejectedCandidate? Rejection);
