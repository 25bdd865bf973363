using Headroom.Knowledge.Wheels;
using Headroom.Python;
using Headroom.Python.Index;

namespace Headroom.Rules.Models;

/// <summary>What the indexes of an install hold for a pinned requirement, when they can be asked (PY001, PY002).</summary>
public static class PinnedFiles
{
    /// <summary>The suffix of a message whose facts come from the embedded knowledge.</summary>
    public static string KnowledgeNote => $"(embedded knowledge, {WheelLines.AsOf})";

    /// <summary>
    /// Every file of <paramref name="normalizedName"/> on the install's indexes, or null when no index may be asked
    /// (<c>--offline</c>, no indexes given to the check, or an index failed): then the caller uses the knowledge.
    /// </summary>
    public static IReadOnlyList<DistributionFile>? All(CheckContext context, IndexConfiguration indexes, string normalizedName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Options.Offline || context.Options.PackageIndexes is not { } online || indexes.Indexes.Count + indexes.FindLinks.Count == 0
            ? null
            : online.GetFiles(indexes, normalizedName);
    }

    /// <summary>The files whose version the requirement's specifier accepts (pre-releases included: a pin names one).</summary>
    public static IReadOnlyList<DistributionFile> Matching(IEnumerable<DistributionFile> files, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return [.. files.Where(f => f.Version is { } v && requirement.Specifier.Contains(v, prereleases: true))];
    }

    /// <summary>True when a file's <c>Requires-Python</c> admits the target (pip skips the file otherwise).</summary>
    public static bool AdmitsPython(DistributionFile file, TargetEnvironment target)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(target);
        return file.RequiresPython is not { Length: > 0 } text
            || !SpecifierSet.TryParse(text, out SpecifierSet? set, out _)
            || set.Contains($"{target.PythonMajor}.{target.PythonMinor}.{target.PythonMicro}", prereleases: true);
    }

    /// <summary>True for an sdist (<c>.tar.gz</c>, <c>.zip</c>), which pip builds when no wheel fits.</summary>
    public static bool IsSdist(DistributionFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Wheel is null && (file.Filename.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || file.Filename.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
    }
}
