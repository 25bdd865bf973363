using Headroom.Shell;

namespace Headroom.Tests.Shell;

public sealed class ShellEnvironmentTests
{
    private static SimpleCommand Last(string text) => ShellScript.Analyze(text).Commands[^1];

    [Fact]
    public void Prefix_assignment_is_exported_to_its_command_only()
    {
        ShellScript script = ShellScript.Analyze("PIP_NO_CACHE_DIR=1 pip install x && pip install y");
        ShellVariable variable = script.Commands[0].Environment.Find("PIP_NO_CACHE_DIR")!;
        Assert.Equal("1", variable.Value);
        Assert.True(variable.IsExported);
        Assert.True(variable.IsCommandPrefix);
        Assert.Null(script.Commands[1].Environment.Find("PIP_NO_CACHE_DIR"));
    }

    [Fact]
    public void Export_reaches_later_commands()
    {
        ShellVariable variable = Last("export PIP_NO_CACHE_DIR=1 && pip install x").Environment.Find("PIP_NO_CACHE_DIR")!;
        Assert.Equal("1", variable.Value);
        Assert.True(variable.IsExported);
        Assert.False(variable.IsCommandPrefix);
    }

    [Fact]
    public void Plain_assignment_is_set_but_not_exported()
    {
        SimpleCommand pip = Last("PIP_NO_CACHE_DIR=off; pip install x");
        Assert.Equal("off", pip.Environment.Find("PIP_NO_CACHE_DIR")!.Value);
        Assert.False(pip.Environment.IsExported("PIP_NO_CACHE_DIR"));
    }

    [Fact]
    public void Assignment_then_export_without_value_exports_it()
    {
        ShellVariable variable = Last("PIP_NO_CACHE_DIR=1; export PIP_NO_CACHE_DIR; pip install x").Environment.Find("PIP_NO_CACHE_DIR")!;
        Assert.Equal("1", variable.Value);
        Assert.True(variable.IsExported);
    }

    [Fact]
    public void Set_a_exports_later_assignments()
    {
        Assert.True(Last("set -a; PIP_NO_CACHE_DIR=1; set +a; pip install x").Environment.IsExported("PIP_NO_CACHE_DIR"));
        Assert.True(Last("set -eux -o allexport; A=1; pip").Environment.IsExported("A"));
    }

    [Fact]
    public void Declare_x_exports_and_unset_removes()
    {
        Assert.True(Last("declare -x A=1; cmd").Environment.IsExported("A"));
        Assert.False(Last("declare A=1; cmd").Environment.IsExported("A"));
        SimpleCommand afterUnset = Last("export A=1; unset A; cmd");
        Assert.Null(afterUnset.Environment.Find("A"));
        Assert.True(afterUnset.Environment.IsUnset("A"));
    }

    [Fact]
    public void Export_n_unexports()
    {
        Assert.False(Last("export A=1; export -n A; cmd").Environment.IsExported("A"));
    }

    [Fact]
    public void Dynamic_value_is_null_but_the_variable_is_set()
    {
        ShellVariable variable = Last("export PIP_INDEX_URL=\"$TORCH_INDEX\"; pip install torch").Environment.Find("PIP_INDEX_URL")!;
        Assert.Null(variable.Value);
        Assert.True(variable.IsExported);
    }

    [Fact]
    public void Subshell_and_pipeline_assignments_do_not_leak()
    {
        Assert.Null(Last("(export A=1); cmd").Environment.Find("A"));
        Assert.Null(Last("export A=1 | cat; cmd").Environment.Find("A"));
        Assert.Null(Last("X=$(export A=1; echo); cmd").Environment.Find("A"));
        Assert.NotNull(Last("{ export A=1; }; cmd").Environment.Find("A"));
    }

    [Fact]
    public void Env_wrapper_assignments_are_in_the_command_environment()
    {
        ShellVariable variable = Last("env PIP_NO_CACHE_DIR=1 pip install x").Environment.Find("PIP_NO_CACHE_DIR")!;
        Assert.True(variable.IsExported);
        Assert.True(variable.IsCommandPrefix);
    }

    [Fact]
    public void Append_assignment_concatenates_known_values()
    {
        Assert.Equal("a b", Last("F=a; F+=' b'; cmd").Environment.Find("F")!.Value);
    }

    [Fact]
    public void Assignment_only_commands_are_commands_with_assignments()
    {
        SimpleCommand command = ShellScript.Analyze("A=1 B=\"two words\"").Commands[0];
        Assert.True(command.IsAssignmentOnly);
        Assert.Equal(["A", "B"], command.Assignments.Select(a => a.Name));
        Assert.Equal("two words", command.Assignments[1].Value);
        Assert.Equal("\"two words\"", command.Assignments[1].RawValue);
        Assert.Null(command.CommandWord);
    }

    [Fact]
    public void Initial_environment_is_seen_and_can_be_unset()
    {
        ShellEnvironment dockerfileEnv = ShellEnvironment.FromExported([new("PIP_NO_CACHE_DIR", "1")]);
        ShellScript script = ShellScript.Analyze("pip install a && unset PIP_NO_CACHE_DIR && pip install b", dockerfileEnv);
        ShellVariable inherited = script.Commands[0].Environment.Find("PIP_NO_CACHE_DIR")!;
        Assert.True(inherited.IsInherited);
        Assert.True(inherited.IsExported);
        Assert.Equal(
            [true, false],
            script.InvocationsOf<Headroom.Shell.Invocations.PipInvocation>().Select(p => p.CacheDisabledByEnvironment));
    }

    [Fact]
    public void Assignment_to_an_inherited_exported_variable_stays_exported()
    {
        ShellEnvironment env = ShellEnvironment.FromExported([new("PIP_INDEX_URL", null)]);
        ShellVariable variable = ShellScript.Analyze("PIP_INDEX_URL=https://x/simple; pip install torch", env).Commands[^1].Environment.Find("PIP_INDEX_URL")!;
        Assert.True(variable.IsExported);
        Assert.False(variable.IsInherited);
        Assert.Equal("https://x/simple", variable.Value);
    }
}
