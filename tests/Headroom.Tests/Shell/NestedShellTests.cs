using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Tests.Shell;

public sealed class NestedShellTests
{
    [Fact]
    public void Single_quoted_script_maps_spans_to_the_outer_string()
    {
        const string text = "sh -c 'apt-get update && apt-get install -y curl'";
        ShellScript script = ShellScript.Analyze(text);
        Assert.Equal(3, script.Commands.Length);
        SimpleCommand install = script.Commands[2];
        Assert.Equal("apt-get install -y curl", script.At(install.Span));
        Assert.Equal("curl", script.At(install.Words[3].Span));
        Assert.Equal(ShellOperator.And, install.PrecedingOperator);
        Assert.Same(script.Commands[0].Words[2], install.Origin);
    }

    [Fact]
    public void Double_quoted_script_with_escapes_maps_each_character()
    {
        const string text = "bash -c \"pip install \\\"numpy<2\\\" torch\"";
        ShellScript script = ShellScript.Analyze(text);
        SimpleCommand pip = script.Commands[1];
        Assert.Equal(["pip", "install", "numpy<2", "torch"], pip.Words.Select(w => w.Value));
        Assert.Equal("\\\"numpy<2\\\"", script.At(pip.Words[2].Span));
        Assert.Equal("torch", script.At(pip.Words[3].Span));
    }

    [Fact]
    public void Expansions_in_a_double_quoted_script_stay_dynamic_inside()
    {
        ShellScript script = ShellScript.Analyze("/bin/sh -c \"pip install $PKG --index-url ${INDEX}\"");
        PipInvocation pip = Assert.Single(script.InvocationsOf<PipInvocation>());
        Assert.True(pip.Packages[0].IsDynamic);
        Assert.True(Assert.Single(pip.IndexUrls).IsValueDynamic);
        Assert.Equal("${INDEX}", script.At(pip.IndexUrls.Single().ValueSpan!.Value));
    }

    [Theory]
    [InlineData("bash -o pipefail -c 'pip install x'")]
    [InlineData("bash -ec 'pip install x'")]
    [InlineData("bash -lc 'pip install x'")]
    [InlineData("sudo -u app sh -c 'pip install x'")]
    [InlineData("dash -x -c 'pip install x' name arg")]
    public void Shell_options_before_the_c_string(string text)
    {
        ShellScript script = ShellScript.Analyze(text);
        Assert.Single(script.InvocationsOf<PipInvocation>());
        Assert.Equal("x", script.At(script.InvocationsOf<PipInvocation>().Single().Packages[0].Span));
    }

    [Fact]
    public void A_script_file_operand_is_not_a_c_string()
    {
        ShellScript script = ShellScript.Analyze("bash install.sh 'pip install x'");
        Assert.Single(script.Commands);
    }

    [Fact]
    public void Two_levels_of_nesting_map_to_the_outermost_string()
    {
        const string text = "sh -c \"bash -c 'rm -rf /var/lib/apt/lists/*'\"";
        ShellScript script = ShellScript.Analyze(text);
        SimpleCommand rm = script.Commands[2];
        Assert.Equal(2, rm.NestingLevel);
        Assert.Equal("/var/lib/apt/lists/*", script.At(rm.Words[2].Span));
        Assert.True(Assert.Single(script.InvocationsOf<RemoveInvocation>()).RemovesContentsOf("/var/lib/apt/lists"));
    }

    [Fact]
    public void Nested_script_inherits_the_conditional_context()
    {
        ShellScript script = ShellScript.Analyze("test -f x || sh -c 'pip install y'");
        Assert.True(script.Commands[2].IsConditional);
        Assert.True(script.Commands[2].IsIn(ShellCommandContext.NestedShell));
    }

    [Fact]
    public void Diagnostics_of_a_nested_script_point_into_the_outer_string()
    {
        const string text = "sh -c 'echo \"oops'";
        ShellScript script = ShellScript.Analyze(text);
        ShellDiagnostic diagnostic = Assert.Single(script.Diagnostics);
        Assert.Equal("unterminated-double-quote", diagnostic.Code);
        Assert.Equal(text.IndexOf('"', StringComparison.Ordinal), diagnostic.Span.Start);
    }

    [Fact]
    public void Exported_variables_reach_the_nested_script_and_plain_ones_do_not()
    {
        ShellScript script = ShellScript.Analyze("export PIP_NO_CACHE_DIR=1; LOCAL=1; sh -c 'pip install x'");
        SimpleCommand pip = script.Commands[^1];
        Assert.True(pip.Environment.IsExported("PIP_NO_CACHE_DIR"));
        Assert.Null(pip.Environment.Find("LOCAL"));
    }
}
