using Headroom.Knowledge.Wheels;
using Headroom.Python;
using Headroom.Python.Index;

namespace Headroom.Rules.Models;

/// <summary>Whether a pinned version has a wheel for a target Python and platform (PY001, and DF011's choice of fix direction).</summary>
public static class WheelAvailability
{
    /// <summary>
    /// Why the pinned <paramref name="version"/> of <paramref name="requirement"/> has no wheel for <paramref name="environment"/>
    /// (from the install's indexes when they can be asked, else from the embedded knowledge), or null when it has one or nobody can tell.
    /// </summary>
    public static WheelShortfall? Missing(CheckContext context, PythonInstall install, Requirement requirement, PythonVersion version, TargetEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(install);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(environment);
        if (PinnedFiles.All(context, install.Indexes, requirement.NormalizedName) is { } all
            && PinnedFiles.Matching(all, requirement) is { Count: > 0 } files)
        {
            IReadOnlyList<WheelTag> tags = CompatibleTags.For(environment);
            if (files.Any(f => f.Wheel is { } wheel && WheelSelector.SupportIndex(wheel, tags) is not null && PinnedFiles.AdmitsPython(f, environment)))
            {
                return null;
            }

            string[] pythons = [.. files.Select(f => f.Wheel).OfType<WheelFilename>().SelectMany(w => w.Tags).Select(t => t.Interpreter).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            string have = pythons.Length == 0 ? "it has no wheels at all" : $"its wheels are for {string.Join(", ", pythons.Take(8))}{(pythons.Length > 8 ? ", ..." : string.Empty)}";
            bool sdist = files.Any(f => PinnedFiles.IsSdist(f) && PinnedFiles.AdmitsPython(f, environment));
            return new WheelShortfall(sdist, $"{have} on {PackageIndexes.Describe(install.Indexes)}; {Suggestion(requirement, version, environment)}");
        }

        if (WheelLines.Find(requirement.NormalizedName, version) is not { } line)
        {
            return null;
        }

        bool? supported = environment.Libc == LibcKind.Musl && line.MuslWheels == false ? false
            : environment.Implementation != "cp" || environment.PythonMajor != 3 ? null
            : line.SupportsPython(environment.PythonMinor);
        if (supported != false)
        {
            return null;
        }

        string range = environment.Libc == LibcKind.Musl && line.MuslWheels == false
            ? $"{requirement.Name} has no musllinux (Alpine) wheels at all"
            : $"{requirement.Name} {line.Line} has wheels for {line.PythonRange}";
        return new WheelShortfall(line.HasSdist, $"{range}; {Suggestion(requirement, version, environment)} {PinnedFiles.KnowledgeNote}");
    }

    private static string Suggestion(Requirement requirement, PythonVersion version, TargetEnvironment environment)
    {
        string python = $"{environment.PythonMajor}.{environment.PythonMinor}";
        if (environment.Libc == LibcKind.Musl)
        {
            return "use a glibc base image (such as -slim) or a version with musllinux wheels";
        }

        return WheelLines.FirstSupporting(requirement.NormalizedName, version, environment.PythonMinor) is { } newer && newer.Line != $"{version.Major}.{version.Minor}"
            ? $"pin {requirement.Name} {newer.Line} or later for Python {python}, or use a Python the pin supports"
            : $"pin a version with wheels for Python {python}, or use a Python the pin supports";
    }

}

/// <summary>A pinned version without a wheel for a target: whether pip can fall back to an sdist, and what to do instead.</summary>
public sealed record WheelShortfall(bool Sdist, string Advice);
