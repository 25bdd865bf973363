namespace Headroom.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
