using System.Text;
using Headroom.Diagnostics;
using Headroom.Dockerfiles;
using Headroom.Images;

namespace Headroom.Fuzz;

/// <summary>The readers under fuzzing, by name. A target that throws is a finding.</summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>
    {
        ["dockerfile"] = Dockerfile,
        ["image-archive"] = data => ExpectOnlyInputErrors(ImageFuzzTarget.ReadArchive, data),
        ["image-layer"] = data => ExpectOnlyInputErrors(ImageFuzzTarget.ReadLayer, data),
        ["image-index"] = data => ExpectOnlyInputErrors(ImageFuzzTarget.ReadIndex, data),
    };

    /// <summary>Bad input must end in the tool's own input error (exit 2, one line), nothing else.</summary>
    private static void ExpectOnlyInputErrors(Action<byte[]> read, byte[] data)
    {
        try
        {
            read(data);
        }
        catch (InputException)
        {
        }
    }

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
