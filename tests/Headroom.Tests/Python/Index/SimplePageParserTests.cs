using System.Text;
using Headroom.Diagnostics;
using Headroom.Net;
using Headroom.Python;
using Headroom.Python.Index;

namespace Headroom.Tests.Python.Index;

public sealed class SimplePageParserTests
{
    private static readonly Uri PageUrl = new("https://download.test/whl/cpu/torch/");

    private static HttpDocument Doc(string body, string type, Uri? url = null) => new(url ?? PageUrl, Encoding.UTF8.GetBytes(body), type, false, null);

    private const string Html = """
        <!DOCTYPE html>
        <html><head><meta name="pypi:repository-version" content="1.1"><title>Links for torch</title></head>
        <body>
        <!-- <a href="commented-out-1.0-py3-none-any.whl">no</a> -->
        <h1>Links for torch</h1>
        <a href="/whl/cpu/torch-2.6.0%2Bcpu-cp312-cp312-linux_x86_64.whl#sha256=abc123" data-requires-python="&gt;=3.9.0" data-dist-info-metadata="sha256=def" data-core-metadata="sha256=def">torch-2.6.0+cpu-cp312-cp312-linux_x86_64.whl</a><br/>
        <a href="../../files/torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl" data-yanked="">torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl</a><br/>
        <a HREF='torch-2.4.0.tar.gz#md5=ff' data-yanked='bad &amp; broken' data-requires-python='&lt;3.13,&gt;=3.8'>torch-2.4.0.tar.gz</a>
        <a href="https://files.test/numpy-2.0.0-cp312-cp312-manylinux1_x86_64.whl">numpy (another project)</a>
        <a href=torch-2.3.0-py3-none-any.whl data-core-metadata=false>unquoted</a>
        </body></html>
        """;

    [Fact]
    public void Html_anchors_become_files()
    {
        SimpleProjectPage page = SimplePageParser.Parse(Doc(Html, "text/html"), "torch", "https://download.test/whl/cpu/");
        Assert.Equal("1.1", page.ApiVersion);
        Assert.Equal(["torch-2.6.0+cpu-cp312-cp312-linux_x86_64.whl", "torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl", "torch-2.4.0.tar.gz", "torch-2.3.0-py3-none-any.whl"], page.Files.Select(f => f.Filename));

        DistributionFile cpu = page.Files[0];
        Assert.Equal("https://download.test/whl/cpu/torch-2.6.0%2Bcpu-cp312-cp312-linux_x86_64.whl", cpu.Url.AbsoluteUri);
        Assert.Equal(PythonVersion.Parse("2.6.0+cpu"), cpu.Version);
        Assert.Equal("abc123", cpu.Hashes["sha256"]);
        Assert.Equal(">=3.9.0", cpu.RequiresPython);
        Assert.True(cpu.HasCoreMetadata);
        Assert.False(cpu.Yanked);
        Assert.Null(cpu.Size);
        Assert.Equal("https://download.test/whl/cpu/", cpu.IndexUrl);

        Assert.Equal("https://download.test/whl/files/torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl", page.Files[1].Url.AbsoluteUri);
        Assert.True(page.Files[1].Yanked);
        Assert.False(page.Files[1].HasCoreMetadata);

        DistributionFile sdist = page.Files[2];
        Assert.Equal("https://download.test/whl/cpu/torch/torch-2.4.0.tar.gz", sdist.Url.AbsoluteUri);
        Assert.Equal("<3.13,>=3.8", sdist.RequiresPython);
        Assert.Equal("ff", sdist.Hashes["md5"]);
        Assert.True(sdist.Yanked);
        Assert.Null(sdist.Wheel);
        Assert.False(page.Files[3].HasCoreMetadata);
    }

    [Fact]
    public void Base_href_changes_where_relative_links_point()
    {
        string html = "<html><head><base href=\"https://mirror.test/pkgs/\"></head><body><a href=\"torch-2.6.0-py3-none-any.whl\">t</a></body></html>";
        SimpleProjectPage page = SimplePageParser.ParseHtml(Doc(html, "text/html"), "torch", "x");
        Assert.Equal("https://mirror.test/pkgs/torch-2.6.0-py3-none-any.whl", page.Files.Single().Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("<html><body><a href=\"torch-1.0-py3-none-any.whl\">t</a><a href=\"torch-2.0-py3", "a quoted attribute value at character")]
    [InlineData("<html><body><a href=\"torch-1.0-py3-none-any.whl\">t</a><a href=x", "a tag at character")]
    [InlineData("<html><body><a href=\"torch-1.0-py3-none-any.whl\">t</a>", "<html> is never closed")]
    [InlineData("<html><body><!-- a comment that never ends", "a comment at character")]
    public void Truncated_html_is_reported(string html, string expected)
    {
        InputException e = Assert.Throws<InputException>(() => SimplePageParser.ParseHtml(Doc(html, "text/html"), "torch", "x"));
        Assert.StartsWith($"index {PageUrl}: truncated HTML: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private const string Json = """
        {"meta": {"api-version": "1.1", "_last-serial": 5},
         "name": "torch",
         "versions": ["2.5.1", "2.6.0"],
         "files": [
          {"filename": "torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl", "url": "../../files/torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl",
           "hashes": {"sha256": "aa"}, "requires-python": ">=3.9.0", "yanked": false, "size": 766600000,
           "core-metadata": {"sha256": "bb"}, "data-dist-info-metadata": {"sha256": "bb"}},
          {"filename": "torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl", "url": "https://files.test/t/torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl#sha256=cc",
           "hashes": {}, "yanked": "wrong CUDA", "dist-info-metadata": true},
          {"filename": "torchvision-0.21.0-py3-none-any.whl", "url": "x.whl", "hashes": {}}
         ]}
        """;

    [Fact]
    public void Json_files_carry_sizes_hashes_and_yanked()
    {
        SimpleProjectPage page = SimplePageParser.Parse(Doc(Json, "application/vnd.pypi.simple.v1+json", new Uri("https://pypi.test/simple/torch/")), "torch", "https://pypi.test/simple/");
        Assert.Equal("1.1", page.ApiVersion);
        Assert.Equal(["2.5.1", "2.6.0"], page.Versions);
        Assert.Equal(2, page.Files.Count);
        DistributionFile a = page.Files[0];
        Assert.Equal("https://pypi.test/files/torch-2.6.0-cp312-cp312-manylinux1_x86_64.whl", a.Url.AbsoluteUri);
        Assert.Equal(766600000, a.Size);
        Assert.Equal("aa", a.Hashes["sha256"]);
        Assert.True(a.HasCoreMetadata);
        Assert.False(a.Yanked);
        DistributionFile b = page.Files[1];
        Assert.True(b.Yanked);
        Assert.True(b.HasCoreMetadata);
        Assert.Equal("cc", b.Hashes["sha256"]);
        Assert.Equal(string.Empty, b.Url.Fragment);
        Assert.Null(b.Size);
    }

    [Fact]
    public void Truncated_json_is_reported()
    {
        InputException e = Assert.Throws<InputException>(() => SimplePageParser.Parse(Doc(Json[..(Json.Length / 2)], "application/vnd.pypi.simple.v1+json"), "torch", "x"));
        Assert.StartsWith($"index {PageUrl}: invalid JSON at line ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("bytes read; truncated?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_major_api_version_is_refused()
    {
        InputException e = Assert.Throws<InputException>(() => SimplePageParser.ParseJson(Doc("""{"meta":{"api-version":"2.0"},"files":[]}""", "application/json"), "torch", "x"));
        Assert.Equal($"index {PageUrl}: simple API version 2.0 is not supported (1.x is)", e.Message);
    }

    [Theory]
    [InlineData("torch-2.6.0-cp312-cp312-linux_x86_64.whl", "torch", "2.6.0")]
    [InlineData("Foo_Bar-1.0.tar.gz", "foo-bar", "1.0")]
    [InlineData("foo-bar-2.0rc1.zip", "foo-bar", "2.0rc1")]
    [InlineData("foo-bar-2.0.tar.gz", "foo", null)]
    [InlineData("torch-2.6.0.exe", "torch", null)]
    public void Versions_come_from_file_names(string filename, string project, string? version)
    {
        Assert.Equal(version, DistributionFilenames.VersionOf(filename, project)?.ToString());
    }
}
