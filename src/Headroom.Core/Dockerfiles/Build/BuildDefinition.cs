using System.Collections.Immutable;
using Headroom.Diagnostics;
using Headroom.Dockerfiles.Expansion;

namespace Headroom.Dockerfiles.Build;

/// <summary>
/// A parsed Dockerfile as BuildKit's dockerfile2llb sees it for one set of <see cref="BuildOptions"/>:
/// the global ARGs, the stages with their bases, platforms, variables and dependencies, the target and
/// the stages it needs. Problems BuildKit would fail on (or warn about) are diagnostics; nothing throws.
/// </summary>
public sealed class BuildDefinition
{
    internal BuildDefinition(
        DockerfileSyntax syntax,
        BuildOptions options,
        WordExpander expander,
        ImmutableArray<BuildInstruction> globalArgs,
        VariableEnvironment globalVariables,
        ImmutableArray<BuildStage> stages,
        BuildStage? target,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Syntax = syntax;
        Options = options;
        Expander = expander;
        GlobalArgs = globalArgs;
        GlobalVariables = globalVariables;
        Stages = stages;
        Target = target;
        Diagnostics = diagnostics;
        ProxyVariables = VariableEnvironment.From(
            options.BuildArgs.Where(pair => PredefinedArgs.IsProxyArg(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    public DockerfileSyntax Syntax { get; }

    public BuildOptions Options { get; }

    /// <summary>The word expander for the file's escape character.</summary>
    public WordExpander Expander { get; }

    /// <summary>The ARG instructions before the first FROM (BuildKit's meta args).</summary>
    public ImmutableArray<BuildInstruction> GlobalArgs { get; }

    /// <summary>
    /// What FROM lines are expanded against, and what <c>ARG NAME</c> without a value inherits inside a
    /// stage: the automatic platform args, then the global ARGs, with build args applied.
    /// </summary>
    public VariableEnvironment GlobalVariables { get; }

    public ImmutableArray<BuildStage> Stages { get; }

    /// <summary>The stage to build: --target, else the last; null when --target names no stage.</summary>
    public BuildStage? Target { get; }

    /// <summary>The stages BuildKit builds for the target, in file order.</summary>
    public IEnumerable<BuildStage> ReachableStages => Stages.Where(stage => stage.IsReachable);

    /// <summary>The proxy build args (HTTP_PROXY etc.) that RUN sees without an ARG.</summary>
    public VariableEnvironment ProxyVariables { get; }

    /// <summary>Sorted by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Every stage instruction (not FROM), in file order.</summary>
    public IEnumerable<BuildInstruction> Instructions => Stages.SelectMany(stage => stage.Instructions);

    public static BuildDefinition Create(DockerfileSyntax syntax, BuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        return new BuildDefinitionBuilder(syntax, options ?? BuildOptions.Default).Build();
    }

    /// <summary>
    /// The stage a <c>COPY --from</c> value names, as BuildKit resolves it: a number is an index, anything
    /// else a stage name (case-insensitive; the last stage of that name). Null for an external image.
    /// </summary>
    public BuildStage? FindStage(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (StageReference.TryParseIndex(reference, out int index))
        {
            return index >= 0 && index < Stages.Length ? Stages[index] : null;
        }

        return FindStageByName(reference);
    }

    /// <summary>The last stage with this name (case-insensitive), or null.</summary>
    public BuildStage? FindStageByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string lower = name.ToLowerInvariant();
        return Stages.LastOrDefault(stage => stage.Name == lower);
    }

    /// <summary>
    /// The environment a RUN's command sees: the variables in force plus the proxy build args not already set.
    /// </summary>
    public VariableEnvironment GetRunEnvironment(BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        VariableEnvironment environment = instruction.Variables;
        foreach (KeyValuePair<string, string> proxy in ProxyVariables.Pairs)
        {
            if (!environment.Contains(proxy.Key))
            {
                environment = environment.Set(proxy.Key, proxy.Value);
            }
        }

        return environment;
    }
}
