using System.Collections.Immutable;
using Headroom.Dockerfiles.Expansion;

namespace Headroom.Dockerfiles.Build;

/// <summary>An instruction in its build context: its stage, the variables in force and its expansion.</summary>
public sealed class BuildInstruction
{
    private static readonly HashSet<string> NonEnvironmentArgs = new(StringComparer.Ordinal)
    {
        PredefinedArgs.SbomScanContext,
        PredefinedArgs.SbomScanStage,
    };

    internal BuildInstruction(
        Instruction instruction,
        BuildStage? stage,
        VariableEnvironment variables,
        ImmutableHashSet<string> declaredArgs,
        ExpandedInstruction expanded)
    {
        Instruction = instruction;
        Stage = stage;
        Variables = variables;
        DeclaredArgs = declaredArgs;
        Expanded = expanded;
    }

    public Instruction Instruction { get; }

    /// <summary>The stage, or null for a global ARG before the first FROM.</summary>
    public BuildStage? Stage { get; }

    /// <summary>
    /// The variables this instruction is expanded against: for a stage instruction, the ENVs and the ARGs
    /// with values in force before it (those of the base stage included); for a global ARG, the global
    /// args so far; for FROM, the global args.
    /// </summary>
    public VariableEnvironment Variables { get; }

    /// <summary>The ARG names declared in the stage so far, with or without a value (BuildKit's buildArgs).</summary>
    public ImmutableHashSet<string> DeclaredArgs { get; }

    /// <summary>The arguments as BuildKit expands them for this instruction.</summary>
    public ExpandedInstruction Expanded { get; }

    /// <summary>
    /// Variables the instruction uses that are neither set nor declared by an ARG: BuildKit's UndefinedVar
    /// check. Variables the base image may set are not known here, so a stage on an external image can
    /// report a name its image defines (see <see cref="BuildStage.BaseImageEnvironmentKnown"/>).
    /// </summary>
    public IEnumerable<string> UndefinedVariables =>
        Expanded.Unmatched
            .Where(name => !DeclaredArgs.Contains(name) && !NonEnvironmentArgs.Contains(name))
            .Order(StringComparer.Ordinal);

    public int Line => Instruction.StartLine;

    public override string ToString() => $"{Instruction.StartLine}: {Instruction.Name}";
}
