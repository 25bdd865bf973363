namespace Headroom.Dockerfiles.Build;

public enum StageDependencyKind
{
    /// <summary><c>FROM &lt;stage&gt;</c>: the stage starts from another stage.</summary>
    BaseStage,

    /// <summary><c>COPY --from=&lt;stage|index|image&gt;</c>.</summary>
    CopyFrom,

    /// <summary><c>RUN --mount=...,from=&lt;stage|image&gt;</c>.</summary>
    RunMount,
}
