using Headroom.Diagnostics;
using Headroom.Dockerfiles;

namespace Headroom.Tests.Dockerfiles;

internal static class ParserTestHelpers
{
    /// <summary>Parses, checks the round trip, and returns the tree.</summary>
    public static DockerfileSyntax Parse(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text, "Dockerfile");
        Assert.Equal(text, syntax.ToFullString());
        return syntax;
    }

    /// <summary>The sexp dump of a text that must parse without errors.</summary>
    public static string Dump(string text)
    {
        DockerfileSyntax syntax = Parse(text);
        Assert.False(syntax.HasErrors, string.Join("\n", syntax.Diagnostics));
        return SexpPrinter.Print(syntax);
    }

    public static Diagnostic SingleError(DockerfileSyntax syntax) =>
        Assert.Single(syntax.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
}
