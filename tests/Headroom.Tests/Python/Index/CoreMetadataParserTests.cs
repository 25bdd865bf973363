using Headroom.Diagnostics;
using Headroom.Python.Index;

namespace Headroom.Tests.Python.Index;

public sealed class CoreMetadataParserTests
{
    [Fact]
    public void Reads_headers_continuations_and_old_style_requirements()
    {
        const string text = """
            Metadata-Version: 2.1
            Name: torch
            Version: 2.2.2
            Summary: Tensors and Dynamic neural networks
              in Python
            Requires-Python: >=3.8.0
            Provides-Extra: opt-einsum
            Requires-Dist: filelock
            Requires-Dist: nvidia-cuda-nvrtc-cu12 (==12.1.105) ; platform_system == "Linux" and platform_machine == "x86_64"
            requires-dist: triton (==2.2.0) ; platform_system == "Linux" and platform_machine == "x86_64" and
              python_version < "3.12"
            Requires-Dist: opt-einsum>=3.3; extra == "opt-einsum"

            Requires-Dist: not-a-header (this is the description)
            """;
        CoreMetadata m = CoreMetadataParser.Parse(text, "METADATA");
        Assert.Equal("torch", m.Name);
        Assert.Equal("2.2.2", m.Version.ToString());
        Assert.True(m.RequiresPython.Contains("3.12"));
        Assert.False(m.RequiresPython.Contains("3.7"));
        Assert.Equal(["opt-einsum"], m.ProvidesExtra);
        Assert.Equal(["filelock", "nvidia-cuda-nvrtc-cu12", "triton", "opt-einsum"], m.RequiresDist.Select(r => r.Name));
        Assert.Equal("==12.1.105", m.RequiresDist[1].Specifier.ToString());
        Assert.Contains("python_version", m.RequiresDist[2].Marker!.Variables);
        Assert.False(m.RequiresDist[2].AppliesTo(new Headroom.Python.MarkerEnvironment { PythonVersion = "3.12" }));
        Assert.True(m.RequiresDist[2].AppliesTo(new Headroom.Python.MarkerEnvironment { PythonVersion = "3.11" }));
    }

    [Theory]
    [InlineData("Name: x\nVersion: 1.0\nRequires-Dist: foo ==", "META: line 3: Requires-Dist 'foo =='")]
    [InlineData("Name: x\nVersion: one\n", "META: Version 'one' is not a PEP 440 version")]
    [InlineData("Version: 1.0\n", "META: no Name header")]
    [InlineData("Name: x\nVersion 1.0\n", "META: line 2: not a 'Name: value' header")]
    public void Bad_metadata_names_the_line(string text, string expected)
    {
        InputException e = Assert.Throws<InputException>(() => CoreMetadataParser.Parse(text, "META"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }
}
