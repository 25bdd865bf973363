using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using static Headroom.Tests.Dockerfiles.Build.BuildTestHelpers;

namespace Headroom.Tests.Dockerfiles.Build;

public sealed class InstructionExpansionTests
{
    private const string Prelude = """
        FROM alpine
        ENV DIR=/app USER_ID=1000 PORT=8080 NAME="my app"

        """;

    private static ExpandedInstruction ExpandLine3(string line) => Define(Prelude + line + "\n").At(3).Expanded;

    [Fact]
    public void Run_is_left_to_the_shell()
    {
        ExpandedInstruction run = ExpandLine3("RUN echo $DIR && cd ${DIR}");

        Assert.False(run.IsExpanded);
        Assert.Equal(["echo $DIR && cd ${DIR}"], run.Args);
        Assert.Empty(run.Unmatched);
    }

    [Theory]
    [InlineData("CMD [\"echo\", \"$DIR\"]")]
    [InlineData("ENTRYPOINT echo $DIR")]
    [InlineData("SHELL [\"/bin/sh\", \"-c\"]")]
    [InlineData("HEALTHCHECK CMD curl localhost:$PORT")]
    [InlineData("ONBUILD COPY $DIR /x")]
    [InlineData("MAINTAINER $NAME")]
    public void Instructions_BuildKit_does_not_expand(string line)
    {
        ExpandedInstruction expanded = ExpandLine3(line);

        Assert.False(expanded.IsExpanded);
        Assert.Equal(expanded.Instruction.Args, expanded.Args);
    }

    [Fact]
    public void Run_mount_values_are_expanded()
    {
        ExpandedInstruction run = ExpandLine3("RUN --mount=type=cache,target=$DIR/.cache,uid=$USER_ID,ro echo $DIR");

        Assert.Equal("type=cache,target=/app/.cache,uid=1000,ro", run.GetFlag("mount"));
        Assert.Equal("--mount=type=cache,target=/app/.cache,uid=1000,ro", run.Flags[0].Raw);
        Assert.Equal(["echo $DIR"], run.Args);
    }

    [Fact]
    public void Copy_sources_destination_and_chown_are_expanded_but_not_from()
    {
        ExpandedInstruction copy = ExpandLine3("COPY --from=0 --chown=$USER_ID:$USER_ID --chmod=755 src/$NAME \"$DIR/\"");

        Assert.True(copy.IsExpanded);
        Assert.Equal(["src/my app", "/app/"], copy.Args);
        Assert.Equal("1000:1000", copy.GetFlag("chown"));
        Assert.Equal("0", copy.GetFlag("from"));
    }

    [Fact]
    public void Copy_json_form_is_expanded_too()
    {
        Assert.Equal(["a b", "/app"], ExpandLine3("COPY [\"a b\", \"$DIR\"]").Args);
    }

    [Fact]
    public void Env_and_label_triples_keep_their_shape()
    {
        ExpandedInstruction label = ExpandLine3("LABEL org.example.dir=$DIR \"port\"=\"${PORT}\"");

        Assert.Equal(label.Instruction.Args.Length, label.Args.Length);
        Assert.Equal("/app", label.Args[1]);
        Assert.Equal("port", label.Args[3]);
        Assert.Equal("8080", label.Args[4]);
        Assert.Equal("=", label.Args[5]);
    }

    [Theory]
    [InlineData("WORKDIR $DIR/src", new[] { "/app/src" })]
    [InlineData("USER ${USER_ID}:0", new[] { "1000:0" })]
    [InlineData("VOLUME $DIR /data", new[] { "/app", "/data" })]
    [InlineData("VOLUME [\"$DIR\"]", new[] { "/app" })]
    [InlineData("STOPSIGNAL ${SIG:-SIGTERM}", new[] { "SIGTERM" })]
    [InlineData("EXPOSE $PORT 9000/udp", new[] { "8080", "9000/udp" })]
    public void Single_word_instructions_are_expanded(string line, string[] expected)
    {
        Assert.Equal(expected, ExpandLine3(line).Args);
    }

    [Fact]
    public void Expose_splits_a_variable_holding_several_ports()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ENV PORTS="80 443"
            EXPOSE $PORTS
            """);

        Assert.Equal(["80", "443"], definition.At(3).Expanded.Args);
    }

    [Fact]
    public void Copy_heredoc_body_is_expanded_unless_the_delimiter_is_quoted()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ENV DIR=/app
            COPY <<EOF <<'RAW' $DIR/
            cd "$DIR"
            EOF
            cd "$DIR"
            RAW
            """);

        ExpandedInstruction copy = definition.At(3).Expanded;
        Assert.Equal(["<<EOF", "<<'RAW'", "/app/"], copy.Args);
        Assert.Equal("cd \"/app\"\n", copy.Heredocs[0].Body);
        Assert.Equal("cd \"$DIR\"\n", copy.Heredocs[1].Body);
    }

    [Fact]
    public void Run_heredoc_body_is_left_to_the_shell()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            RUN <<EOF
            echo $HOME
            EOF
            """);

        Assert.Equal("echo $HOME\n", Assert.Single(definition.At(2).Expanded.Heredocs).Body);
    }

    [Fact]
    public void Backtick_escape_directive_is_used_for_expansion()
    {
        BuildDefinition definition = Define("""
            # escape=`
            FROM mcr.microsoft.com/windows/servercore
            ENV DIR=C:\app
            WORKDIR $DIR\bin
            COPY `$DIR /x
            """);

        Assert.Equal(@"C:\app\bin", definition.At(4).Expanded.Args[0]);
        Assert.Equal("$DIR", definition.At(5).Expanded.Args[0]);
    }

    [Fact]
    public void Required_variable_error_in_a_built_stage_is_an_error_diagnostic()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ARG VERSION
            ADD https://example.com/app-${VERSION:?set_VERSION}.tar.gz /opt/
            """);

        Diagnostic diagnostic = definition.Single(BuildDiagnosticCodes.RequiredVariable);
        Assert.Equal((DiagnosticSeverity.Error, 3), (diagnostic.Severity, diagnostic.Start.Line));
        Assert.Contains("VERSION: set_VERSION", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(definition.At(3).Expanded.Succeeded);
    }

    [Fact]
    public void Required_variable_is_satisfied_by_a_build_arg()
    {
        BuildDefinition definition = Define("""
            FROM alpine
            ARG VERSION
            ADD https://example.com/app-${VERSION:?}.tar.gz /opt/
            """, WithArgs(("VERSION", "1.2")));

        Assert.Empty(definition.Diagnostics);
        Assert.Equal("https://example.com/app-1.2.tar.gz", definition.At(3).Expanded.Args[0]);
    }

    [Fact]
    public void Required_variable_error_in_an_unbuilt_stage_is_a_warning()
    {
        BuildDefinition definition = Define("""
            FROM alpine AS unused
            WORKDIR ${NOPE:?}
            FROM alpine
            """);

        Assert.Equal(DiagnosticSeverity.Warning, definition.Single(BuildDiagnosticCodes.RequiredVariable).Severity);
    }

    [Fact]
    public void Required_variable_in_from_is_an_error_always()
    {
        BuildDefinition definition = Define("""
            ARG BASE
            FROM ${BASE:?required}
            """);

        Diagnostic diagnostic = definition.Single(BuildDiagnosticCodes.RequiredVariable);
        Assert.Equal((DiagnosticSeverity.Error, 2), (diagnostic.Severity, diagnostic.Start.Line));
        Assert.Equal("failed to process \"${BASE:?required}\": BASE: required", diagnostic.Message);
    }

    [Fact]
    public void Bad_substitution_is_an_expansion_error()
    {
        BuildDefinition definition = Define("FROM alpine\nWORKDIR ${DIR:=x}\n");

        Assert.Contains("unsupported modifier", definition.Single(BuildDiagnosticCodes.ExpansionError).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expander_can_be_used_directly_with_any_environment()
    {
        DockerfileSyntax syntax = DockerfileParser.Parse("WORKDIR $A/$B\n");
        Instruction workdir = Assert.Single(syntax.Instructions);

        ExpandedInstruction expanded = InstructionExpander.Expand(
            workdir,
            Headroom.Dockerfiles.Expansion.VariableEnvironment.Empty.Set("A", "/x"),
            Headroom.Dockerfiles.Expansion.WordExpander.Default);

        Assert.Equal(["/x/"], expanded.Args);
        Assert.Equal(["B"], expanded.Unmatched);
        Assert.Equal(["A"], expanded.Matched);
    }
}
