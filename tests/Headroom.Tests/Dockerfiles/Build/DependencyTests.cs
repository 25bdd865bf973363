using Headroom.Diagnostics;
using Headroom.Dockerfiles.Build;
using static Headroom.Tests.Dockerfiles.Build.BuildTestHelpers;

namespace Headroom.Tests.Dockerfiles.Build;

public sealed class DependencyTests
{
    private const string MultiStage = """
        FROM golang:1.22 AS build
        RUN go build -o /out/app
        FROM node:20 AS assets
        RUN npm run build
        FROM alpine AS unused
        FROM debian:12-slim AS final
        COPY --from=build /out/app /usr/bin/app
        COPY --from=1 /dist /srv
        COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
        RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=ASSETS,source=/dist,target=/mnt true
        """;

    [Fact]
    public void Copy_from_name_index_and_image_and_mount_from_are_dependencies()
    {
        BuildDefinition definition = Define(MultiStage);

        Assert.Empty(definition.Diagnostics);
        BuildStage final = definition.Stages[3];
        Assert.Collection(
            final.Dependencies,
            d => Assert.Equal((StageDependencyKind.CopyFrom, "build", (BuildStage?)definition.Stages[0]), (d.Kind, d.Reference, d.Stage)),
            d => Assert.Equal((StageDependencyKind.CopyFrom, "1", (BuildStage?)definition.Stages[1]), (d.Kind, d.Reference, d.Stage)),
            d =>
            {
                Assert.Equal(StageDependencyKind.CopyFrom, d.Kind);
                Assert.Null(d.Stage);
                Assert.Equal("nginx:1.27", d.Image);
            },
            d =>
            {
                Assert.Equal((StageDependencyKind.RunMount, (BuildStage?)definition.Stages[1]), (d.Kind, d.Stage));
                Assert.Equal("/mnt", d.Mount?.Target);
                Assert.Equal(10, d.Instruction?.Line);
            });
    }

    [Fact]
    public void Default_target_is_the_last_stage_and_only_needed_stages_are_reachable()
    {
        BuildDefinition definition = Define(MultiStage);

        Assert.Same(definition.Stages[3], definition.Target);
        Assert.Equal(["build", "assets", "final"], definition.ReachableStages.Select(s => s.Name));
        Assert.False(definition.Stages[2].IsReachable);
    }

    [Fact]
    public void Target_option_selects_a_stage_case_insensitively()
    {
        BuildDefinition definition = Define(MultiStage, new BuildOptions { Target = "Build" });

        Assert.Same(definition.Stages[0], definition.Target);
        Assert.Equal(["build"], definition.ReachableStages.Select(s => s.Name));
    }

    [Fact]
    public void Base_stage_chain_is_reachable()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS a
            FROM a AS b
            FROM b AS c
            FROM alpine AS d
            """, new BuildOptions { Target = "c" });

        Assert.Equal(["a", "b", "c"], definition.ReachableStages.Select(s => s.Name));
        Assert.Equal(StageDependencyKind.BaseStage, Assert.Single(definition.Stages[2].Dependencies).Kind);
    }

    [Fact]
    public void Unknown_target_is_an_error_and_nothing_is_reachable()
    {
        BuildDefinition definition = Define(MultiStage, new BuildOptions { Target = "tests" });

        Diagnostic diagnostic = definition.Single(BuildDiagnosticCodes.UnknownTarget);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("\"tests\"", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(definition.Target);
        Assert.Empty(definition.ReachableStages);
    }

    [Fact]
    public void Copy_from_a_later_stage_is_an_error_when_built_and_a_warning_when_not()
    {
        const string dockerfile = """
            FROM alpine AS first
            COPY --from=second /x /x
            FROM alpine AS second
            FROM alpine AS last
            """;

        Diagnostic built = Define(dockerfile, new BuildOptions { Target = "first" }).Single(BuildDiagnosticCodes.FromLaterStage);
        Assert.Equal((DiagnosticSeverity.Error, 2), (built.Severity, built.Start.Line));
        Assert.Contains("needs to be defined before current stage \"first\"", built.Message, StringComparison.Ordinal);

        Diagnostic notBuilt = Define(dockerfile).Single(BuildDiagnosticCodes.FromLaterStage);
        Assert.Equal(DiagnosticSeverity.Warning, notBuilt.Severity);
    }

    [Fact]
    public void Copy_from_own_stage_is_a_circular_dependency()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS app
            COPY --from=app /x /y
            """);

        Diagnostic diagnostic = definition.Single(BuildDiagnosticCodes.CircularDependency);
        Assert.Equal((DiagnosticSeverity.Error, 2), (diagnostic.Severity, diagnostic.Start.Line));
    }

    [Fact]
    public void Cycle_through_two_stages_is_reported_even_if_not_built()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS a
            COPY --from=b /x /x
            FROM a AS b
            FROM alpine
            """);

        Assert.Equal(DiagnosticSeverity.Error, definition.Single(BuildDiagnosticCodes.CircularDependency).Severity);
    }

    [Fact]
    public void Earlier_stage_is_fine()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS a
            FROM alpine AS b
            COPY --from=a /x /x
            COPY --from=0 /x /x
            """);

        Assert.Empty(definition.Diagnostics);
    }

    [Fact]
    public void Variable_in_copy_from_is_an_error()
    {
        BuildDefinition definition = Define("""
            ARG SRC=a
            FROM alpine AS a
            FROM alpine
            COPY --from=$SRC /x /x
            """);

        Assert.Equal(4, definition.Single(BuildDiagnosticCodes.VariableInFrom).Start.Line);
        Assert.Empty(definition.Stages[1].Dependencies);
    }

    [Fact]
    public void Stage_index_out_of_range_is_an_error()
    {
        BuildDefinition definition = Define("FROM alpine\nCOPY --from=3 /x /x\n");

        Assert.Contains("invalid stage index 3", definition.Single(BuildDiagnosticCodes.InvalidStageIndex).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mount_from_a_number_is_an_image_as_in_BuildKit()
    {
        BuildDefinition definition = Define("FROM alpine\nRUN --mount=from=0,target=/m true\n");

        StageDependency dependency = Assert.Single(definition.Stages[0].Dependencies);
        Assert.Null(dependency.Stage);
        Assert.Equal("0", dependency.Image);
    }

    [Fact]
    public void Mount_from_with_a_variable_is_an_error()
    {
        BuildDefinition definition = Define("FROM alpine\nRUN --mount=from=$X,target=/m true\n");

        Assert.Contains("doesn't support variable expansion", definition.Single(BuildDiagnosticCodes.InvalidMount).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_stage_by_index_or_name()
    {
        BuildDefinition definition = Define(MultiStage);

        Assert.Same(definition.Stages[2], definition.FindStage("2"));
        Assert.Same(definition.Stages[1], definition.FindStage("Assets"));
        Assert.Null(definition.FindStage("nginx:1.27"));
        Assert.Null(definition.FindStage("9"));
    }
}
