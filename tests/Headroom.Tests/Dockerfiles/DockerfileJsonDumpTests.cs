using System.Text.Json;
using Headroom.Dockerfiles;
using Headroom.Tests.Cli;

namespace Headroom.Tests.Dockerfiles;

public sealed class DockerfileJsonDumpTests
{
    private const string Sample = "# syntax=docker/dockerfile:1\nFROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nRUN --mount=type=cache,target=/root/.cache \\\n    pip install -r requirements.txt\nCOPY <<EOF /app/config.ini\n[main]\nEOF\nONBUILD RUN echo hi\nCMD [\"python\", \"-m\", \"app\"]\n";

    [Fact]
    public void Json_dump_has_the_documented_shape()
    {
        using JsonDocument doc = JsonDocument.Parse(DockerfileJsonDump.ToJson(DockerfileParser.Parse(Sample)));
        JsonElement root = doc.RootElement;

        Assert.Equal("schemaVersion", root.EnumerateObject().First().Name);
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("docker/dockerfile:1", root.GetProperty("directives").GetProperty("syntax").GetString());
        JsonElement[] instructions = [.. root.GetProperty("instructions").EnumerateArray()];
        Assert.Equal(6, instructions.Length);

        JsonElement run = instructions[2];
        Assert.Equal("run", run.GetProperty("instruction").GetString());
        Assert.Equal(4, run.GetProperty("line").GetInt32());
        Assert.Equal(5, run.GetProperty("endLine").GetInt32());
        Assert.Equal(["--mount=type=cache,target=/root/.cache"], run.GetProperty("flags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["pip install -r requirements.txt"], run.GetProperty("args").EnumerateArray().Select(e => e.GetString()));
        Assert.False(run.GetProperty("json").GetBoolean());

        JsonElement heredoc = instructions[3].GetProperty("heredocs").EnumerateArray().Single();
        Assert.Equal("EOF", heredoc.GetProperty("name").GetString());
        Assert.Equal("[main]\n", heredoc.GetProperty("body").GetString());
        Assert.True(heredoc.GetProperty("expand").GetBoolean());
        Assert.False(heredoc.GetProperty("stripTabs").GetBoolean());
        Assert.Equal((6, 8), (instructions[3].GetProperty("line").GetInt32(), instructions[3].GetProperty("endLine").GetInt32()));

        JsonElement onbuild = instructions[4];
        Assert.Empty(onbuild.GetProperty("args").EnumerateArray());
        Assert.Equal("run", onbuild.GetProperty("inner").GetProperty("instruction").GetString());
        Assert.Equal(["echo hi"], onbuild.GetProperty("inner").GetProperty("args").EnumerateArray().Select(e => e.GetString()));
        Assert.False(run.TryGetProperty("inner", out _));

        Assert.True(instructions[5].GetProperty("json").GetBoolean());
        Assert.Equal(["python", "-m", "app"], instructions[5].GetProperty("args").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Json_args_are_the_sexp_args()
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(Sample);
        using JsonDocument doc = JsonDocument.Parse(DockerfileJsonDump.ToJson(syntax));

        string[][] fromJson = [.. doc.RootElement.GetProperty("instructions").EnumerateArray()
            .Select(i => i.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray())];
        Assert.Equal(syntax.Instructions.Select(i => i.Args.ToArray()), fromJson);
    }

    [Fact]
    public void Warnings_are_listed_and_do_not_fail_the_cli()
    {
        using var file = new TempFile("FROM a\nRUN a \\\n\n b\n");

        CliResult result = CliRunner.Run("dockerfile", "dump", file.Path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Out);
        JsonElement warning = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal("no-empty-continuation", warning.GetProperty("code").GetString());
        Assert.Equal(3, warning.GetProperty("line").GetInt32());
        Assert.StartsWith("headroom: warning: ", result.Error, StringComparison.Ordinal);
    }
}
