using Headroom.Diagnostics;
using Headroom.Knowledge.Wheels;
using Headroom.Python;
using Headroom.Python.Index;
using Headroom.Rules.Models;

namespace Headroom.Rules.Python;

/// <summary>
/// PY001: a pinned version has no wheel for a Python and platform it is installed for (a Dockerfile's base image,
/// or a Python that CI sets up in the job that installs it): the Python 3.13 breakage. With no sdist either
/// (torch publishes none) pip fails, an error; with an sdist pip builds from source, a warning. Online it reads
/// the wheel tags on the install's indexes; offline (and when they fail) it uses the embedded table of the
/// CPython versions each release line has wheels for.
/// </summary>
public sealed class NoWheelForPythonRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "PY001", "no-wheel-for-python", DiagnosticSeverity.Error,
        "a pinned version has no wheel for the target Python and platform", Fixable: false);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var reported = new HashSet<(string?, int, TargetEnvironment)>();
        foreach (PythonInstall install in PythonInstalls.All(context))
        {
            foreach (PythonTarget target in install.Targets)
            {
                MarkerEnvironment markers = MarkerEnvironment.ForTarget(target.Environment);
                foreach (InstalledRequirement pinned in install.Requirements)
                {
                    Requirement requirement = pinned.Requirement;
                    if (requirement.Pin is not { Version: { } version } || requirement.Url is not null || !requirement.AppliesTo(markers)
                        || !reported.Add((pinned.Source.Path, pinned.Span.Start, target.Environment))
                        || Judge(context, install, requirement, version, target) is not { } verdict)
                    {
                        continue;
                    }

                    string subject = $"{requirement.Name} {version} has no wheel for {target.Describe()} ({target.Origin})";
                    string message = verdict.Sdist
                        ? $"{subject}, so pip builds it from its sdist, which needs a compiler and the library's build dependencies and may fail; {verdict.Advice}"
                        : $"{subject} and no sdist to build, so pip fails with \"No matching distribution found for {requirement.Name}{requirement.Pin}\"; {verdict.Advice}";
                    findings.Report(
                        pinned.Source,
                        pinned.Span,
                        message,
                        related: [target.Where, install.Command],
                        severity: verdict.Sdist ? DiagnosticSeverity.Warning : null);
                }
            }
        }
    }

    private static Outcome? Judge(CheckContext context, PythonInstall install, Requirement requirement, PythonVersion version, PythonTarget target)
    {
        TargetEnvironment environment = target.Environment;
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
            return new Outcome(sdist, $"{have} on {PackageIndexes.Describe(install.Indexes)}; {Suggestion(requirement, version, environment)}");
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
        return new Outcome(line.HasSdist, $"{range}; {Suggestion(requirement, version, environment)} {PinnedFiles.KnowledgeNote}");
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

    private sealed record Outcome(bool Sdist, string Advice);
}
