using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class ContextCopyBeforeDepsRuleTests
{
    private static readonly ContextCopyBeforeDepsRule Rule = new();

    [Theory]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n", 3)]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nADD . /app\nRUN pip install --no-cache-dir .\n", 3)]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY . ./\nRUN npm ci\n", 3)]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY * ./\nRUN yarn install --frozen-lockfile\n", 3)]
    [InlineData("FROM python:3.12-slim\nCOPY --chown=app . /src\nRUN cd /src && poetry install --no-root\n", 2)]
    [InlineData("FROM python:3.12-slim\nCOPY . /src\nRUN uv sync --frozen\n", 2)]
    [InlineData("FROM python:3.12-slim\nCOPY backend /app\nRUN pip install -r /app/requirements.txt\n", 2)]
    [InlineData("FROM python:3.12-slim AS base\nCOPY . /app\nFROM base\nRUN pip install -r /app/requirements.txt\n", 2)]
    public void Fires_on_the_copy_of_the_context_that_comes_before_the_install(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("requirements.txt", "fastapi\n"), ("backend/requirements.txt", "fastapi\n")).Findings);
        Assert.Equal(line, finding.Start.Line);
        Assert.Null(finding.Fix);
        Assert.Single(finding.Related);
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n")]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install --no-deps .\n")]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install .\n")]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n")]
    [InlineData("FROM python:3.12-slim\nCOPY src /app/src\nRUN pip install -r /app/requirements.txt\n")]
    [InlineData("FROM python:3.12-slim\nCOPY . /app\nRUN python -m compileall /app\n")]
    [InlineData("FROM node:20 AS build\nCOPY . .\nRUN npm run build\nFROM python:3.12-slim\nCOPY --from=build /dist /dist\nRUN pip install fastapi\n")]
    [InlineData("FROM python:3.12-slim\nCOPY . /app\nRUN pip install fastapi uvicorn\n")]
    public void Does_not_fire_when_the_install_comes_first_reads_no_copied_manifest_or_is_not_a_dependency_install(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile), ("requirements.txt", "fastapi\n"), ("src/main.py", "print()\n")).Findings);

    [Fact]
    public void One_copy_is_reported_once_even_with_several_installs_after_it()
    {
        const string File = "FROM python:3.12-slim\nCOPY . /app\nRUN pip install -r /app/requirements.txt\nRUN pip install -r /app/requirements-dev.txt\n";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", File)).Findings);
        Assert.Equal(2, finding.Start.Line);
        Assert.Equal(3, Assert.Single(finding.Related).Line);
    }
}
