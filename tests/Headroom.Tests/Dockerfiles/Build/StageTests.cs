using Headroom.Diagnostics;
using Headroom.Dockerfiles.Build;
using static Headroom.Tests.Dockerfiles.Build.BuildTestHelpers;

namespace Headroom.Tests.Dockerfiles.Build;

public sealed class StageTests
{
    [Fact]
    public void Stages_have_index_lowercased_name_base_image_and_instructions()
    {
        BuildDefinition definition = Define("""
            FROM python:3.12-slim AS Builder
            RUN pip wheel .
            FROM builder
            COPY . /app
            FROM scratch
            """);

        Assert.Empty(definition.Diagnostics);
        Assert.Equal(3, definition.Stages.Length);
        BuildStage builder = definition.Stages[0];
        Assert.Equal((0, "builder", "python:3.12-slim"), (builder.Index, builder.Name, builder.BaseImage));
        Assert.Null(builder.BaseStage);
        Assert.Equal("run", Assert.Single(builder.Instructions).Instruction.Name);
        Assert.Same(builder, definition.Stages[1].BaseStage);
        Assert.Equal("stage-1", definition.Stages[1].DisplayName);
        Assert.True(definition.Stages[2].IsScratch);
        Assert.False(definition.Stages[0].IsScratch);
    }

    [Fact]
    public void From_stage_name_is_case_sensitive_after_expansion_as_in_BuildKit()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS base
            FROM Base
            """);

        Assert.Null(definition.Stages[1].BaseStage);
        Assert.Equal("Base", definition.Stages[1].BaseImage);
    }

    [Fact]
    public void From_a_later_stage_name_is_an_image()
    {
        BuildDefinition definition = Define("""
            FROM app
            FROM alpine AS app
            """);

        Assert.Null(definition.Stages[0].BaseStage);
        Assert.Empty(definition.Stages[0].Dependencies);
    }

    [Fact]
    public void Base_image_is_expanded_with_global_args_and_build_args()
    {
        const string dockerfile = """
            ARG PY=3.12
            ARG VARIANT=slim
            FROM python:${PY}-${VARIANT:-bookworm}
            """;

        Assert.Equal("python:3.12-slim", Define(dockerfile).Stages[0].BaseImage);
        Assert.Equal("python:3.13-slim", Define(dockerfile, WithArgs(("PY", "3.13"))).Stages[0].BaseImage);
        Assert.Equal("python:3.12-bookworm", Define(dockerfile, WithArgs(("VARIANT", ""))).Stages[0].BaseImage);
    }

    [Fact]
    public void Global_args_see_earlier_global_args()
    {
        BuildDefinition definition = Define("""
            ARG BASE=debian
            ARG IMAGE=${BASE}:12
            FROM $IMAGE
            """);

        Assert.Equal("debian:12", definition.Stages[0].BaseImage);
        Assert.Equal("debian:12", definition.GlobalVariables["IMAGE"]);
    }

    [Fact]
    public void Global_arg_without_value_takes_the_build_arg()
    {
        BuildDefinition definition = Define("""
            ARG IMAGE
            FROM $IMAGE
            """, WithArgs(("IMAGE", "alpine:3.20")));

        Assert.Equal("alpine:3.20", definition.Stages[0].BaseImage);
        Assert.Empty(definition.Diagnostics);
    }

    [Fact]
    public void Declared_arg_without_value_gives_a_blank_base_name_error_but_no_undefined_warning()
    {
        BuildDefinition definition = Define("""
            ARG IMAGE
            FROM $IMAGE
            """);

        Diagnostic blank = definition.Single(BuildDiagnosticCodes.BlankBaseName);
        Assert.Equal(DiagnosticSeverity.Error, blank.Severity);
        Assert.Equal(2, blank.Start.Line);
        definition.HasNo(BuildDiagnosticCodes.UndefinedArgInFrom);
    }

    [Fact]
    public void Undeclared_arg_in_from_is_reported()
    {
        BuildDefinition definition = Define("""
            ARG VERSION=1
            FROM node:${NODE_VERSION:-20}-alpine
            """);

        Diagnostic undefined = definition.Single(BuildDiagnosticCodes.UndefinedArgInFrom);
        Assert.Equal(DiagnosticSeverity.Warning, undefined.Severity);
        Assert.Contains("NODE_VERSION", undefined.Message, StringComparison.Ordinal);
        Assert.Equal(2, undefined.Start.Line);
        Assert.Equal("node:20-alpine", definition.Stages[0].BaseImage);
    }

    [Fact]
    public void Automatic_platform_args_are_defined_for_from()
    {
        BuildDefinition definition = Define("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");

        definition.HasNo(BuildDiagnosticCodes.UndefinedArgInFrom);
        Assert.Equal("$BUILDPLATFORM", definition.Stages[0].PlatformExpression);
        Assert.Equal(Platform.LinuxAmd64, definition.Stages[0].ExplicitPlatform);
    }

    [Fact]
    public void Platform_comes_from_flag_then_base_stage_then_target_platform()
    {
        var options = new BuildOptions { TargetPlatform = new Platform("linux", "arm64") };
        BuildDefinition definition = Define("""
            FROM --platform=linux/arm/v7 alpine AS a
            FROM a AS b
            FROM alpine AS c
            FROM --platform=$BUILDPLATFORM alpine AS d
            """, options);

        Assert.Equal(["linux/arm/v7", "linux/arm/v7", "linux/arm64", "linux/amd64"], definition.Stages.Select(s => s.Platform.ToString()));
        Assert.Null(definition.Stages[1].ExplicitPlatform);
    }

    [Theory]
    [InlineData("FROM --platform=$NOPE alpine\n", "empty platform value")]
    [InlineData("FROM --platform=linux/amd64/v3/x alpine\n", "failed to parse platform")]
    public void Bad_platforms_are_errors(string dockerfile, string message)
    {
        Diagnostic diagnostic = Define(dockerfile).Single(BuildDiagnosticCodes.InvalidPlatform);

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_stage_names_are_reported_on_the_second()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS deps
            FROM alpine AS DEPS
            FROM alpine AS other
            """);

        Diagnostic duplicate = definition.Single(BuildDiagnosticCodes.DuplicateStageName);
        Assert.Equal(2, duplicate.Start.Line);
        Assert.Same(definition.Stages[1], definition.FindStageByName("Deps"));
    }

    [Fact]
    public void Invalid_stage_name_is_an_error_and_the_stage_is_unnamed()
    {
        BuildDefinition definition = Define("FROM alpine AS 1st\n");

        Assert.Equal(DiagnosticSeverity.Error, definition.Single(BuildDiagnosticCodes.InvalidFrom).Severity);
        Assert.Null(definition.Stages[0].Name);
    }

    [Fact]
    public void Instruction_before_from_other_than_arg_is_an_error()
    {
        BuildDefinition definition = Define("""
            ARG A=1
            RUN echo hi
            FROM alpine
            """);

        Assert.Equal(2, definition.Single(BuildDiagnosticCodes.NoBuildStage).Start.Line);
        Assert.Single(definition.GlobalArgs);
    }

    [Fact]
    public void File_without_from_has_no_stages()
    {
        BuildDefinition definition = Define("ARG A=1\n");

        Assert.Empty(definition.Stages);
        Assert.Null(definition.Target);
        definition.Single(BuildDiagnosticCodes.NoStages);
    }

    [Fact]
    public void Unknown_instruction_is_an_error()
    {
        BuildDefinition definition = Define("FROM alpine\nFROBNICATE x\n");

        Assert.Equal(2, definition.Single(BuildDiagnosticCodes.UnknownInstruction).Start.Line);
    }
}
