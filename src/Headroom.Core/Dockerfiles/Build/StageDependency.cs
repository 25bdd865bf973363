namespace Headroom.Dockerfiles.Build;

/// <summary>
/// Something a stage needs before it can be built: an earlier stage (<see cref="Stage"/>), or an external
/// image (<see cref="Image"/>) named by COPY --from or a mount's from= that names no stage.
/// </summary>
public sealed class StageDependency
{
    internal StageDependency(StageDependencyKind kind, BuildInstruction? instruction, string reference, BuildStage? stage, RunMount? mount)
    {
        Kind = kind;
        Instruction = instruction;
        Reference = reference;
        Stage = stage;
        Mount = mount;
    }

    public StageDependencyKind Kind { get; }

    /// <summary>The COPY or RUN that creates the dependency; null for <see cref="StageDependencyKind.BaseStage"/> (the stage's FROM).</summary>
    public BuildInstruction? Instruction { get; }

    /// <summary>The stage name, index or image as written (for FROM, after ARG expansion).</summary>
    public string Reference { get; }

    /// <summary>The stage depended on, or null for an external image.</summary>
    public BuildStage? Stage { get; }

    /// <summary>The external image, when the reference names no stage.</summary>
    public string? Image => Stage is null ? Reference : null;

    /// <summary>For <see cref="StageDependencyKind.RunMount"/>, the mount.</summary>
    public RunMount? Mount { get; }

    public override string ToString() => $"{Kind} {Reference}";
}
