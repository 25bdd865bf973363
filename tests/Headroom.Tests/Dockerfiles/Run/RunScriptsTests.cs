using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Shell.Invocations;
using Headroom.Text;

namespace Headroom.Tests.Dockerfiles.Run;

public sealed class RunScriptsTests
{
    [Fact]
    public void A_continued_command_line_maps_each_word_back_to_its_source_line()
    {
        const string text = "FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl \\\n      git\n";
        (DockerfileSyntax syntax, Instruction run) = ParseRun(text);

        RunScript script = Assert.Single(RunScripts.Analyze(run));

        Assert.Equal(RunScriptOrigin.CommandLine, script.Origin);
        AptInvocation install = Assert.Single(script.Script.InvocationsOf<AptInvocation>(), a => a.Packages.Length > 0);
        Assert.Equal(["curl", "git"], install.Packages.Select(p => p.Name));
        TextSpan git = script.ToSourceSpan(install.Packages[1].Span);
        Assert.Equal("git", syntax.Source.ToString(git));
        Assert.Equal(4, syntax.Source.GetPosition(git.Start).Line);
    }

    [Fact]
    public void A_heredoc_alone_is_the_script_and_maps_into_its_body()
    {
        const string text = "FROM python:3.12-slim\nRUN <<EOF\nset -e\npip install torch\nEOF\n";
        (DockerfileSyntax syntax, Instruction run) = ParseRun(text);

        RunScript script = Assert.Single(RunScripts.Analyze(run));

        Assert.Equal(RunScriptOrigin.Heredoc, script.Origin);
        PipInvocation pip = Assert.Single(script.Script.InvocationsOf<PipInvocation>());
        PackageOperand torch = Assert.Single(pip.Packages);
        TextSpan span = script.ToSourceSpan(torch.Span);
        Assert.Equal("torch", syntax.Source.ToString(span));
        Assert.Equal(new LinePosition(4, 13), syntax.Source.GetPosition(span.Start));
    }

    [Fact]
    public void A_heredoc_read_by_bash_is_analysed_next_to_the_command_line()
    {
        const string text = "FROM debian\nRUN bash -e <<'EOF'\napt-get clean\nEOF\n";
        (_, Instruction run) = ParseRun(text);

        IReadOnlyList<RunScript> scripts = RunScripts.Analyze(run);

        Assert.Equal([RunScriptOrigin.CommandLine, RunScriptOrigin.Heredoc], scripts.Select(s => s.Origin));
        Assert.Equal(AptAction.Clean, Assert.Single(scripts[1].Script.InvocationsOf<AptInvocation>()).Action);
    }

    [Fact]
    public void A_heredoc_for_python_is_not_shell()
    {
        const string text = "FROM python:3.12\nRUN python3 <<EOF\nimport os\nos.remove('pip install torch')\nEOF\n";
        (_, Instruction run) = ParseRun(text);

        RunScript script = Assert.Single(RunScripts.Analyze(run));

        Assert.Equal(RunScriptOrigin.CommandLine, script.Origin);
        Assert.Empty(script.Script.InvocationsOf<PipInvocation>());
    }

    [Fact]
    public void The_exec_form_becomes_one_command_with_its_words()
    {
        const string text = "FROM python:3.12\nRUN [\"pip\", \"install\", \"--no-cache-dir\", \"it's\"]\n";
        (_, Instruction run) = ParseRun(text);

        RunScript script = Assert.Single(RunScripts.Analyze(run));

        Assert.Equal(RunScriptOrigin.ExecForm, script.Origin);
        PipInvocation pip = Assert.Single(script.Script.InvocationsOf<PipInvocation>());
        Assert.True(pip.NoCacheDir);
        Assert.Equal("it's", Assert.Single(pip.Packages).Word.Value);
    }

    [Fact]
    public void Env_from_the_build_model_reaches_the_script()
    {
        const string text = "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n";
        DockerfileSyntax syntax = DockerfileParser.Parse(text);
        BuildDefinition build = BuildDefinition.Create(syntax);
        BuildInstruction run = build.Instructions.Single(i => i.Instruction.Name == InstructionNames.Run);

        var environment = build.GetRunEnvironment(run).Pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
        RunScript withEnv = Assert.Single(RunScripts.Analyze(run.Instruction, environment));
        RunScript without = Assert.Single(RunScripts.Analyze(run.Instruction));

        Assert.True(Assert.Single(withEnv.Script.InvocationsOf<PipInvocation>()).CacheDisabledByEnvironment);
        Assert.False(Assert.Single(without.Script.InvocationsOf<PipInvocation>()).CacheDisabledByEnvironment);
    }

    private static (DockerfileSyntax Syntax, Instruction Run) ParseRun(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text);
        Assert.False(syntax.HasErrors);
        return (syntax, syntax.Instructions.Single(i => i.Name == InstructionNames.Run));
    }
}
