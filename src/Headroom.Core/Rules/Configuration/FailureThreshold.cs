using Headroom.Diagnostics;

namespace Headroom.Rules.Configuration;

/// <summary><c>--fail-on</c> / <c>fail-on:</c>: the least severe finding that makes the run exit 1.</summary>
public enum FailureThreshold
{
    Error,
    Warning,
    Info,
    Never,
}

/// <summary>Parsing and comparison of <see cref="FailureThreshold"/>.</summary>
public static class FailureThresholds
{
    public static readonly IReadOnlyList<string> Names = ["error", "warning", "info", "never"];

    public static FailureThreshold? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "error" => FailureThreshold.Error,
        "warning" => FailureThreshold.Warning,
        "info" => FailureThreshold.Info,
        "never" or "none" => FailureThreshold.Never,
        _ => null,
    };

    /// <summary>Whether a finding of <paramref name="severity"/> reaches the threshold.</summary>
    public static bool IsReachedBy(this FailureThreshold threshold, DiagnosticSeverity severity) => threshold switch
    {
        FailureThreshold.Never => false,
        FailureThreshold.Info => true,
        FailureThreshold.Warning => severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning,
        _ => severity == DiagnosticSeverity.Error,
    };
}
