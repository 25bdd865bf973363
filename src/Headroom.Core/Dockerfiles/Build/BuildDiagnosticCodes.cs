namespace Headroom.Dockerfiles.Build;

/// <summary>The <see cref="Diagnostics.Diagnostic.Code"/> values that <see cref="BuildDefinition"/> reports.</summary>
public static class BuildDiagnosticCodes
{
    /// <summary>The file has no FROM.</summary>
    public const string NoStages = "no-stages";

    /// <summary>An instruction other than ARG before the first FROM.</summary>
    public const string NoBuildStage = "no-build-stage";

    /// <summary>An instruction keyword BuildKit does not know.</summary>
    public const string UnknownInstruction = "unknown-instruction";

    /// <summary>FROM with a wrong number of arguments, or an invalid stage name.</summary>
    public const string InvalidFrom = "invalid-from";

    /// <summary>The --target names no stage.</summary>
    public const string UnknownTarget = "unknown-target";

    /// <summary>Two stages share a name (BuildKit's DuplicateStageName check).</summary>
    public const string DuplicateStageName = "duplicate-stage-name";

    /// <summary>FROM uses a variable that no ARG declares (BuildKit's UndefinedArgInFrom check).</summary>
    public const string UndefinedArgInFrom = "undefined-arg-in-from";

    /// <summary>FROM expands to an empty image name.</summary>
    public const string BlankBaseName = "blank-base-name";

    /// <summary>FROM --platform is empty or not a platform.</summary>
    public const string InvalidPlatform = "invalid-platform";

    /// <summary>COPY --from or a RUN mount names a stage defined later in the file.</summary>
    public const string FromLaterStage = "from-later-stage";

    /// <summary>Stages depend on each other in a cycle (a stage copying from itself included).</summary>
    public const string CircularDependency = "circular-dependency";

    /// <summary>COPY --from=N with N past the last stage.</summary>
    public const string InvalidStageIndex = "invalid-stage-index";

    /// <summary>A variable in COPY --from or a mount's from=, which BuildKit does not expand.</summary>
    public const string VariableInFrom = "variable-in-from";

    /// <summary>A RUN --mount value BuildKit rejects.</summary>
    public const string InvalidMount = "invalid-mount";

    /// <summary>A word that cannot be expanded (bad syntax, unsupported modifier, bad pattern).</summary>
    public const string ExpansionError = "expansion-error";

    /// <summary><c>${V:?message}</c> or <c>${V?message}</c> with the variable unset or empty.</summary>
    public const string RequiredVariable = "required-variable";
}
