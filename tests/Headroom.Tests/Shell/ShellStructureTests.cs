using Headroom.Shell;

namespace Headroom.Tests.Shell;

public sealed class ShellStructureTests
{
    [Fact]
    public void Control_operators_are_recorded_before_and_after_each_command()
    {
        ShellScript script = ShellScript.Analyze("a && b || c; d | e & f\ng");
        Assert.Equal(
            [ShellOperator.None, ShellOperator.And, ShellOperator.Or, ShellOperator.Semicolon, ShellOperator.Pipe, ShellOperator.Background, ShellOperator.Newline],
            script.Commands.Select(c => c.PrecedingOperator));
        Assert.Equal(
            [ShellOperator.And, ShellOperator.Or, ShellOperator.Semicolon, ShellOperator.Pipe, ShellOperator.Background, ShellOperator.Newline, ShellOperator.None],
            script.Commands.Select(c => c.FollowingOperator));
    }

    [Fact]
    public void Only_the_right_side_of_or_is_conditional()
    {
        ShellScript script = ShellScript.Analyze("apt-get update || true && apt-get install -y curl");
        Assert.Equal([false, true, false], script.Commands.Select(c => c.IsConditional));
    }

    [Fact]
    public void Pipelines_and_background_are_marked()
    {
        ShellScript script = ShellScript.Analyze("curl -sSL https://x | sh; sleep 10 &");
        Assert.True(script.Commands[0].IsIn(ShellCommandContext.Pipeline));
        Assert.True(script.Commands[1].IsIn(ShellCommandContext.Pipeline));
        Assert.True(script.Commands[2].IsIn(ShellCommandContext.Background));
        Assert.False(script.Commands[2].IsIn(ShellCommandContext.Pipeline));
    }

    [Fact]
    public void Negation_is_recorded()
    {
        ShellScript script = ShellScript.Analyze("! grep -q x f && echo missing");
        Assert.True(script.Commands[0].IsNegated);
        Assert.False(script.Commands[1].IsNegated);
    }

    [Fact]
    public void If_elif_else_commands_are_found_with_their_context()
    {
        ShellScript script = ShellScript.Analyze(
            "if [ \"$TARGETARCH\" = amd64 ]; then pip install torch; elif test -f x; then echo x; else echo other; fi && echo after");
        Assert.Equal(["[", "pip", "test", "echo", "echo", "echo"], script.Commands.Select(c => c.Words[0].Value));
        Assert.Equal([false, true, true, true, true, false], script.Commands.Select(c => c.IsConditional));
        Assert.True(script.Commands[0].IsIn(ShellCommandContext.IfCondition));
        Assert.True(script.Commands[1].IsIn(ShellCommandContext.IfBranch));
        Assert.Equal(ShellCommandContext.None, script.Commands[5].Context);
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Loops_find_commands_in_header_condition_and_body()
    {
        ShellScript script = ShellScript.Analyze(
            "for f in $(ls /req); do pip install -r $f; done; while read -r line; do echo \"$line\"; done < list.txt; until false; do break; done");
        Assert.Equal(["ls", "pip", "read", "echo", "false", "break"], script.Commands.Select(c => c.Words[0].Value));
        Assert.False(script.Commands[0].IsConditional);
        Assert.True(script.Commands[1].IsIn(ShellCommandContext.LoopBody));
        Assert.True(script.Commands[1].IsConditional);
        Assert.True(script.Commands[2].IsIn(ShellCommandContext.LoopCondition));
        Assert.False(script.Commands[2].IsConditional);
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Arithmetic_for_loop_header_is_skipped()
    {
        ShellScript script = ShellScript.Analyze("for ((i=0; i<3; i++)); do echo $i; done");
        Assert.Equal([["echo", "$i"]], script.Words());
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Case_arms_are_conditional()
    {
        ShellScript script = ShellScript.Analyze(
            "case \"$TARGETPLATFORM\" in\n  linux/amd64) ARCH=x86_64 ;;\n  linux/arm64|linux/arm64/v8) ARCH=aarch64 ;;\n  (*) echo unsupported; exit 1 ;;\nesac\necho $ARCH");
        Assert.Equal(5, script.Commands.Length);
        Assert.All(script.Commands.Take(4), c => Assert.True(c.IsIn(ShellCommandContext.CaseArm)));
        Assert.All(script.Commands.Take(4), c => Assert.True(c.IsConditional));
        Assert.False(script.Commands[4].IsConditional);
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Subshells_and_groups_are_entered()
    {
        ShellScript script = ShellScript.Analyze("(cd /src && make) && { echo a; echo b; } > log");
        Assert.Equal(["cd", "make", "echo", "echo"], script.Commands.Select(c => c.Words[0].Value));
        Assert.True(script.Commands[1].IsIn(ShellCommandContext.Subshell));
        Assert.True(script.Commands[3].IsIn(ShellCommandContext.BraceGroup));
        Assert.Equal(ShellOperator.And, script.Commands[2].PrecedingOperator);
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Function_bodies_are_conditional()
    {
        ShellScript script = ShellScript.Analyze("cleanup() { rm -rf /tmp/x; }\nfunction other { echo hi; }\ncleanup");
        Assert.Equal(["rm", "echo", "cleanup"], script.Commands.Select(c => c.Words[0].Value));
        Assert.True(script.Commands[0].IsIn(ShellCommandContext.Function));
        Assert.True(script.Commands[0].IsConditional);
        Assert.False(script.Commands[2].IsConditional);
    }

    [Fact]
    public void Command_substitutions_run_before_their_command()
    {
        ShellScript script = ShellScript.Analyze("pip install \"torch==$(cat /v.txt)\" `echo numpy`");
        Assert.Equal(["cat", "echo", "pip"], script.Commands.Select(c => c.Words[0].Value));
        Assert.True(script.Commands[0].IsIn(ShellCommandContext.CommandSubstitution));
        Assert.Equal([0, 1, 2], script.Commands.Select(c => c.Index));
    }

    [Fact]
    public void Nested_command_substitution_with_case_inside()
    {
        ShellScript script = ShellScript.Analyze("X=$(case $a in x) echo 1;; esac) && echo $(echo $(uname -m))");
        Assert.Equal(["echo", "uname", "echo", "echo"], script.Commands.Where(c => !c.IsAssignmentOnly).Select(c => c.Words[0].Value));
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Arithmetic_that_is_really_a_subshell_in_a_substitution()
    {
        ShellScript script = ShellScript.Analyze("echo $((cd /x && ls) | wc -l)");
        Assert.Equal(["cd", "ls", "wc", "echo"], script.Commands.Select(c => c.Words[0].Value));
        Assert.Empty(script.Diagnostics);
    }

    [Fact]
    public void Redirections_are_not_arguments()
    {
        ShellScript script = ShellScript.Analyze("pip install x > /dev/null 2>&1 && apt-get install -y curl &>/dev/null <in");
        SimpleCommand pip = script.Commands[0];
        Assert.Equal(["pip", "install", "x"], pip.Words.Select(w => w.Value));
        Assert.Equal([RedirectionOperator.Output, RedirectionOperator.DuplicateOutput], pip.Redirections.Select(r => r.Operator));
        Assert.Equal(2, pip.Redirections[1].FileDescriptor);
        Assert.Equal("1", pip.Redirections[1].Target!.Value);
        Assert.Equal("2>&1", script.At(pip.Redirections[1].Span));
        Assert.Equal(3, script.Commands[1].Words.Length + 0 - 1);
        Assert.Equal([RedirectionOperator.OutputAndError, RedirectionOperator.Input], script.Commands[1].Redirections.Select(r => r.Operator));
    }

    [Fact]
    public void A_number_glued_to_a_word_is_not_a_descriptor()
    {
        ShellScript script = ShellScript.Analyze("echo a2>f 2 >g");
        Assert.Equal(["echo", "a2", "2"], script.Commands[0].Words.Select(w => w.Value));
        Assert.Equal([null, null], script.Commands[0].Redirections.Select(r => r.FileDescriptor));
    }

    [Fact]
    public void Command_span_covers_assignments_words_and_redirections()
    {
        const string text = "  A=1 pip install x >log  && b";
        ShellScript script = ShellScript.Analyze(text);
        Assert.Equal("A=1 pip install x >log", script.At(script.Commands[0].Span));
    }

    [Fact]
    public void Wrappers_are_skipped_to_find_the_program()
    {
        Assert.Equal("pip", ShellScript.Analyze("sudo -E -u root pip install x").Commands[0].CommandName);
        Assert.Equal("pip", ShellScript.Analyze("env -i PIP_NO_CACHE_DIR=1 pip install x").Commands[0].CommandName);
        Assert.Equal("apt-get", ShellScript.Analyze("timeout -s KILL 300 apt-get update").Commands[0].CommandName);
        Assert.Equal("/usr/bin/pip3", ShellScript.Analyze("exec nice -n 10 /usr/bin/pip3 install x").Commands[0].CommandName);
        Assert.Equal("pip3", ShellScript.Analyze("exec nice -n 10 /usr/bin/pip3 install x").Commands[0].CommandBaseName);
        Assert.Equal("npm", ShellScript.Analyze("gosu node npm ci").Commands[0].CommandName);
        Assert.Equal("command", ShellScript.Analyze("command -v pip").Commands[0].CommandName);
        Assert.Equal("apt-get", ShellScript.Analyze("xargs -r -a packages.txt apt-get install -y").Commands[0].CommandName);
    }

    [Fact]
    public void Redirection_only_command_has_no_words_and_is_not_an_assignment()
    {
        SimpleCommand command = ShellScript.Analyze("> /etc/apt/apt.conf.d/99norecommends").Commands.Single();
        Assert.Empty(command.Words);
        Assert.False(command.IsAssignmentOnly);
        Assert.Null(command.CommandName);
        Assert.Equal("/etc/apt/apt.conf.d/99norecommends", command.Redirections.Single().Target!.Value);
    }
}
