using FsCheck;
using FsCheck.Fluent;
using Headroom.Dockerfiles;

namespace Headroom.Tests.Dockerfiles;

/// <summary>
/// Random and mutated Dockerfiles: the parser never throws, gives the input back byte for byte,
/// and its nodes partition the text.
/// </summary>
public sealed class ParserPropertyTests
{
    // Pieces that exercise every path of the lexer and parser, joined at random.
    private static readonly string[] Fragments =
    [
        "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "ONBUILD ", "CMD ", "HEALTHCHECK ",
        "ENTRYPOINT ", "SHELL ", "EXPOSE ", "VOLUME ", "WORKDIR ", "USER ", "MAINTAINER ", "STOPSIGNAL ",
        "from ", "Run ", "BOGUS ", "python:3.12-slim", " AS build", "--mount=type=cache,target=/root/.cache ",
        "--from=build ", "--", "-", "=", "a=b ", "k v", "\"q\"", "'s'", "[\"sh\", \"-c\"]", "[1]", "[", "]", "{", "}",
        "\\", "`", "\\\n", "`\n", "\\\r\n", "\n", "\r\n", "\r", " ", "\t", "  ", "#", "# c\n", "# escape=`\n",
        "# syntax=docker/dockerfile:1\n", "#!/bin/sh\n", "\uFEFF", "<<EOF", "<<-EOF", "<<'EOF'", "<<\"E\"", "3<<X",
        "EOF\n", "\tEOF\n", "X\n", "E\n", "$V", "${V:-x}", "é", "\u0000", "\\u0041", "CMD --doit -- [ ]\n",
    ];

    private static readonly Config Settings = Config.QuickThrowOnFailure.WithMaxTest(PropertyRuns.Of(3000));

    [Fact]
    public void Random_fragment_sequences_round_trip_and_never_throw()
    {
        Gen<string> text = Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));

        Prop.ForAll(text.ToArbitrary(), HoldsInvariants).Check(Settings);
    }

    [Fact]
    public void Arbitrary_strings_round_trip_and_never_throw()
    {
        Prop.ForAll<string>(s => HoldsInvariants(s ?? "")).Check(Settings);
    }

    [Fact]
    public void Mutated_conformance_files_round_trip_and_never_throw()
    {
        string[] seeds = [.. Directory.EnumerateFiles(
            ConformanceCorpus.Require(), "Dockerfile", SearchOption.AllDirectories)
            .Select(File.ReadAllText)];
        Assert.NotEmpty(seeds);

        Gen<string> mutated =
            from seed in Gen.Elements(seeds)
            from edits in Gen.Choose(1, 8).SelectMany(n => Gen.Choose(0, int.MaxValue).ListOf(n))
            from inserts in Gen.Elements(Fragments).ListOf(8)
            select Mutate(seed, [.. edits], [.. inserts]);

        Prop.ForAll(mutated.ToArbitrary(), HoldsInvariants).Check(Settings);
    }

    private static string Mutate(string seed, int[] edits, string[] inserts)
    {
        var text = new System.Text.StringBuilder(seed);
        for (int i = 0; i < edits.Length; i++)
        {
            int at = text.Length == 0 ? 0 : edits[i] % (text.Length + 1);
            switch (edits[i] % 3)
            {
                case 0:
                    text.Insert(at, inserts[i % inserts.Length]);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, Math.Min(1 + (edits[i] % 5), text.Length - at));
                    break;
                default:
                    text.Insert(at, "\n");
                    break;
            }
        }

        return text.ToString();
    }

    private static bool HoldsInvariants(string input)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(input, "prop");
        Assert.Equal(input, syntax.ToFullString());

        int expected = 0;
        foreach (DockerfileNode node in syntax.Nodes)
        {
            Assert.Equal(expected, node.Span.Start);
            Assert.True(node.Span.Length > 0, "empty node");
            expected = node.Span.End;
        }

        Assert.Equal(input.Length, expected);
        foreach (Instruction instruction in syntax.Instructions)
        {
            Assert.InRange(instruction.StartLine, 1, instruction.EndLine);
            for (int i = 0; i <= instruction.Body.Value.Length; i++)
            {
                Assert.InRange(instruction.Body.ToSourceOffset(i), 0, input.Length);
            }
        }

        foreach (var diagnostic in syntax.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.Start, 0, input.Length);
            Assert.True(diagnostic.Start.Line >= 1);
        }

        return true;
    }
}
