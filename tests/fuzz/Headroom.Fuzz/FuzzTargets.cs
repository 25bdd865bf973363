using System.Text;
using Headroom.Dockerfiles;

namespace Headroom.Fuzz;

/// <summary>The readers under fuzzing, by name. A target that throws is a finding.</summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>
    {
        ["dockerfile"] = Dockerfile,
    };

    /// <summary>The parser must not throw, and must give the input back byte for byte.</summary>
    private static void Dockerfile(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        DockerfileSyntax syntax = DockerfileParser.Parse(text, "fuzz");
        if (syntax.ToFullString() != text)
        {
            throw new InvalidOperationException("round trip failed");
        }
    }
}
