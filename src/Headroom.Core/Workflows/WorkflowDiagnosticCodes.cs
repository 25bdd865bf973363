namespace Headroom.Workflows;

/// <summary>Diagnostic codes of the workflow, action and local-reference readers.</summary>
public static class WorkflowDiagnosticCodes
{
    public const string Structure = "workflow-structure";
    public const string MatrixTruncated = "workflow-matrix-truncated";
    public const string LocalReferenceMissing = "local-reference-missing";
    public const string LocalReferenceCycle = "local-reference-cycle";
    public const string LocalReferenceTooDeep = "local-reference-too-deep";
}
