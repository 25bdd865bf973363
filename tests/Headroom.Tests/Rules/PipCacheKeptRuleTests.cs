using Headroom.Rules;
using Headroom.Rules.Dockerfile;

namespace Headroom.Tests.Rules;

public sealed class PipCacheKeptRuleTests
{
    private static readonly PipCacheKeptRule Rule = new();

    [Theory]
    [InlineData("FROM python:3.11-slim\nRUN pip install -r requirements.txt\n", 2)]
    [InlineData("FROM python:3.11-slim\nRUN python3 -m pip install torch\n", 2)]
    [InlineData("FROM python:3.11-slim\nRUN pip3.11 install torch\n", 2)]
    [InlineData("FROM python:3.11-slim\nRUN uv pip install --system torch\n", 2)]
    [InlineData("FROM python:3.11-slim\nRUN apt-get update \\\n && pip install torch\n", 3)]
    [InlineData("FROM python:3.11-slim\nRUN <<EOF\nset -e\npip install torch\nEOF\n", 4)]
    [InlineData("FROM python:3.11-slim\nRUN [\"pip\", \"install\", \"torch\"]\n", 2)]
    [InlineData("FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/uv pip install torch\n", 2)]
    [InlineData("FROM python:3.11-slim\nRUN pip install torch && rm -rf /root/.cache/uv\n", 2)]
    [InlineData("FROM python:3.11-slim\nRUN pip cache purge && pip install torch\n", 2)]
    [InlineData("FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=\nRUN pip install torch\n", 3)]
    [InlineData("FROM python:3.11-slim\nRUN uv pip install --system torch && pip cache purge\n", 2)]
    [InlineData("FROM python:3.11-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/root/.cache/pip pip install torch\n", 3)]
    [InlineData("FROM python:3.11-slim\nRUN PIP_NO_CACHE_DIR=1 true && pip install torch\n", 2)]
    public void Fires_on_an_install_that_keeps_its_cache(string dockerfile, int line)
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);
        Assert.Equal("DF004", finding.Rule.Id);
        Assert.Equal(line, finding.Start.Line);
    }

    [Theory]
    [InlineData("FROM python:3.11-slim\nRUN pip install --no-cache-dir torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN pip install --no-cache torch\n")] // optparse accepts the unambiguous prefix
    [InlineData("FROM python:3.11-slim\nRUN uv pip install --no-cache --system torch\n")]
    [InlineData("FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install torch\n")] // pip disables the cache for false values too (pip #5884)
    [InlineData("FROM python:3.11-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN PIP_NO_CACHE_DIR=1 pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nENV UV_NO_CACHE=1\nRUN uv pip install --system torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install --system torch\n")]
    [InlineData("FROM python:3.11-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nARG CACHE=/root/.cache/pip\nRUN --mount=type=cache,target=$CACHE pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nENV XDG_CACHE_HOME=/xdg\nRUN --mount=type=cache,target=/xdg/pip pip install torch\n")]
    [InlineData("FROM python:3.11-slim\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install --user torch\n")]
    [InlineData("FROM python:3.11-slim\nRUN pip install torch && pip cache purge\n")]
    [InlineData("FROM python:3.11-slim\nRUN pip install torch && rm -rf ~/.cache/pip\n")]
    [InlineData("FROM python:3.11-slim\nRUN pip install torch && rm -rf /root/.cache\n")]
    [InlineData("FROM python:3.11-slim\nRUN pip install torch && rm -rf $HOME/.cache/pip\n")]
    [InlineData("FROM python:3.11-slim\nRUN uv pip install --system torch && uv cache clean\n")]
    [InlineData("FROM python:3.11-slim\nRUN pip --version && pip freeze && pip download torch -d /wheels --no-cache-dir\n")]
    [InlineData("FROM python:3.11-slim\nRUN pipx install black && pipenv install\n")]
    [InlineData("FROM python:3.11-slim\n# pip install torch\nRUN echo pip install torch\n")]
    public void Does_not_fire_when_the_cache_stays_out_of_the_layer(string dockerfile) =>
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", dockerfile)).Findings);

    [Fact]
    public void The_fix_inserts_the_flag_after_install_and_keeps_every_other_byte()
    {
        const string Before = "\uFEFFFROM python:3.11-slim\r\n# keep me\r\nRUN python -m pip install \\\r\n\t-r requirements.txt \\\r\n\t&& uv pip install --system black\r\n";
        const string After = "\uFEFFFROM python:3.11-slim\r\n# keep me\r\nRUN python -m pip install --no-cache-dir \\\r\n\t-r requirements.txt \\\r\n\t&& uv pip install --no-cache --system black\r\n";

        Assert.Equal(After, RuleHarness.FixOne(Rule, "Dockerfile", Before));
        Assert.Empty(RuleHarness.Fix(Rule, ("Dockerfile", After)));
        Assert.Empty(RuleHarness.Check(Rule, ("Dockerfile", After)).Findings);
    }

    [Fact]
    public void The_exec_form_and_nested_shells_get_no_fix()
    {
        CheckResult result = RuleHarness.Check(Rule, ("Dockerfile", "FROM python:3.11-slim\nRUN [\"pip\", \"install\", \"torch\"]\nRUN sh -c 'pip install torch'\n"));
        Assert.Equal(2, result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void The_message_names_the_cache_directory_in_effect()
    {
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("Dockerfile", "FROM python:3.11-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN pip install torch\n")).Findings);
        Assert.Contains("/pipcache", finding.Message, StringComparison.Ordinal);
        Assert.Contains("--no-cache-dir", finding.Message, StringComparison.Ordinal);
    }
}
