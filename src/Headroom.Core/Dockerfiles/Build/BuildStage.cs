using System.Collections.Immutable;
using Headroom.Dockerfiles.Expansion;

namespace Headroom.Dockerfiles.Build;

/// <summary>One FROM and the instructions up to the next FROM, as BuildKit's dispatcher sees them.</summary>
public sealed class BuildStage
{
    internal BuildStage(int index, string? name, Instruction from)
    {
        Index = index;
        Name = name;
        From = from;
    }

    /// <summary>0-based position among the stages (what <c>COPY --from=N</c> counts).</summary>
    public int Index { get; }

    /// <summary>The <c>AS</c> name in lower case, or null.</summary>
    public string? Name { get; }

    /// <summary>The name, or BuildKit's "stage-N".</summary>
    public string DisplayName => Name ?? $"stage-{Index}";

    public Instruction From { get; }

    /// <summary>The FROM image as written (before ARG expansion).</summary>
    public string BaseName => From.Args.IsEmpty ? string.Empty : From.Args[0];

    /// <summary>The FROM image after expansion with the global args (the empty string if it failed).</summary>
    public string BaseImage { get; internal set; } = string.Empty;

    /// <summary>The earlier stage this one starts from, or null when it starts from an image.</summary>
    public BuildStage? BaseStage { get; internal set; }

    /// <summary>True for <c>FROM scratch</c>.</summary>
    public bool IsScratch => BaseStage is null && BaseImage == "scratch";

    /// <summary>The <c>--platform</c> flag as written, or null.</summary>
    public string? PlatformExpression { get; internal set; }

    /// <summary>The <c>--platform</c> after expansion, or null when absent or invalid.</summary>
    public Platform? ExplicitPlatform { get; internal set; }

    /// <summary>The platform the stage runs on: --platform, else the base stage's, else the target platform.</summary>
    public Platform Platform { get; internal set; }

    /// <summary>The stage's instructions after FROM, in order.</summary>
    public ImmutableArray<BuildInstruction> Instructions { get; internal set; } = [];

    /// <summary>The FROM in its context (global args, expanded base name and platform).</summary>
    public BuildInstruction FromInstruction { get; internal set; } = null!;

    /// <summary>Base stage first, then COPY --from and RUN mounts in order.</summary>
    public ImmutableArray<StageDependency> Dependencies { get; internal set; } = [];

    /// <summary>True when the target needs this stage (BuildKit builds only those).</summary>
    public bool IsReachable { get; internal set; }

    /// <summary>
    /// False when the stage starts from an external image, whose own ENV BuildKit would also see (only PATH
    /// is assumed). True for scratch and for stages built on a stage.
    /// </summary>
    public bool BaseImageEnvironmentKnown => BaseStage?.BaseImageEnvironmentKnown ?? IsScratch;

    /// <summary>The variables in force at the end of the stage (ENV and ARG values), what a child stage inherits.</summary>
    public VariableEnvironment FinalVariables { get; internal set; } = VariableEnvironment.Empty;

    /// <summary>The ENV variables the image gets (ARG values are not saved into the image).</summary>
    public VariableEnvironment ImageEnvironment { get; internal set; } = VariableEnvironment.Empty;

    internal ImmutableHashSet<string> FinalDeclaredArgs { get; set; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public override string ToString() => $"{DisplayName} FROM {BaseImage}";
}
