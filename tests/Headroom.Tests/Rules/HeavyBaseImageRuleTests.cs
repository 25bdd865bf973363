using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class HeavyBaseImageRuleTests
{
    private static readonly HeavyBaseImageRule Rule = new();

    [Theory]
    [InlineData("FROM python:3.12\nRUN pip install --no-cache-dir fastapi\n", 1, "python:3.12-slim")]
    [InlineData("FROM python:3.11-bookworm\nCOPY . /app\n", 1, "python:3.11-slim-bookworm")]
    [InlineData("FROM python:3.12.7\nCMD [\"python\"]\n", 1, "python:3.12.7-slim")]
    [InlineData("FROM nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04\nCMD [\"nvidia-smi\"]\n", 1, "nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04")]
    [InlineData("FROM nvidia/cuda:12.1.1-devel-ubuntu22.04\nRUN echo hi\n", 1, "nvidia/cuda:12.1.1-runtime-ubuntu22.04")]
    [InlineData("FROM pytorch/pytorch:2.5.1-cuda12.4-cudnn9-devel\nCMD [\"python\"]\n", 1, "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime")]
    [InlineData("FROM python:3.12 AS base\nRUN pip install fastapi\nFROM node:20 AS assets\nRUN echo build\nFROM base\nCOPY --from=assets /dist /dist\n", 1, "python:3.12-slim")]
    public void Fires_on_the_base_of_the_final_image_with_the_lighter_equivalent_and_the_bytes(string dockerfile, int line, string lighter)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Equal(line, finding.Start.Line);
        Assert.Contains(lighter, finding.Message, StringComparison.Ordinal);
        Assert.True(finding.BytesAtStake >= 500_000_000, $"{finding.BytesAtStake}");
        Assert.False(finding.BytesExact);
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN pip install fastapi\n")]
    [InlineData("FROM python:3.12-alpine\nRUN pip install fastapi\n")]
    [InlineData("FROM python:3.12 AS build\nRUN pip wheel -w /wheels numpy\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\n")]
    [InlineData("FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS build\nRUN nvcc -o /app main.cu\nFROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nCOPY --from=build /app /app\n")]
    [InlineData("FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\n")]
    [InlineData("FROM debian:bookworm\nRUN echo hi\n")]
    [InlineData("FROM registry.example.com/python:3.12\n")]
    public void Does_not_fire_on_slim_bases_builder_stages_or_unknown_images(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);

    [Fact]
    public void The_fix_switches_to_slim_when_the_stage_only_runs_pip_and_is_idempotent()
    {
        const string Before = "# syntax=docker/dockerfile:1\r\nFROM python:3.12 AS app\r\nWORKDIR /app\r\nRUN pip install --no-cache-dir fastapi && mkdir -p /data\r\nCMD [\"python\", \"-m\", \"app\"]\r\n";
        const string After = "# syntax=docker/dockerfile:1\r\nFROM python:3.12-slim AS app\r\nWORKDIR /app\r\nRUN pip install --no-cache-dir fastapi && mkdir -p /data\r\nCMD [\"python\", \"-m\", \"app\"]\r\n";
        Assert.Equal(After, RuleHarness.FixOne(Rule, "Dockerfile", Before));
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", After)));
        Assert.Equal("FROM python:3.11-slim-bookworm\n", RuleHarness.FixOne(Rule, "Dockerfile", "FROM python:3.11-bookworm\n"));
    }

    [Theory]
    [InlineData("FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n")]
    [InlineData("FROM python:3.12\nRUN gcc -o /bin/x x.c\n")]
    [InlineData("FROM python:3.12\nRUN pip install git+https://github.com/org/lib.git\n")]
    [InlineData("FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")]
    [InlineData("FROM python:3.12 AS base\nFROM base AS build\nRUN make\nFROM base\nRUN pip install fastapi\n")]
    [InlineData("ARG BASE=python:3.12\nFROM $BASE\n")]
    [InlineData("FROM nvidia/cuda:12.4.1-devel-ubuntu22.04\n")]
    public void There_is_no_fix_where_slim_lacks_what_the_stages_use_or_the_image_is_cuda(string dockerfile)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Null(finding.Fix);
    }
}
