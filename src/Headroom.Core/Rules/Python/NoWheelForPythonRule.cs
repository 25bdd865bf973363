using Headroom.Diagnostics;
using Headroom.Python;
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
                        || WheelAvailability.Missing(context, install, requirement, version, target.Environment) is not { } verdict)
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
}
