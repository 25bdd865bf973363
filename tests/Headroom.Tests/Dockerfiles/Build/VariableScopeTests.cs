using Headroom.Dockerfiles.Build;
using static Headroom.Tests.Dockerfiles.Build.BuildTestHelpers;

namespace Headroom.Tests.Dockerfiles.Build;

public sealed class VariableScopeTests
{
    [Fact]
    public void Global_arg_is_not_visible_in_a_stage_until_redeclared_without_value()
    {
        BuildDefinition definition = Define("""
            ARG VERSION=1.0
            FROM alpine
            RUN echo $VERSION
            ARG VERSION
            RUN echo $VERSION
            """);

        Assert.False(definition.At(3).Variables.Contains("VERSION"));
        Assert.Equal("1.0", definition.At(5).Variables["VERSION"]);
    }

    [Fact]
    public void Redeclared_arg_with_a_default_uses_its_own_default()
    {
        BuildDefinition definition = Define("""
            ARG VERSION=1.0
            FROM alpine
            ARG VERSION=2.0
            RUN echo $VERSION
            """);

        Assert.Equal("2.0", definition.At(4).Variables["VERSION"]);
    }

    [Fact]
    public void Build_arg_overrides_global_and_stage_defaults()
    {
        BuildDefinition definition = Define("""
            ARG VERSION=1.0
            FROM alpine:$VERSION
            ARG VERSION=2.0
            ARG OTHER
            RUN echo $VERSION $OTHER
            """, WithArgs(("VERSION", "9"), ("OTHER", "x")));

        Assert.Equal("alpine:9", definition.Stages[0].BaseImage);
        Assert.Equal("9", definition.At(5).Variables["VERSION"]);
        Assert.Equal("x", definition.At(5).Variables["OTHER"]);
    }

    [Fact]
    public void Build_arg_for_an_undeclared_name_is_not_visible()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            WORKDIR /$SECRET
            """, WithArgs(("SECRET", "x")));

        Assert.False(definition.At(2).Variables.Contains("SECRET"));
        Assert.Equal(["SECRET"], definition.At(2).Expanded.Unmatched);
        Assert.Equal(["/"], definition.At(2).Expanded.Args);
    }

    [Fact]
    public void Arg_default_is_expanded_in_the_stage_environment_and_sees_earlier_args_of_the_same_line()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ENV PREFIX=/opt
            ARG DIR=$PREFIX/app URL="https://x/$DIR"
            WORKDIR $DIR
            """);

        BuildInstruction workdir = definition.At(4);
        Assert.Equal("/opt/app", workdir.Variables["DIR"]);
        Assert.Equal("https://x//opt/app", workdir.Variables["URL"]);
        Assert.Equal(["/opt/app"], workdir.Expanded.Args);
    }

    [Fact]
    public void Env_persists_and_overrides_an_earlier_arg()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ARG MODE=dev
            ENV MODE=prod
            RUN echo $MODE
            """, WithArgs(("MODE", "test")));

        Assert.Equal("prod", definition.At(4).Variables["MODE"]);
        Assert.Equal("prod", definition.Stages[0].ImageEnvironment["MODE"]);
    }

    [Fact]
    public void Arg_after_env_replaces_the_value_for_later_instructions_but_not_in_the_image()
    {
        // dispatchArg adds the ARG to the build state's environment, after the ENV.
        BuildDefinition definition = Define("""
            FROM alpine
            ENV MODE=prod
            ARG MODE=dev
            RUN echo $MODE
            """);

        Assert.Equal("dev", definition.At(4).Variables["MODE"]);
        Assert.Equal("prod", definition.Stages[0].ImageEnvironment["MODE"]);
    }

    [Fact]
    public void All_pairs_of_one_env_are_expanded_against_the_environment_before_it()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ENV A=1
            ENV A=2 B=$A
            RUN true
            """);

        Assert.Equal("2", definition.At(4).Variables["A"]);
        Assert.Equal("1", definition.At(4).Variables["B"]);
    }

    [Fact]
    public void Env_values_lose_their_quotes_and_legacy_form_keeps_spaces()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ENV A="x y" B='$HOME'
            ENV C hello world
            RUN true
            """);

        BuildInstruction run = definition.At(4);
        Assert.Equal("x y", run.Variables["A"]);
        Assert.Equal("$HOME", run.Variables["B"]);
        Assert.Equal("hello world", run.Variables["C"]);
    }

    [Fact]
    public void Child_stage_inherits_env_and_args_of_its_base_stage_but_not_of_others()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS base
            ENV APP=/app
            ARG BUILD_ID=7
            FROM base AS child
            RUN echo $APP $BUILD_ID
            FROM alpine AS other
            RUN echo $APP
            """);

        Assert.Equal("/app", definition.At(5).Variables["APP"]);
        Assert.Equal("7", definition.At(5).Variables["BUILD_ID"]);
        Assert.Contains("BUILD_ID", definition.At(5).DeclaredArgs);
        Assert.False(definition.At(7).Variables.Contains("APP"));
        Assert.Equal("/app", definition.Stages[1].ImageEnvironment["APP"]);
        Assert.False(definition.Stages[1].ImageEnvironment.Contains("BUILD_ID"));
    }

    [Fact]
    public void Path_is_always_set_on_linux()
    {
        BuildDefinition definition = Define("FROM scratch\nRUN true\n");

        Assert.Equal("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", definition.At(2).Variables["PATH"]);
        Assert.True(definition.Stages[0].BaseImageEnvironmentKnown);
    }

    [Fact]
    public void Target_platform_args_are_visible_when_declared_in_the_stage()
    {
        var options = new BuildOptions { TargetPlatform = new Platform("linux", "arm", "v7") };
        BuildDefinition definition = Define("""
            FROM alpine
            RUN echo $TARGETARCH
            ARG TARGETPLATFORM TARGETOS TARGETARCH TARGETVARIANT BUILDPLATFORM TARGETSTAGE
            RUN echo $TARGETARCH
            """, options);

        Assert.False(definition.At(2).Variables.Contains("TARGETARCH"));
        BuildInstruction run = definition.At(4);
        Assert.Equal("linux/arm/v7", run.Variables["TARGETPLATFORM"]);
        Assert.Equal("linux", run.Variables["TARGETOS"]);
        Assert.Equal("arm", run.Variables["TARGETARCH"]);
        Assert.Equal("v7", run.Variables["TARGETVARIANT"]);
        Assert.Equal("linux/amd64", run.Variables["BUILDPLATFORM"]);
        Assert.Equal("default", run.Variables["TARGETSTAGE"]);
    }

    [Fact]
    public void Target_stage_arg_names_the_target()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS one
            FROM alpine AS two
            ARG TARGETSTAGE
            RUN echo $TARGETSTAGE
            """, new BuildOptions { Target = "two" });

        Assert.Equal("two", definition.At(4).Variables["TARGETSTAGE"]);
    }

    [Fact]
    public void Undefined_variables_exclude_declared_args_without_value()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ARG TOKEN
            COPY $TOKEN $MISSING /dst/
            """);

        BuildInstruction copy = definition.At(3);
        Assert.Equal(["MISSING"], copy.UndefinedVariables);
        Assert.Equal(["MISSING", "TOKEN"], copy.Expanded.Unmatched.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Proxy_build_args_reach_run_without_an_arg()
    {
        BuildDefinition definition = Define("FROM alpine\nRUN curl x\n", WithArgs(("https_proxy", "http://proxy:3128"), ("OTHER", "1")));

        BuildInstruction run = definition.At(2);
        Assert.False(run.Variables.Contains("https_proxy"));
        Assert.Equal("http://proxy:3128", definition.GetRunEnvironment(run)["https_proxy"]);
        Assert.False(definition.GetRunEnvironment(run).Contains("OTHER"));
    }
}
