using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Dockerfiles.Build;

namespace Headroom.Tests.Dockerfiles.Build;

internal static class BuildTestHelpers
{
    public static BuildDefinition Define(string dockerfile, BuildOptions? options = null)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(dockerfile.ReplaceLineEndings("\n"));
        Assert.False(syntax.HasErrors, string.Join("; ", syntax.Diagnostics));
        return BuildDefinition.Create(syntax, options);
    }

    public static BuildOptions WithArgs(params (string Name, string Value)[] args)
    {
        BuildOptions options = BuildOptions.Default;
        foreach ((string name, string value) in args)
        {
            options = options.WithBuildArg(name, value);
        }

        return options;
    }

    /// <summary>The instruction of a stage starting at a 1-based line.</summary>
    public static BuildInstruction At(this BuildDefinition definition, int line) =>
        Assert.Single(definition.Instructions, instruction => instruction.Line == line);

    public static Diagnostic Single(this BuildDefinition definition, string code) =>
        Assert.Single(definition.Diagnostics, diagnostic => diagnostic.Code == code);

    public static void HasNo(this BuildDefinition definition, string code) =>
        Assert.DoesNotContain(definition.Diagnostics, diagnostic => diagnostic.Code == code);
}
